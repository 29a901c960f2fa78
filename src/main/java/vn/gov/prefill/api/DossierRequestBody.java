package vn.gov.prefill.api;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/** The filing's body as the OpenAPI document shows it: a submission's, and what only a filing takes. Documentation only. */
@Schema(name = "DossierRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record DossierRequestBody(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Map<String, Object> data,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "the prefillToken of this form's prefill: without it 401, of another person or form 403")
        String prefillToken,
        @Schema(description = "{\"keep\": true} keeps the form's declared values (x-declare) for next time; absent or false keeps nothing")
        Declare declare,
        @Schema(description = "documents filed by reference, by slot pointer (e.g. /attachments/birthCertificate): each one the prefill "
                + "offered you for that slot, else 422 invalid-attachment naming the slot")
        Map<String, AttachmentReference> attachments) {

    @Schema(name = "DossierDeclare", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record Declare(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean keep) { }

    @Schema(name = "AttachmentReference", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record AttachmentReference(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
            description = "the documentRef of one of the documents the prefill's attachments offered for this slot") String documentRef) { }
}
