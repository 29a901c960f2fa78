package vn.gov.prefill.form;

import java.nio.file.Path;
import java.util.List;

/** What is wrong in one form file, each as "file: pointer: reason". */
final class FormErrors {

    private final Path file;
    private final List<String> errors;

    FormErrors(Path file, List<String> errors) {
        this.file = file;
        this.errors = errors;
    }

    void add(String pointer, String reason) {
        errors.add(file + ": " + (pointer.isEmpty() ? "/" : pointer) + ": " + reason);
    }

    void unreadable(String reason) {
        errors.add(file + ": " + reason);
    }
}
