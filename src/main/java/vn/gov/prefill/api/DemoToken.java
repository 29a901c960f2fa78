package vn.gov.prefill.api;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.swagger.v3.oas.annotations.media.Schema;

/** The answer of {@code POST /api/v1/demo/tokens} as the OpenAPI document shows it; the controller answers a map. */
@Schema(name = "DemoToken", requiredProperties = {"access_token", "token_type", "expires_in", "persona"})
public record DemoToken(
        @JsonProperty("access_token") @Schema(description = "send it as Authorization: Bearer …") String accessToken,
        @JsonProperty("token_type") @Schema(allowableValues = "Bearer") String tokenType,
        @JsonProperty("expires_in") @Schema(description = "seconds") long expiresIn,
        @Schema(description = "the persona's id, or ad-hoc for a citizenId or enterpriseCode") String persona,
        @Schema(description = "an operator's or an officer's role") java.util.List<String> roles,
        @Schema(description = "an officer's desk") DeskOf desk) {

    /** The desk an officer's token names. */
    @Schema(name = "DemoDesk")
    public record DeskOf(@Schema(description = "MaCanBo") String officer, @Schema(description = "MaDonVi") String unit,
                         @Schema(description = "TenDonVi") String unitName) { }
}
