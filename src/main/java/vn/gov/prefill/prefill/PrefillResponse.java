package vn.gov.prefill.prefill;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The answer of {@code POST /api/v1/forms/{formId}/prefill}, as GATEWAY-API.md fixes it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PrefillResponse(String requestId, String formId, String formVersion, ObjectNode data,
                              Map<String, FieldOutcome> fields, Map<String, SourceSummary> sources, String prefillToken) {

    /** The same answer, with the token that binds its values to this person and form. */
    public PrefillResponse withPrefillToken(String token) {
        return new PrefillResponse(requestId, formId, formVersion, data, fields, sources, token);
    }

    /** Status and provenance of one bound field. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldOutcome(FieldStatus status, String source, Boolean locked, String asOf, JsonNode value,
                               List<Alternative> alternatives, List<String> flags, @JsonIgnore String subject) {

        static FieldOutcome of(FieldStatus status, String source) {
            return new FieldOutcome(status, source, null, null, null, null, null, null);
        }
    }

    /** A value another source gave for a field in CONFLICT. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Alternative(JsonNode value, String source, String asOf) { }

    /** How one registry did for this prefill, over all its reads. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SourceSummary(String status, long latencyMs, List<ReadSummary> reads) { }

    /** One read of a registry about one of the form's subjects. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReadSummary(String subject, String status, long latencyMs) { }

    public enum FieldStatus { PREFILLED, EMPTY, SOURCE_FAILED, NOT_CONSENTED, CONFLICT }
}
