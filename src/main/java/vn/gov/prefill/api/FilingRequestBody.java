package vn.gov.prefill.api;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The filing's body as the OpenAPI document shows it: a submission's, the consent to keep declared values, and the
 * documents filed by reference. Documentation only.
 */
@Schema(name = "FilingRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record FilingRequestBody(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Map<String, Object> data,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "the prefillToken of this form's prefill: without it 401, of another person or form 403")
        String prefillToken,
        @Schema(description = "with keep true, the values of the form's x-declare fields are kept for the filer and offered "
                + "again by later prefills (source declared); without it nothing is kept")
        Declare declare,
        @Schema(description = "documents filed by reference, by slot pointer (e.g. /attachments/birthCertificate): each one the prefill "
                + "offered you for that slot, else 422 invalid-attachment naming the slot")
        Map<String, AttachmentReference> attachments) {

    /** The citizen's consent. */
    @Schema(name = "FilingDeclare", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record Declare(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean keep) { }

    /** One document filed by reference. */
    @Schema(name = "AttachmentReference", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record AttachmentReference(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
            description = "the documentRef of one of the documents the prefill's attachments offered for this slot") String documentRef) { }
}
