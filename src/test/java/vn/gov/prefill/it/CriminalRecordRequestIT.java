package vn.gov.prefill.it;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The criminal-record request, prefilled for each population persona, over HTTP against the mocks. */
class CriminalRecordRequestIT extends GatewayTestSupport {

    static final String FORM = "criminal-record-request";
    static final List<String> BOUND = List.of("/applicant/fullName", "/applicant/dateOfBirth", "/applicant/sex",
            "/applicant/nationality", "/applicant/ethnicity", "/applicant/citizenId", "/applicant/placeOfBirth",
            "/applicant/permanentResidence", "/applicant/currentResidence", "/father/fullName", "/father/dateOfBirth",
            "/mother/fullName", "/mother/dateOfBirth", "/spouse/fullName", "/spouse/dateOfBirth");

    /** Every field the form binds, and no other, has this status: a forEach over an empty answer would assert nothing. */
    /** The fields a citizen declares once (docs/declared-once.md): nothing declared by these personas, so EMPTY when read. */
    static final List<String> DECLARED = List.of("/applicant/phone", "/applicant/email");

    static void assertEveryBoundField(JsonNode fields, String status) {
        Map<String, String> statuses = new LinkedHashMap<>();
        fields.fields().forEachRemaining(f -> statuses.put(f.getKey(), f.getValue().path("status").asText()));
        Map<String, String> expected = new LinkedHashMap<>();
        BOUND.forEach(p -> expected.put(p, status));
        DECLARED.forEach(p -> expected.put(p, status.equals("NOT_CONSENTED") ? "NOT_CONSENTED" : "EMPTY"));
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(expected);
    }

    /** Each read's subject and status. */
    static Map<String, String> readStatuses(JsonNode reads) {
        Map<String, String> out = new LinkedHashMap<>();
        reads.forEach(r -> out.put(r.get("subject").asText(), r.get("status").asText()));
        return out;
    }

    @Test
    void completeMarriedRecordFillsEveryFieldWithParentsAndSpouseFromASecondWave() {
        Answer a = prefill(FORM, token("hoa"), null);

        assertThat(a.status()).isEqualTo(200);
        JsonNode body = a.body();
        assertThat(body.get("formId").asText()).isEqualTo(FORM);
        assertThat(body.get("formVersion").asText()).isEqualTo("2026.1");
        assertThat(body.get("requestId").asText()).isEqualTo(a.raw().headers().firstValue("X-Request-Id").orElseThrow());
        JsonNode data = body.get("data");
        assertThat(data.at("/applicant/fullName").asText()).isEqualTo("NGUYỄN THỊ HOA");
        assertThat(data.at("/applicant/dateOfBirth").asText()).isEqualTo("1990-02-15");
        assertThat(data.at("/applicant/sex").asText()).isEqualTo("NU");
        assertThat(data.at("/applicant/nationality").asText()).isEqualTo("VN");
        assertThat(data.at("/applicant/ethnicity").asText()).isEqualTo("01");
        assertThat(data.at("/applicant/citizenId").asText()).isEqualTo("027190001234");
        assertThat(data.at("/applicant/permanentResidence").toString()).isEqualTo(
                "{\"provinceCode\":\"24\",\"communeCode\":\"09187\",\"street\":\"Số 8 đường Lý Thái Tổ\",\"country\":\"VN\","
                        + "\"text\":\"Số 8 đường Lý Thái Tổ, Phường Kinh Bắc, Tỉnh Bắc Ninh\"}");
        assertThat(data.at("/applicant/placeOfBirth/text").asText()).isEqualTo("Xã Đại Đồng, Tỉnh Bắc Ninh");
        assertThat(data.at("/applicant/currentResidence/text").asText())
                .isEqualTo("Số 12 ngõ 3 phố Nguyễn Du, Phường Vũ Ninh, Tỉnh Bắc Ninh");
        assertThat(data.at("/father/fullName").asText()).isEqualTo("NGUYỄN VĂN HÙNG");
        assertThat(data.at("/father/dateOfBirth").asText()).isEqualTo("1960-05-20");
        assertThat(data.at("/mother/fullName").asText()).isEqualTo("LÊ THỊ MAI");
        assertThat(data.at("/mother/dateOfBirth").asText()).isEqualTo("1962-09-10");
        assertThat(data.at("/spouse/fullName").asText()).isEqualTo("TRẦN VĂN BÌNH");
        assertThat(data.at("/spouse/dateOfBirth").asText()).isEqualTo("1988-11-02");
        // nothing the form does not bind leaves the gateway
        assertThat(data.at("/applicant/phone").isMissingNode()).isTrue();
        assertThat(body.toString()).doesNotContain("125123456").doesNotContain("HK-24-000123").doesNotContain("NhomMau");

        JsonNode fields = body.get("fields");
        assertEveryBoundField(fields, "PREFILLED");
        assertThat(fields.at("/~1applicant~1fullName/source").asText()).isEqualTo("population");
        assertThat(fields.at("/~1applicant~1fullName/locked").asBoolean()).isTrue();
        assertThat(fields.at("/~1applicant~1currentResidence/locked").asBoolean()).isFalse();
        assertThat(fields.at("/~1applicant~1fullName/asOf").asText()).isEqualTo("2025-07-01T08:00:00+07:00");
        // provenance of second-wave values is the relative's own record
        assertThat(fields.at("/~1spouse~1dateOfBirth/asOf").asText()).isEqualTo("2025-08-12T10:30:00+07:00");
        assertThat(fields.at("/~1father~1dateOfBirth/asOf").asText()).isEqualTo("2025-07-15T09:00:00+07:00");

        JsonNode population = body.at("/sources/population");
        assertThat(population.get("status").asText()).isEqualTo("OK");
        assertThat(readStatuses(population.get("reads"))).isEqualTo(
                Map.of("self", "OK", "father", "OK", "mother", "OK", "spouse", "OK"));
        // and what Hoa declared before: nothing
        assertThat(body.at("/sources/declared/status").asText()).isEqualTo("NOT_FOUND");
        // and her digitised results, for the previous certificate's slot: none of them a criminal-record certificate
        assertThat(body.at("/sources/dossiers/status").asText()).isEqualTo("OK");
        assertThat(body.get("sources").size()).isEqualTo(3);
        assertThat(body.get("attachments").toString()).isEqualTo("{\"/attachments/previousCertificate\":[]}");
    }

    @Test
    void oldIncompleteRecordGivesYearOnlyBirthDateAndItsOldAddressInThe2025UnitsAndLeavesTheRestEmpty() {
        Answer a = prefill(FORM, token("tam"), "{}");

        assertThat(a.status()).isEqualTo(200);
        JsonNode data = a.body().get("data");
        assertThat(data.at("/applicant/fullName").asText()).isEqualTo("HOÀNG VĂN TÁM");
        assertThat(data.at("/applicant/dateOfBirth").asText()).isEqualTo("1948");
        assertThat(data.at("/applicant/ethnicity").asText()).isEqualTo("07");
        JsonNode residence = data.at("/applicant/permanentResidence");
        // the old three-level address (district 183, commune 06193 Xã Thanh Lòa) comes in the units of 2025
        assertThat(residence.get("provinceCode").asText()).isEqualTo("20");
        assertThat(residence.has("districtCode")).isFalse();
        assertThat(residence.get("communeCode").asText()).isEqualTo("06211");
        assertThat(residence.get("text").asText()).isEqualTo("Thôn Nà Chuông, Xã Cao Lộc, Tỉnh Lạng Sơn");
        assertThat(residence.at("/legacy/districtCode").asText()).isEqualTo("183");
        assertThat(residence.at("/legacy/communeCode").asText()).isEqualTo("06193");
        assertThat(residence.at("/legacy/text").asText()).isEqualTo("Thôn Nà Chuông, Xã Thanh Lòa, Huyện Cao Lộc, Tỉnh Lạng Sơn");
        JsonNode fields = a.body().get("fields");
        for (String p : List.of("/applicant/currentResidence", "/father/fullName", "/father/dateOfBirth",
                "/mother/fullName", "/spouse/fullName", "/spouse/dateOfBirth")) {
            assertThat(fields.get(p).get("status").asText()).as(p).isEqualTo("EMPTY");
            assertThat(data.at(p).isMissingNode()).as(p).isTrue();
        }
        assertThat(a.body().at("/sources/population/status").asText()).isEqualTo("OK");
    }

    @Test
    void personUnknownToTheRegistryGetsEveryFieldEmptyAndSourceNotFound() {
        Answer a = prefill(FORM, token("unknown"), null);

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().get("data").isEmpty()).isTrue();
        assertEveryBoundField(a.body().get("fields"), "EMPTY");
        assertThat(a.body().at("/sources/population/status").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void slowRegistryTimesOutAndTheFormStillAnswersWithEveryFieldSourceFailedAndNoRelativeRead() {
        Answer a = prefill(FORM, token("slow-population"), null);

        assertThat(a.status()).isEqualTo(200);
        // TIMEOUT, not OK: the gateway gave up (at its 1 s test timeout) rather than wait for the mock's answer 6 s later
        assertThat(a.body().at("/sources/population/status").asText()).isEqualTo("TIMEOUT");
        assertEveryBoundField(a.body().get("fields"), "SOURCE_FAILED");
        // relatives are found through the applicant's record: with it missing they are skipped, not read
        assertThat(readStatuses(a.body().at("/sources/population/reads"))).isEqualTo(
                Map.of("self", "TIMEOUT", "father", "SKIPPED", "mother", "SKIPPED", "spouse", "SKIPPED"));
        assertThat(a.body().get("data").isEmpty()).isTrue();
    }

    @Test
    void soapFaultMakesThePopulationSourceUnavailable() {
        Answer a = prefill(FORM, token("population-fault"), null);

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().at("/sources/population/status").asText()).isEqualTo("UNAVAILABLE");
        assertThat(a.body().at("/fields/~1applicant~1fullName/status").asText()).isEqualTo("SOURCE_FAILED");
        assertThat(a.body().at("/fields/~1applicant~1fullName/source").asText()).isEqualTo("population");
    }

    @Test
    void expiredNdxpTokenIsRefreshedOnceAndTheCallRetried() {
        int before = mocks.findAll(postRequestedFor(urlEqualTo("/ndxp/token"))).size();

        Answer a = prefill(FORM, token("ndxp-token-expired"), null);

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().at("/sources/population/status").asText()).isEqualTo("OK");
        assertThat(a.body().at("/data/applicant/fullName").asText()).isEqualTo("VŨ VĂN HẾT");
        assertThat(mocks.findAll(postRequestedFor(urlEqualTo("/ndxp/token"))).size()).isEqualTo(before + 1);
    }

    @Test
    void consentLimitedToAnotherSourceReadsNothingAndMarksFieldsNotConsented() {
        int before = mocks.findAll(postRequestedFor(urlEqualTo("/population/v1/soap"))).size();

        Answer a = prefill(FORM, token("hoa"), "{\"consent\": {\"sources\": [\"business\"]}}");

        assertThat(a.status()).isEqualTo(200);
        assertEveryBoundField(a.body().get("fields"), "NOT_CONSENTED");
        assertThat(a.body().at("/sources/population/status").asText()).isEqualTo("NOT_CONSENTED");
        assertThat(mocks.findAll(postRequestedFor(urlEqualTo("/population/v1/soap"))).size()).isEqualTo(before);
    }

    @Test
    void everyRegistryCallStatesItsPurposeAndRequestId() {
        Answer a = prefill(FORM, token("lan"), null);

        String requestId = a.body().get("requestId").asText();
        var calls = mocks.findAll(postRequestedFor(urlEqualTo("/population/v1/soap")));
        var mine = calls.stream().filter(r -> requestId.equals(r.getHeader("X-Request-Id"))).toList();
        assertThat(mine).isNotEmpty();
        mine.forEach(r -> {
            assertThat(r.getHeader("X-Purpose")).isEqualTo("2.000488");
            assertThat(r.getHeader("SOAPAction")).isEqualTo("\"TraCuuThongTinCongDan\"");
            assertThat(r.getBodyAsString()).contains("<dc:MaDVC>2.000488</dc:MaDVC>");
        });
    }
}
