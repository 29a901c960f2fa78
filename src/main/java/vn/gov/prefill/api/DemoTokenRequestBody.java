package vn.gov.prefill.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What {@code POST /api/v1/demo/tokens} reads, as the OpenAPI document shows it; documentation only.
 * The claim names of the token are accepted in place of the gateway's, so they are listed too.
 */
@Schema(name = "DemoTokenRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE,
        description = "Exactly one of persona, citizenId or enterpriseCode.")
public record DemoTokenRequestBody(
        @Schema(example = "hoa", description = "a persona of GET /api/v1/demo/personas") String persona,
        @Schema(pattern = "^[0-9]{12}$", description = "any well-formed personal number: a citizen account") String citizenId,
        @Schema(pattern = "^[0-9]{10}(-[0-9]{3})?$", description = "any well-formed enterprise code: an organisation account")
        String enterpriseCode,
        @Schema(allowableValues = {"LoA1", "LoA2"}, description = "the level of assurance (acr); default the persona's") String loa,
        @Schema(description = "the token's aud; default gateway.security.audience") String audience,
        @Schema(minimum = "-86400", maximum = "86400", defaultValue = "3600",
                description = "lifetime in seconds, not 0; negative mints a token that has already expired") Long expiresInSeconds,
        @Schema(description = "the claim name of citizenId") String SoDinhDanh,
        @Schema(description = "the claim name of enterpriseCode") String MaSoDoanhNghiep,
        @Schema(allowableValues = {"LoA1", "LoA2"}, description = "the claim name of loa") String acr,
        @Schema(description = "the claim name of audience") String aud) { }
