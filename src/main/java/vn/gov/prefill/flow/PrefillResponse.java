package vn.gov.prefill.flow;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.gov.prefill.mapping.FieldOutcome;
import vn.gov.prefill.plan.SourceSummary;

/** The answer of {@code POST /api/v1/forms/{formId}/prefill}, as GATEWAY-API.md fixes it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PrefillResponse(String requestId, String formId, String formVersion, ObjectNode data,
                              Map<String, FieldOutcome> fields, Map<String, SourceSummary> sources,
                              @io.swagger.v3.oas.annotations.media.Schema(description = "only for a form with attachment "
                                      + "slots: per slot pointer, the documents on file it accepts (an empty array when none)")
                              Map<String, List<Document>> attachments, String prefillToken) {

    /**
     * A document on file offered for an attachment slot, by reference: {@code source} {@code dossiers} (the registry of
     * digitised results) or {@code handling} (the result of one of the person's own earlier dossiers).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @io.swagger.v3.oas.annotations.media.Schema(name = "AttachmentDocument", requiredProperties = {"documentRef", "source"})
    public record Document(
            @io.swagger.v3.oas.annotations.media.Schema(description = "the reference to file in attachments (the document's link)")
            String documentRef,
            String title,
            @io.swagger.v3.oas.annotations.media.Schema(description = "the issuing body, when the registry names it") String issuedBy,
            @io.swagger.v3.oas.annotations.media.Schema(format = "date") String issuedOn,
            @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"dossiers", "handling"},
                    description = "dossiers: the registry of digitised results; handling: the result of your own earlier dossier")
            String source) { }

    /** The same answer, with the token that binds its values to this person and form. */
    public PrefillResponse withPrefillToken(String token) {
        return new PrefillResponse(requestId, formId, formVersion, data, fields, sources, attachments, token);
    }
}
