package vn.gov.prefill;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

/**
 * A program a test needs from the machine (nginx, promtool, systemd-analyze): skipped without it,
 * except with {@code CI=true}, where {@code .ci/run} installs it and its absence fails the test.
 */
public final class RequiredTool {

    private RequiredTool() { }

    /**
     * @param name        the executable's file name, looked for on the PATH, then in {@code sbin}
     * @param installedBy what {@code .ci/run} installs it from, for the message
     */
    public static String find(String name, String installedBy) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/bin"));
        for (String dir : dirs) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        if ("true".equalsIgnoreCase(String.valueOf(System.getenv("CI")).strip())) {
            fail("CI=true but " + name + " is not installed (.ci/run installs " + installedBy + ")");
        }
        Assumptions.abort(name + " is not installed: the test that needs it is skipped");
        return null;
    }
}
