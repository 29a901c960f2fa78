package vn.gov.prefill.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A file of EnvironmentFile= (systemd.exec(5)): {@code KEY=value} lines, blank lines and lines
 * starting with {@code #} or {@code ;} ignored, a value optionally in single or double quotes.
 */
public final class EnvironmentFile {

    private EnvironmentFile() { }

    /** Writes the assignments, mode 0600 as the unit's comment asks; values must need no quoting. */
    public static Path write(Path file, Map<String, String> assignments) {
        StringBuilder text = new StringBuilder();
        assignments.forEach((key, value) -> {
            if (!key.matches("[A-Za-z_][A-Za-z0-9_]*") || !value.matches("[^\\s\"'\\\\$#;]*")) {
                throw new IllegalArgumentException(key + ": not a plain assignment for an environment file");
            }
            text.append(key).append('=').append(value).append('\n');
        });
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, String> read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> parse(String text) {
        Map<String, String> assignments = new LinkedHashMap<>();
        String[] lines = text.split("\n");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("line " + (n + 1) + " is not an assignment");
            }
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                    && value.charAt(value.length() - 1) == value.charAt(0)) {
                value = value.substring(1, value.length() - 1);
            }
            assignments.put(line.substring(0, eq).strip(), value);
        }
        return assignments;
    }
}
