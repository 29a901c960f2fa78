package vn.gov.prefill.form;

import java.util.List;

/** A form file that cannot be served: every problem, each with its file and JSON Pointer. */
public class FormDefinitionException extends IllegalStateException {

    private final List<String> problems;

    public FormDefinitionException(List<String> problems) {
        super("invalid form definition(s):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
