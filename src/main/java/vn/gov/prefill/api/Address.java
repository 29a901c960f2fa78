package vn.gov.prefill.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** How form data carries an address (GATEWAY-API.md "Canonical values"); documentation only. */
@Schema(name = "Address", requiredProperties = {"country"},
        description = "An address in form data, in the administrative units of 2025. Wherever a form's JSON Schema "
                + "has an address field (placeOfBirth, permanentResidence, headOffice…), its value has this shape.")
public record Address(
        @Schema(examples = "24", description = "2-digit province code") String provinceCode,
        @Schema(examples = "09187", description = "5-digit commune code; absent when an old commune split (UNIT_AMBIGUOUS)")
        String communeCode,
        @Schema(examples = "183", description = "3-digit district code, only on an old three-level record kept as is")
        String districtCode,
        @Schema(example = "Số 8 đường Lý Thái Tổ") String street,
        @Schema(example = "VN", description = "ISO 3166 alpha-2") String country,
        @Schema(example = "Số 8 đường Lý Thái Tổ, Phường Kinh Bắc, Tỉnh Bắc Ninh",
                description = "the address rendered from the code lists") String text,
        @Schema(description = "what the register holds, when it was converted to the 2025 units") Legacy legacy,
        @Schema(description = "the possible communes, when an old commune went to several (UNIT_AMBIGUOUS)")
        List<Candidate> candidates) {

    @Schema(name = "LegacyAddress")
    public record Legacy(String provinceCode, String districtCode, String communeCode, String text) { }

    @Schema(name = "CommuneCandidate")
    public record Candidate(String communeCode, String name) { }
}
