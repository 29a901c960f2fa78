package vn.gov.prefill.it;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The forms of the family life events (birth registration, a child's health insurance, residence,
 * household business) over HTTP, across civil-status, insurance and dossiers.
 */
class FamilyFormsIT extends GatewayTestSupport {

    static String actingForChild(String id) {
        return "{\"actingFor\": {\"type\": \"CHILD\", \"citizenId\": \"" + id + "\"}}";
    }

    static String status(Answer a, String pointer) {
        return a.body().get("fields").get(pointer).get("status").asText();
    }

    @Test
    void birthRegistrationTakesMotherAndFatherFromTheMarriageInForceThenFromPopulation() {
        Answer a = prefill("birth-registration", token("binh"), null);

        assertThat(a.status()).isEqualTo(200);
        JsonNode data = a.body().get("data");
        assertThat(data.at("/requester/fullName").asText()).isEqualTo("TRẦN VĂN BÌNH");
        assertThat(data.at("/mother/fullName").asText()).isEqualTo("NGUYỄN THỊ HOA");
        assertThat(data.at("/mother/dateOfBirth").asText()).isEqualTo("1990-02-15");
        assertThat(data.at("/mother/citizenId").asText()).isEqualTo("027190001234");
        assertThat(data.at("/mother/ethnicity").asText()).isEqualTo("01");
        assertThat(data.at("/mother/nationality").asText()).isEqualTo("VN");
        assertThat(data.at("/mother/residence/communeCode").asText()).isEqualTo("09187");
        assertThat(data.at("/father/fullName").asText()).isEqualTo("TRẦN VĂN BÌNH");
        assertThat(data.at("/father/dateOfBirth").asText()).isEqualTo("1988-11-02");
        JsonNode fields = a.body().get("fields");
        assertThat(fields.size()).isEqualTo(15);
        fields.forEach(f -> assertThat(f.get("status").asText()).isEqualTo("PREFILLED"));
        // the parents' values come from their own population records, wave 2 after civil-status
        assertThat(fields.at("/~1mother~1dateOfBirth/source").asText()).isEqualTo("population");
        assertThat(fields.at("/~1mother~1dateOfBirth/asOf").asText()).isEqualTo("2025-07-01T08:00:00+07:00");
        assertThat(a.body().at("/sources/civil-status/status").asText()).isEqualTo("OK");
        assertThat(a.body().at("/sources/population/reads").findValuesAsText("subject"))
                .containsExactlyInAnyOrder("self", "mother", "father");
    }

    @Test
    void aDissolvedMarriageLeavesMotherAndFatherEmptyNotAnError() {
        Answer a = prefill("birth-registration", token("thu"), null);

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().at("/data/requester/fullName").asText()).isEqualTo("PHẠM THỊ THU");
        for (String p : List.of("/mother/fullName", "/mother/citizenId", "/father/fullName", "/father/dateOfBirth", "/father/residence")) {
            assertThat(status(a, p)).as(p).isEqualTo("EMPTY");
        }
        assertThat(a.body().at("/data/father").isMissingNode()).isTrue();
        assertThat(a.body().at("/sources/civil-status/status").asText()).isEqualTo("OK");
    }

    @Test
    void noMarriageAtAllLeavesThemEmptyToo() {
        Answer a = prefill("birth-registration", token("lan"), null);

        assertThat(status(a, "/mother/fullName")).isEqualTo("EMPTY");
        assertThat(status(a, "/father/citizenId")).isEqualTo("EMPTY");
        assertThat(status(a, "/requester/citizenId")).isEqualTo("PREFILLED");
    }

    @Test
    void civilStatusFailureMarksTheParentsSourceFailedAndSkipsTheirPopulationReads() {
        Answer a = prefill("birth-registration", token("civil-status-fault"), null);

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().at("/sources/civil-status/status").asText()).isEqualTo("UNAVAILABLE");
        assertThat(status(a, "/mother/fullName")).isEqualTo("SOURCE_FAILED");
        assertThat(status(a, "/father/residence")).isEqualTo("SOURCE_FAILED");
        assertThat(status(a, "/requester/fullName")).isEqualTo("PREFILLED");
        assertThat(a.body().at("/sources/population/status").asText()).isEqualTo("OK");
    }

    @Test
    void aParentPrefillsTheChildsHealthInsuranceWithTheBirthCertificateByReference() {
        Answer a = prefill("child-health-insurance", token("hoa"), actingForChild("027224009876"));

        assertThat(a.status()).isEqualTo(200);
        JsonNode data = a.body().get("data");
        assertThat(data.at("/child/fullName").asText()).isEqualTo("TRẦN MINH AN");
        assertThat(data.at("/child/dateOfBirth").asText()).isEqualTo("2024-03-28");
        assertThat(data.at("/child/sex").asText()).isEqualTo("NAM");
        assertThat(data.at("/child/citizenId").asText()).isEqualTo("027224009876");
        assertThat(data.at("/child/residence/text").asText()).isEqualTo("Số 8 đường Lý Thái Tổ, Phường Kinh Bắc, Tỉnh Bắc Ninh");
        assertThat(data.at("/parent/fullName").asText()).isEqualTo("NGUYỄN THỊ HOA");
        assertThat(data.at("/parent/socialInsuranceNumber").asText()).isEqualTo("2712345678");
        assertThat(data.at("/birthCertificate/number").asText()).isEqualTo("88/2024");
        assertThat(data.at("/birthCertificate/issuer").asText()).isEqualTo("UBND phường Kinh Bắc");
        assertThat(data.at("/birthCertificate/issuedOn").asText()).isEqualTo("2024-04-10");
        assertThat(data.at("/birthCertificate/fileUrl").asText()).startsWith("https://kho.example.gov.vn/files/");
        assertThat(data.at("/birthCertificate/hash").asText()).matches("sha256:[0-9a-f]{64}");
        assertThat(data.at("/preferredClinic/code").asText()).isEqualTo("27001");
        assertThat(a.body().at("/fields/~1birthCertificate~1number/source").asText()).isEqualTo("dossiers");
        assertThat(a.body().at("/fields/~1birthCertificate~1number/locked").asBoolean()).isTrue();
        // population and insurance agree on the parent after normalisation ("Nguyễn Thị Hoa" → NGUYỄN THỊ HOA)
        assertThat(status(a, "/parent/fullName")).isEqualTo("PREFILLED");
        assertThat(status(a, "/parent/dateOfBirth")).isEqualTo("PREFILLED");
        // every field from a registry; the phone only Hoa can declare, and she has not
        a.body().get("fields").fields().forEachRemaining(f -> assertThat(f.getValue().get("status").asText()).as(f.getKey())
                .isEqualTo(f.getKey().equals("/parent/phone") ? "EMPTY" : "PREFILLED"));
        assertThat(a.body().at("/sources/dossiers/status").asText()).isEqualTo("OK");
    }

    @Test
    void actingForAChildWhoIsNotYoursIs403() {
        Answer a = prefill("child-health-insurance", token("lan"), actingForChild("027224009876"));

        assertThat(a.status()).isEqualTo(403);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.body().get("type").asText()).endsWith("/relation-not-held");
        assertThat(a.raw().body()).doesNotContain("TRẦN MINH AN");
    }

    @Test
    void aGrandparentIsNotTheChildsParent() {
        Answer a = prefill("child-health-insurance", token("hung"), actingForChild("027224009876"));
        assertThat(a.status()).isEqualTo(403);
    }

    @Test
    void theChildFormNeedsActingFor() {
        Answer a = prefill("child-health-insurance", token("hoa"), null);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body().at("/errors/0/pointer").asText()).isEqualTo("/actingFor");
    }

    @Test
    void anInsuranceNameThatDisagreesWithPopulationIsAConflictWithTheRegisterFirst() {
        Answer a = prefill("household-business-registration", token("lan"), null);

        JsonNode name = a.body().get("fields").get("/owner/fullName");
        assertThat(name.get("status").asText()).isEqualTo("CONFLICT");
        assertThat(name.get("source").asText()).isEqualTo("population");
        assertThat(name.get("value").asText()).isEqualTo("ĐỖ THỊ LAN");
        assertThat(name.at("/alternatives/0/value").asText()).isEqualTo("ĐỖ THỊ LÂN");
        assertThat(name.at("/alternatives/0/source").asText()).isEqualTo("insurance");
        assertThat(name.at("/alternatives/0/asOf").asText()).isNotBlank();
        assertThat(a.body().at("/data/owner/fullName").asText()).isEqualTo("ĐỖ THỊ LAN");
        // they agree on the birth date and sex
        assertThat(status(a, "/owner/dateOfBirth")).isEqualTo("PREFILLED");
        assertThat(status(a, "/owner/sex")).isEqualTo("PREFILLED");
    }

    @Test
    void noInsuranceRecordLeavesTheRegisterValuesAlone() {
        Answer a = prefill("household-business-registration", token("tam"), null);

        assertThat(a.body().at("/sources/insurance/status").asText()).isEqualTo("NOT_FOUND");
        assertThat(status(a, "/owner/fullName")).isEqualTo("PREFILLED");
        assertThat(a.body().at("/data/owner/dateOfBirth").asText()).isEqualTo("1948");
    }

    @Test
    void insuranceOverQuotaIsRejectedWithoutRetryAndTheRegisterStillFills() {
        int before = mocks.findAll(getRequestedFor(urlPathEqualTo("/insurance/v1/participants/001090000005"))).size();

        Answer a = prefill("household-business-registration", token("insurance-quota"), null);

        assertThat(a.body().at("/sources/insurance/status").asText()).isEqualTo("REJECTED");
        assertThat(a.body().at("/sources/population/status").asText()).isEqualTo("OK");
        assertThat(status(a, "/owner/fullName")).isEqualTo("PREFILLED");
        assertThat(mocks.findAll(getRequestedFor(urlPathEqualTo("/insurance/v1/participants/001090000005"))).size())
                .isEqualTo(before + 1);
    }

    @Test
    void insuranceDownIsUnavailable() {
        Answer a = prefill("household-business-registration", token("insurance-fault"), null);
        assertThat(a.body().at("/sources/insurance/status").asText()).isEqualTo("UNAVAILABLE");
        assertThat(status(a, "/owner/citizenId")).isEqualTo("PREFILLED");
    }

    @Test
    void aTruncatedDossiersAnswerIsInvalidResponseAndCostsOnlyTheAttachment() {
        Answer a = prefill("child-health-insurance", token("thu"), actingForChild("001223000007"));

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().at("/sources/dossiers/status").asText()).isEqualTo("INVALID_RESPONSE");
        assertThat(status(a, "/birthCertificate/number")).isEqualTo("SOURCE_FAILED");
        assertThat(status(a, "/birthCertificate/hash")).isEqualTo("SOURCE_FAILED");
        assertThat(a.body().at("/data/child/fullName").asText()).isEqualTo("ĐINH MINH KHANG");
        assertThat(a.body().at("/data/birthCertificate").isMissingNode()).isTrue();
    }

    @Test
    void residenceChangeTakesTheHouseholdHeadFromThePopulationRecord() {
        Answer a = prefill("residence-change", token("hoa"), null);

        assertThat(a.body().at("/data/household/headFullName").asText()).isEqualTo("TRẦN VĂN BÌNH");
        assertThat(a.body().at("/data/household/relationshipToHead").asText()).isEqualTo("Vợ");
        assertThat(a.body().at("/data/household/headCitizenId").asText()).isEqualTo("027088004321");
        assertThat(a.body().at("/data/applicant/sex").asText()).isEqualTo("NU");
        // 8 from the registries, and the phone and e-mail a citizen declares once
        assertThat(a.body().get("fields").size()).isEqualTo(10);
    }

    @Test
    void aPersonalNumberThatContradictsTheRecordIsFlaggedNotRefused() {
        Answer a = prefill("criminal-record-request", token("id-mismatch"), null);

        assertThat(a.status()).isEqualTo(200);
        JsonNode sex = a.body().get("fields").get("/applicant/sex");
        assertThat(sex.get("status").asText()).isEqualTo("PREFILLED");
        assertThat(sex.get("flags").toString()).isEqualTo("[\"ID_SEX_MISMATCH\"]");
        JsonNode birth = a.body().get("fields").get("/applicant/dateOfBirth");
        assertThat(birth.get("status").asText()).isEqualTo("PREFILLED");
        assertThat(birth.get("flags").toString()).isEqualTo("[\"ID_BIRTH_YEAR_MISMATCH\"]");
        assertThat(a.body().at("/data/applicant/sex").asText()).isEqualTo("NAM");
        assertThat(a.body().at("/data/applicant/dateOfBirth").asText()).isEqualTo("1975-08-12");
        // a consistent record carries no flag
        Answer hoa = prefill("criminal-record-request", token("hoa"), null);
        assertThat(hoa.body().get("fields").get("/applicant/sex").has("flags")).isFalse();
    }
}
