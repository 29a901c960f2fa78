package vn.gov.prefill.flow;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.gov.prefill.mapping.FieldOutcome;
import vn.gov.prefill.plan.SourceSummary;

/** The answer of {@code POST /api/v1/forms/{formId}/prefill}, as GATEWAY-API.md fixes it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PrefillResponse(String requestId, String formId, String formVersion, ObjectNode data,
                              Map<String, FieldOutcome> fields, Map<String, SourceSummary> sources, String prefillToken) {

    /** The same answer, with the token that binds its values to this person and form. */
    public PrefillResponse withPrefillToken(String token) {
        return new PrefillResponse(requestId, formId, formVersion, data, fields, sources, token);
    }
}
