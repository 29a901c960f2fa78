package vn.gov.prefill.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * deploy/systemd/prefill-gateway.env, the environment file an operator copies to each node: every
 * variable is preceded by a comment naming its configuration key ({@code # gateway.x.y: what it is}).
 */
public final class DeployEnvironment {

    public static final Path FILE = Path.of("deploy/systemd/prefill-gateway.env");
    private static final Pattern KEY = Pattern.compile("#\\s*([a-z][a-z0-9.-]+[a-z0-9]):\\s.*");

    private DeployEnvironment() { }

    /** Configuration key to the variable the file sets it with, in the file's order. */
    public static Map<String, String> variables() {
        List<String> lines;
        try {
            lines = Files.readAllLines(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher key = KEY.matcher(lines.get(n - 1));
            if (!key.matches()) {
                throw new IllegalStateException(FILE + ", line " + (n + 1) + ": no comment naming the key of " + line);
            }
            variables.put(key.group(1), line.substring(0, line.indexOf('=')));
        }
        return variables;
    }

    /** The values the file ships with, by variable. */
    public static Map<String, String> values() {
        return EnvironmentFile.read(FILE);
    }
}
