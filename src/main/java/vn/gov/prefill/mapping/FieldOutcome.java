package vn.gov.prefill.mapping;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** Status and provenance of one bound field; {@code subject} (not answered) is whom the value is about. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldOutcome(FieldStatus status, String source, Boolean locked, String asOf, JsonNode value,
                           List<Alternative> alternatives, List<String> flags, @JsonIgnore String subject) {

    /** A value another source gave for a field in CONFLICT. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Alternative(JsonNode value, String source, String asOf) { }

    static FieldOutcome of(FieldStatus status, String source) {
        return new FieldOutcome(status, source, null, null, null, null, null, null);
    }

    /** As answered in {@code fields}: the value stays in {@code data}, except for a CONFLICT, which shows it beside its alternatives. */
    FieldOutcome visible() {
        return status == FieldStatus.CONFLICT || value == null ? this
                : new FieldOutcome(status, source, locked, asOf, null, null, flags, subject);
    }
}
