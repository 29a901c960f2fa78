package vn.gov.prefill.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Old addresses come out in the units of 2025 over HTTP (GATEWAY-API.md, "Addresses in the units of 2025"),
 * with their flags on the field, and a submission of them counts as kept.
 */
class UnitsConversionIT extends GatewayTestSupport {

    static final String FORM = "criminal-record-request";
    static final String RESIDENCE = "/applicant/permanentResidence";

    Answer prefilled(String persona) {
        Answer a = prefill(FORM, token(persona), null);
        assertThat(a.status()).isEqualTo(200);
        return a;
    }

    static JsonNode flags(Answer a, String pointer) {
        return a.body().at("/fields/" + pointer.replace("~", "~0").replace("/", "~1") + "/flags");
    }

    Answer submit(String persona, Answer prefill, JsonNode residence) {
        ObjectNode data = (ObjectNode) prefill.body().get("data").deepCopy();
        data.put("purpose", "Xin việc");
        data.put("certificateType", 1);
        if (residence != null) {
            ((ObjectNode) data.get("applicant")).set("permanentResidence", residence);
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("data", data);
        body.put("prefillToken", prefill.body().get("prefillToken").asText());
        return call("POST", "/api/v1/forms/" + FORM + "/submissions", token(persona), "application/json", body.toString());
    }

    @Test
    void anOldThreeLevelAddressComesInThe2025UnitsWithTheRegistersOwnUnderLegacy() throws Exception {
        Answer a = prefilled("tam");

        assertThat(a.body().at("/data" + RESIDENCE)).isEqualTo(JSON.readTree("""
                {"provinceCode": "20", "communeCode": "06211", "street": "Thôn Nà Chuông", "country": "VN",
                 "text": "Thôn Nà Chuông, Xã Cao Lộc, Tỉnh Lạng Sơn",
                 "legacy": {"provinceCode": "20", "districtCode": "183", "communeCode": "06193",
                            "text": "Thôn Nà Chuông, Xã Thanh Lòa, Huyện Cao Lộc, Tỉnh Lạng Sơn"}}"""));
        assertThat(flags(a, RESIDENCE).toString()).isEqualTo("[\"CONVERTED_TO_2025_UNITS\"]");
        assertThat(a.body().at("/fields/~1applicant~1permanentResidence/status").asText()).isEqualTo("PREFILLED");
    }

    @Test
    void aMergedAwayCommuneWithoutADistrictIsConvertedNotDropped() {
        Answer a = prefilled("luc");

        JsonNode birth = a.body().at("/data/applicant/placeOfBirth");
        assertThat(birth.path("communeCode").asText()).isEqualTo("06112");
        assertThat(birth.path("text").asText()).isEqualTo("Xã Bình Gia, Tỉnh Lạng Sơn");
        assertThat(birth.at("/legacy/text").asText()).isEqualTo("Xã Hoàng Văn Thụ, Tỉnh Lạng Sơn");
        assertThat(flags(a, "/applicant/placeOfBirth").toString()).isEqualTo("[\"CONVERTED_TO_2025_UNITS\"]");
    }

    @Test
    void aSplitCommuneGivesCandidatesAndNoCommune() throws Exception {
        Answer a = prefilled("cam");

        JsonNode residence = a.body().at("/data" + RESIDENCE);
        assertThat(residence.has("communeCode")).isFalse();
        assertThat(residence.path("provinceCode").asText()).isEqualTo("14");
        assertThat(residence.path("text").asText()).isEqualTo("Bản Bôm, Tỉnh Sơn La");
        assertThat(residence.get("candidates")).isEqualTo(JSON.readTree("""
                [{"communeCode": "03721", "name": "Xã Thuận Châu"}, {"communeCode": "03784", "name": "Xã Nậm Lầu"}]"""));
        assertThat(flags(a, RESIDENCE).toString()).isEqualTo("[\"CONVERTED_TO_2025_UNITS\",\"UNIT_AMBIGUOUS\"]");
    }

    @Test
    void anUnknownCodeIsKeptAndFlaggedNeverRefused() {
        Answer a = prefilled("nga");

        JsonNode residence = a.body().at("/data" + RESIDENCE);
        assertThat(residence.path("communeCode").asText()).isEqualTo("06299");
        assertThat(residence.path("districtCode").asText()).isEqualTo("183");
        assertThat(residence.path("text").asText()).isEqualTo("Thôn Khòn Pát, Huyện Cao Lộc, Tỉnh Lạng Sơn");
        assertThat(flags(a, RESIDENCE).toString()).isEqualTo("[\"UNIT_UNKNOWN\"]");
        // the same record's place of birth, 06211 with a district, is the contract's example
        assertThat(a.body().at("/data/applicant/placeOfBirth/text").asText()).isEqualTo("Xã Cao Lộc, Tỉnh Lạng Sơn");
        assertThat(a.body().at("/data/applicant/placeOfBirth/legacy/text").asText()).isEqualTo("Xã Lộc Yên, Huyện Cao Lộc, Tỉnh Lạng Sơn");
    }

    @Test
    void anEnterpriseHeadOfficeInAnOldCommuneIsConverted() {
        Answer a = prefill("enterprise-change-notice", token("thanh-loa-org"), actingForEnterprise("4900543214"));

        assertThat(a.status()).isEqualTo(200);
        JsonNode office = a.body().at("/data/enterprise/headOffice");
        assertThat(office.path("communeCode").asText()).isEqualTo("06211");
        assertThat(office.path("text").asText()).isEqualTo("Số 5 thôn Bó Củng, Xã Cao Lộc, Tỉnh Lạng Sơn");
        assertThat(office.at("/legacy/communeCode").asText()).isEqualTo("06193");
        assertThat(office.at("/legacy/text").asText()).isEqualTo("Số 5 thôn Bó Củng, Xã Thanh Lòa, Tỉnh Lạng Sơn");
        assertThat(flags(a, "/enterprise/headOffice").toString()).isEqualTo("[\"CONVERTED_TO_2025_UNITS\"]");
    }

    @Test
    void aConvertedAddressSubmittedUnchangedIsKept() {
        Answer a = prefilled("tam");

        Answer s = submit("tam", a, null);

        assertThat(s.status()).isEqualTo(200);
        assertThat(s.body().at("/reuse/changed").asInt()).isZero();
        assertThat(s.body().at("/reuse/kept").asInt()).isEqualTo(s.body().at("/reuse/prefilled").asInt());
    }

    @Test
    void anAmbiguousAddressCompletedWithACandidateChangesNothingLocked() {
        Answer a = prefilled("cam");
        ObjectNode residence = (ObjectNode) a.body().at("/data" + RESIDENCE).deepCopy();
        residence.put("communeCode", "03784");

        Answer s = submit("cam", a, residence);

        assertThat(s.status()).isEqualTo(200);
        assertThat(s.body().at("/reuse/changed").asInt()).isZero();
        assertThat(s.body().at("/reuse/kept").asInt()).isEqualTo(s.body().at("/reuse/prefilled").asInt());
    }

    @Test
    void anAmbiguousAddressCompletedWithAnotherCommuneIsALockedValueChanged() {
        Answer a = prefilled("cam");
        ObjectNode residence = (ObjectNode) a.body().at("/data" + RESIDENCE).deepCopy();
        residence.put("communeCode", "03721").put("street", "Bản Khác");
        ObjectNode notACandidate = (ObjectNode) a.body().at("/data" + RESIDENCE).deepCopy();
        notACandidate.put("communeCode", "06211");

        Answer otherStreet = submit("cam", a, residence);
        Answer s = submit("cam", a, notACandidate);

        assertThat(otherStreet.status()).isEqualTo(422);
        assertThat(s.status()).isEqualTo(422);
        assertThat(s.body().get("type").asText()).endsWith("locked-field-changed");
        assertThat(s.body().at("/errors/0/pointer").asText()).isEqualTo(RESIDENCE);
    }
}
