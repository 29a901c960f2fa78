package vn.gov.prefill.edge;

import java.util.List;

import vn.gov.prefill.edge.problem.ApiProblem.FieldError;

/** Query parameters read the same way by every endpoint that pages: an integer in range, or an error naming it. */
public final class QueryParameters {

    private QueryParameters() { }

    /** The integer {@code value}, {@code fallback} when absent; out of range or not a number adds an error naming it. */
    public static int integer(String name, String value, int fallback, int min, int max, List<FieldError> errors) {
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(name, "must be an integer from " + min + " to " + max));
        return fallback;
    }
}
