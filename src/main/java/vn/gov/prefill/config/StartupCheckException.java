package vn.gov.prefill.config;

import java.util.List;

/**
 * A file or setting the gateway cannot start with. Each problem names its file and the JSON Pointer
 * (or the configuration key) it is about; at start they are what the log shows last
 * ({@code vn.gov.prefill.startup.StartupFailureAnalyzer}).
 */
public class StartupCheckException extends IllegalStateException {

    private final List<String> problems;

    public StartupCheckException(String problem) {
        this(List.of(problem));
    }

    public StartupCheckException(List<String> problems) {
        this(String.join("\n", problems), problems);
    }

    protected StartupCheckException(String message, List<String> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
