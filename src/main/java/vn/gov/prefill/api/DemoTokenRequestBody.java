package vn.gov.prefill.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What {@code POST /api/v1/demo/tokens} reads, as the OpenAPI document shows it; documentation only.
 * The claim names of the token are accepted in place of the gateway's, so they are listed too.
 */
@Schema(name = "DemoTokenRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE,
        description = "Exactly one of persona, citizenId or enterpriseCode; or none with operator or officer (the "
                + "demo operator, or the officer of the demo desk).")
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
        @Schema(description = "the claim name of audience") String aud,
        @Schema(defaultValue = "0", minimum = "0", maximum = "86400",
                description = "how long ago the person signed in (auth_time)") Long signedInSecondsAgo,
        @Schema(defaultValue = "false", description = "an operator's token (roles: OPERATOR)") Boolean operator,
        @Schema(defaultValue = "false", description = "an officer's token at a one-stop desk (roles: OFFICER, with MaCanBo, "
                + "MaDonVi and TenDonVi); it acts only with the citizen's token in X-Citizen-Authorization") Boolean officer,
        @Schema(example = "CB.27.0042", description = "MaCanBo of an officer's token; default the demo desk's") String officerCode,
        @Schema(example = "000.27.31.H09", description = "MaDonVi of an officer's token; default the demo desk's") String unitCode,
        @Schema(example = "Bộ phận Một cửa phường Kinh Bắc", description = "TenDonVi of an officer's token") String unitName,
        @Schema(description = "the claim name of officerCode") String MaCanBo,
        @Schema(description = "the claim name of unitCode") String MaDonVi,
        @Schema(description = "the claim name of unitName") String TenDonVi) { }
