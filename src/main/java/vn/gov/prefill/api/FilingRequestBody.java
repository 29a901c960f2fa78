package vn.gov.prefill.api;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/** The filing's body as the OpenAPI document shows it: a submission's, and the consent to keep declared values. */
@Schema(name = "FilingRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record FilingRequestBody(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Map<String, Object> data,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "the prefillToken of this form's prefill: without it 401, of another person or form 403")
        String prefillToken,
        @Schema(description = "with keep true, the values of the form's x-declare fields are kept for the filer and offered "
                + "again by later prefills (source declared); without it nothing is kept")
        Declare declare) {

    /** The citizen's consent. */
    @Schema(name = "FilingDeclare", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record Declare(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean keep) { }
}
