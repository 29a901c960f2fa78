package vn.gov.prefill.it;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The enterprise change notice, acting for an enterprise as its legal representative or its organisation account. */
class EnterpriseChangeNoticeIT extends GatewayTestSupport {

    static final String FORM = "enterprise-change-notice";

    @Test
    void legalRepresentativeOfTwoEnterprisesPrefillsEachOfThem() {
        String binh = token("binh");

        Answer kinhBac = prefill(FORM, binh, actingForEnterprise("0100233488"));
        Answer phuLang = prefill(FORM, binh, actingForEnterprise("2401122337"));

        assertThat(kinhBac.status()).isEqualTo(200);
        JsonNode data = kinhBac.body().get("data");
        assertThat(data.at("/enterprise/code").asText()).isEqualTo("0100233488");
        assertThat(data.at("/enterprise/name").asText()).isEqualTo("CÔNG TY TNHH THƯƠNG MẠI KINH BẮC");
        assertThat(data.at("/enterprise/foreignName").asText()).isEqualTo("KINH BAC TRADING COMPANY LIMITED");
        assertThat(data.at("/enterprise/abbreviation").asText()).isEqualTo("KINH BAC TRADING CO., LTD");
        assertThat(data.at("/enterprise/charterCapital").isIntegralNumber()).isTrue();
        assertThat(data.at("/enterprise/charterCapital").asLong()).isEqualTo(5_000_000_000L);
        assertThat(data.at("/enterprise/headOffice/text").asText()).isEqualTo("Số 8 đường Lý Thái Tổ, Phường Kinh Bắc, Tỉnh Bắc Ninh");
        assertThat(data.at("/enterprise/headOffice/communeCode").asText()).isEqualTo("09187");
        assertThat(data.at("/enterprise/businessLines").toString()).isEqualTo(
                "[{\"code\":\"4649\",\"name\":\"Bán buôn đồ dùng khác cho gia đình\",\"main\":true},"
                        + "{\"code\":\"4690\",\"name\":\"Bán buôn tổng hợp\",\"main\":false}]");
        assertThat(data.at("/enterprise/phone").asText()).isEqualTo("0222 3820 123");
        assertThat(data.at("/enterprise/email").asText()).isEqualTo("lienhe@kinhbac.example.vn");
        assertThat(data.at("/legalRepresentative/fullName").asText()).isEqualTo("TRẦN VĂN BÌNH");
        assertThat(data.at("/legalRepresentative/title").asText()).isEqualTo("Giám đốc");
        assertThat(data.at("/legalRepresentative/citizenId").asText()).isEqualTo("027088004321");
        // the last two come from the population registry, through the number in the business record
        assertThat(data.at("/legalRepresentative/dateOfBirth").asText()).isEqualTo("1988-11-02");
        assertThat(data.at("/legalRepresentative/residence/communeCode").asText()).isEqualTo("09187");
        JsonNode fields = kinhBac.body().get("fields");
        assertThat(fields.size()).isEqualTo(14);
        fields.forEach(f -> assertThat(f.get("status").asText()).isEqualTo("PREFILLED"));
        assertThat(fields.at("/~1enterprise~1name/source").asText()).isEqualTo("business");
        assertThat(fields.at("/~1legalRepresentative~1dateOfBirth/source").asText()).isEqualTo("population");
        assertThat(kinhBac.body().at("/sources/business/status").asText()).isEqualTo("OK");
        assertThat(kinhBac.body().at("/sources/population/status").asText()).isEqualTo("OK");

        assertThat(phuLang.status()).isEqualTo(200);
        assertThat(phuLang.body().at("/data/enterprise/name").asText()).isEqualTo("CÔNG TY CỔ PHẦN GỐM SỨ PHÙ LÃNG");
        assertThat(phuLang.body().at("/data/legalRepresentative/title").asText()).isEqualTo("Chủ tịch Hội đồng quản trị");
        // no e-mail in the registry: EMPTY, and absent from data
        assertThat(phuLang.body().at("/fields/~1enterprise~1email/status").asText()).isEqualTo("EMPTY");
        assertThat(phuLang.body().at("/data/enterprise/email").isMissingNode()).isTrue();
    }

    @Test
    void organisationAccountActsForItsOwnEnterpriseWithoutAskingTheRegistryWhoRepresentsIt() {
        int before = mocks.findAll(getRequestedFor(urlPathEqualTo("/business/v1/enterprises"))).size();

        Answer a = prefill(FORM, token("song-hong-org"), actingForEnterprise("0101987657"));

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().at("/data/enterprise/name").asText()).isEqualTo("CÔNG TY TNHH PHẦN MỀM SÔNG HỒNG");
        assertThat(a.body().at("/data/legalRepresentative/fullName").asText()).isEqualTo("ĐỖ THỊ LAN");
        assertThat(a.body().at("/data/legalRepresentative/dateOfBirth").asText()).isEqualTo("1985-07-21");
        assertThat(a.body().at("/data/enterprise/businessLines")).hasSize(3);
        assertThat(mocks.findAll(getRequestedFor(urlPathEqualTo("/business/v1/enterprises"))).size()).isEqualTo(before);
    }

    @Test
    void organisationAccountOfAnotherEnterpriseIsForbidden() {
        Answer a = prefill(FORM, token("song-hong-org"), actingForEnterprise("0100233488"));

        assertThat(a.status()).isEqualTo(403);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.body().get("type").asText()).endsWith("/relation-not-held");
    }

    @Test
    void citizenWhoIsNotARepresentativeIsForbidden() {
        Answer a = prefill(FORM, token("lan"), actingForEnterprise("0100233488"));

        assertThat(a.status()).isEqualTo(403);
        assertThat(a.body().get("detail").asText()).contains("legal representative");
        assertThat(a.body().toString()).doesNotContain("KINH BẮC").doesNotContain("027088004321");
    }

    @Test
    void envelopeWithStatusZeroMakesTheBusinessSourceUnavailableAndSkipsTheRepresentative() {
        Answer a = prefill(FORM, token("business-fault"), actingForEnterprise("7900112238"));

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().at("/sources/business/status").asText()).isEqualTo("UNAVAILABLE");
        assertThat(a.body().at("/sources/population/status").asText()).isEqualTo("SKIPPED");
        // every field of the registry failed; the phone and e-mail the enterprise may have declared were looked up and
        // there were none: EMPTY ranks before SOURCE_FAILED among fields without a value
        a.body().get("fields").fields().forEachRemaining(f -> assertThat(f.getValue().get("status").asText()).as(f.getKey())
                .isEqualTo(f.getKey().equals("/enterprise/phone") || f.getKey().equals("/enterprise/email") ? "EMPTY" : "SOURCE_FAILED"));
        assertThat(a.body().get("data").isEmpty()).isTrue();
    }

    @Test
    void envelopeWithErrorCode106IsRejectedAnd404IsNotFound() {
        Answer rejected = prefill(FORM, token("business-rejected"), actingForEnterprise("0100666668"));
        Answer unknown = prefill(FORM, token("business-unknown"), actingForEnterprise("0100777777"));

        assertThat(rejected.body().at("/sources/business/status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.body().at("/fields/~1enterprise~1name/status").asText()).isEqualTo("SOURCE_FAILED");
        assertThat(unknown.body().at("/sources/business/status").asText()).isEqualTo("NOT_FOUND");
        assertThat(unknown.body().at("/fields/~1enterprise~1name/status").asText()).isEqualTo("EMPTY");
        assertThat(unknown.body().at("/fields/~1legalRepresentative~1dateOfBirth/status").asText()).isEqualTo("EMPTY");
    }

    @Test
    void formFiledForAnEnterpriseNeedsActingFor() {
        Answer a = prefill(FORM, token("binh"), "{}");

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body().at("/errors/0/pointer").asText()).isEqualTo("/actingFor");
    }
}
