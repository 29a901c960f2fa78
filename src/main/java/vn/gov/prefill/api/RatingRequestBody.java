package vn.gov.prefill.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** What {@code POST /api/v1/me/dossiers/{dossierId}/rating} reads, as the OpenAPI document shows it; documentation only. */
@Schema(name = "RatingRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE, requiredProperties = {"stage", "score"})
public record RatingRequestBody(
        @Schema(allowableValues = {"FILING", "RESULT"},
                description = "FILING once filed; RESULT once the result is ready, refused or handed over") String stage,
        @Schema(minimum = "1", maximum = "5", description = "how satisfied: 1 (not at all) to 5 (very); 4 and 5 count as satisfied")
        Integer score,
        Items items,
        @Schema(maxLength = 1200, description = "free text, read by operators only; personal numbers, phone numbers and e-mail "
                + "addresses in it are masked before it is stored") String comment) {

    @Schema(name = "RatingItems", additionalProperties = Schema.AdditionalPropertiesValue.FALSE,
            description = "optional scores, each 1 to 5")
    public record Items(@Schema(minimum = "1", maximum = "5", description = "how easy it was") Integer easy,
                        @Schema(minimum = "1", maximum = "5", description = "how quick it was") Integer time,
                        @Schema(minimum = "1", maximum = "5", description = "the desk's staff: only for a dossier filed at a desk")
                        Integer staff) { }
}
