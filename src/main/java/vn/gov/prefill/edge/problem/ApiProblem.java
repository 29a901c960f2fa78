package vn.gov.prefill.edge.problem;

import java.util.List;
import java.util.Map;

/**
 * A refusal the caller can act on: becomes an RFC 9457 problem document naming the field and the reason.
 * {@code slug} is the last segment of the problem type URI.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, String> headers;

    public ApiProblem(int status, String slug, String title, String detail, List<FieldError> errors, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public ApiProblem(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of(), Map.of());
    }

    /** 503 when the disclosure log cannot record (or be read): nothing is released; come back in 5 s. */
    public static ApiProblem auditUnavailable(String detail) {
        return new ApiProblem(503, "audit-unavailable", "Disclosure log unavailable", detail, List.of(), Map.of("Retry-After", "5"));
    }

    public static ApiProblem badRequest(String slug, String title, List<FieldError> errors) {
        String detail = errors.size() == 1
                ? (errors.get(0).pointer().isEmpty() ? "" : errors.get(0).pointer() + ": ") + errors.get(0).message()
                : errors.size() + " problems in the request; see errors";
        return new ApiProblem(400, slug, title, detail, errors, Map.of());
    }

    public int status() { return status; }
    public String slug() { return slug; }
    public String title() { return title; }
    public List<FieldError> errors() { return errors; }
    public Map<String, String> headers() { return headers; }

    /** One violation, at a JSON Pointer into the request (or a parameter name). */
    public record FieldError(String pointer, String message) {

        /** One error per property of {@code object} (at {@code parent}) that is not {@code allowed}; RFC 6901 pointers. */
        public static List<FieldError> unknownProperties(com.fasterxml.jackson.databind.JsonNode object, String parent,
                                                         List<String> allowed) {
            List<FieldError> out = new java.util.ArrayList<>();
            object.fieldNames().forEachRemaining(name -> {
                if (!allowed.contains(name)) {
                    out.add(new FieldError(parent + "/" + name.replace("~", "~0").replace("/", "~1"),
                            "unknown property (allowed: " + String.join(", ", allowed) + ")"));
                }
            });
            return out;
        }
    }
}
