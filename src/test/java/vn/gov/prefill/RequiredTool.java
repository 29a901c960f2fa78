package vn.gov.prefill;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine (a program such as nginx, promtool, pg_dump, systemd-analyze, chromium; or
 * PostgreSQL at {@code AUDIT_DB_URL}): skipped without it, except with {@code CI=true}, where {@code .ci/run}
 * provides it and its absence fails the test. {@link #missing} is the one place that rule is written.
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
        missing(name + " is not installed", ".ci/run installs " + installedBy);
        return null;
    }

    /** Whether the build runs on CI ({@code CI=true}), where nothing a test needs may be missing. */
    public static boolean onCi() {
        return "true".equalsIgnoreCase(String.valueOf(System.getenv("CI")).strip());
    }

    /**
     * Something the test needs is missing: with {@code CI=true} the test fails, otherwise it is skipped.
     *
     * @param what     what is missing, e.g. "AUDIT_DB_URL is not set"
     * @param ciSource how {@code .ci/run} provides it, for the failure's message
     */
    public static void missing(String what, String ciSource) {
        if (onCi()) {
            fail("CI=true but " + what + " (" + ciSource + ")");
        }
        Assumptions.abort(what + ": the test that needs it is skipped");
    }
}
