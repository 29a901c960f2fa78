package vn.gov.prefill.api;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/** The submission's body as the OpenAPI document shows it; documentation only, like {@link PrefillRequestBody}. */
@Schema(name = "SubmissionRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record SubmissionRequestBody(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Map<String, Object> data,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "the prefillToken of this form's prefill: without it 401, of another person or form 403")
        String prefillToken) { }
