package vn.gov.prefill.startup;

import java.util.stream.Stream;

import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

import vn.gov.prefill.config.StartupCheckException;

/**
 * Turns a failed start into what the operator must fix: the startup check's own problems (file and
 * JSON Pointer or key), or for a route file Camel could not read, the file with its line and column.
 * Spring Boot then logs this analysis last, instead of the bean-creation stack.
 */
public class StartupFailureAnalyzer implements FailureAnalyzer {

    static final String ACTION = "Correct the file or setting named above and start again; "
            + "docs/architecture.md, Startup checks, lists what is checked.";

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof StartupCheckException check) {
                return new FailureAnalysis(String.join("\n", check.problems()), ACTION, failure);
            }
            if (t instanceof MarkedYamlEngineException yaml) {
                return new FailureAnalysis(where(yaml), ACTION, failure);
            }
        }
        return null;
    }

    /** {@code routes/sources/x.yaml: line L, column C: reason}, counting from 1 as editors do. */
    static String where(MarkedYamlEngineException yaml) {
        Mark mark = yaml.getProblemMark().or(yaml::getContextMark).orElse(null);
        String problem = Stream.of(yaml.getContext(), yaml.getProblem())
                .filter(s -> s != null && !s.isBlank()).reduce((a, b) -> a + ": " + b).orElse("cannot be read");
        if (mark == null) {
            return "a route file: " + problem;
        }
        String file = mark.getName().startsWith("file:") ? mark.getName().substring("file:".length()) : mark.getName();
        return file + ": line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": " + problem;
    }
}
