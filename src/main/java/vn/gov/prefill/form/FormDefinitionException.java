package vn.gov.prefill.form;

import java.util.List;

import vn.gov.prefill.config.StartupCheckException;

/** A form file that cannot be served: every problem, each with its file and JSON Pointer. */
public class FormDefinitionException extends StartupCheckException {

    public FormDefinitionException(List<String> problems) {
        super("invalid form definition(s):\n  " + String.join("\n  ", problems), problems);
    }
}
