package vn.gov.prefill.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The disclosure log through the API: every prefill is recorded before it is answered, each person
 * sees the reads of their own data (and only those) at /api/v1/me/disclosures, the chain verifies, no
 * value is kept, and a log that cannot be written releases nothing.
 */
class AuditIT extends GatewayTestSupport {

    static final String FORM = "criminal-record-request";
    static final String HOA = "027190001234";
    static final String LAN = "001185003456";
    static final String SONG_HONG = "0101987657";

    @Autowired
    JdbcTemplate sql;

    Answer mine(String token, String query) {
        return call("GET", "/api/v1/me/disclosures" + query, token, null, null);
    }

    static JsonNode itemOf(Answer page, String requestId) {
        List<JsonNode> found = new ArrayList<>();
        page.body().get("items").forEach(i -> {
            if (i.get("requestId").asText().equals(requestId)) {
                found.add(i);
            }
        });
        assertThat(found).as("records of request " + requestId).hasSize(1);
        return found.get(0);
    }

    @Test
    void aPrefillIsListedToTheApplicantAndToEachRelativeWhoseDataWasRead() {
        Answer prefill = prefill(FORM, token("hoa"), "{\"consent\": {\"sources\": [\"population\"]}}");
        assertThat(prefill.status()).isEqualTo(200);
        String requestId = prefill.body().get("requestId").asText();

        Answer hoa = mine(token("hoa"), "");
        assertThat(hoa.status()).isEqualTo(200);
        assertThat(hoa.body().get("page").asInt()).isZero();
        assertThat(hoa.body().get("size").asInt()).isEqualTo(20);
        assertThat(hoa.body().get("total").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode first = hoa.body().get("items").get(0);
        assertThat(first.get("requestId").asText()).as("newest first").isEqualTo(requestId);
        assertThat(first.get("subjectRole").asText()).isEqualTo("self");
        assertThat(first.get("readByYou").asBoolean()).isTrue();
        assertThat(first.get("client").asText()).isNotBlank();
        assertThat(first.at("/form/id").asText()).isEqualTo(FORM);
        assertThat(first.at("/form/version").asText()).isEqualTo("2026.1");
        assertThat(first.at("/form/procedureCode").asText()).isEqualTo("2.000488");
        assertThat(first.at("/sources/population").asText()).isEqualTo("OK");
        assertThat(first.get("consentedSources").toString()).isEqualTo("[\"population\"]");
        assertThat(first.get("releasedPointers")).extracting(JsonNode::asText)
                .contains("/applicant/fullName", "/applicant/dateOfBirth", "/applicant/permanentResidence")
                .noneMatch(p -> p.startsWith("/spouse") || p.startsWith("/father") || p.startsWith("/mother"));
        assertThat(first.has("actingFor")).isFalse();
        assertThat(first.get("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");

        // Bình, Hoa's spouse, read in the second wave: he sees the read, not who made it
        Answer binh = mine(token("binh"), "?size=100");
        assertThat(binh.status()).isEqualTo(200);
        JsonNode spouse = itemOf(binh, requestId);
        assertThat(spouse.get("subjectRole").asText()).isEqualTo("spouse");
        assertThat(spouse.get("readByYou").asBoolean()).isFalse();
        assertThat(spouse.get("releasedPointers")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("/spouse/fullName", "/spouse/dateOfBirth");
        assertThat(spouse.at("/sources/population").asText()).isEqualTo("OK");
        assertThat(binh.raw().body()).doesNotContain(HOA);

        Answer hung = mine(token("hung"), "?size=100");
        assertThat(itemOf(hung, requestId).get("subjectRole").asText()).isEqualTo("father");
        assertThat(hung.raw().body()).doesNotContain(HOA);
        Answer mai = mine(token("mai"), "?size=100");
        assertThat(itemOf(mai, requestId).get("subjectRole").asText()).isEqualTo("mother");

        // one record per person read, in the database too
        assertThat(sql.queryForList("SELECT subject_role FROM disclosure WHERE request_id = ? ORDER BY seq", String.class, requestId))
                .containsExactlyInAnyOrder("self", "father", "mother", "spouse");
        assertThat(sql.queryForList("SELECT DISTINCT actor_id FROM disclosure WHERE request_id = ?", String.class, requestId))
                .containsExactly(HOA);
    }

    @Test
    void nobodySeesAnotherSubjectsRecords() {
        String requestId = prefill(FORM, token("hoa"), null).body().get("requestId").asText();

        Answer lan = mine(token("lan"), "?size=100");

        assertThat(lan.status()).isEqualTo(200);
        lan.body().get("items").forEach(i -> assertThat(i.get("requestId").asText()).isNotEqualTo(requestId));
        assertThat(lan.raw().body()).doesNotContain(HOA);
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM disclosure WHERE subject_id = ?", Long.class, LAN))
                .isEqualTo(lan.body().get("total").asLong());
    }

    @Test
    void anOrganisationAccountSeesTheReadsOfItsEnterpriseAndTheRepresentativeSeesHers() {
        Answer prefill = prefill("enterprise-change-notice", token("song-hong-org"), actingForEnterprise(SONG_HONG));
        assertThat(prefill.status()).isEqualTo(200);
        String requestId = prefill.body().get("requestId").asText();

        JsonNode enterprise = itemOf(mine(token("song-hong-org"), "?size=100"), requestId);
        assertThat(enterprise.get("subjectRole").asText()).isEqualTo("enterprise");
        assertThat(enterprise.get("readByYou").asBoolean()).isTrue();
        assertThat(enterprise.get("actingFor").asText()).isEqualTo("ENTERPRISE");
        assertThat(enterprise.at("/sources/business").asText()).isEqualTo("OK");

        Answer lan = mine(token("lan"), "?size=100");
        JsonNode representative = itemOf(lan, requestId);
        assertThat(representative.get("subjectRole").asText()).isEqualTo("representative");
        assertThat(representative.get("readByYou").asBoolean()).isFalse();
        assertThat(lan.raw().body()).doesNotContain(SONG_HONG);
    }

    @Test
    void theReadThatVerifiesActingForIsRecordedOnTheCallersOwnRecord() {
        Answer child = prefill("child-health-insurance", token("hoa"),
                "{\"actingFor\": {\"type\": \"CHILD\", \"citizenId\": \"027224009876\"}}");
        assertThat(child.status()).isEqualTo(200);

        JsonNode self = itemOf(mine(token("hoa"), "?size=100"), child.body().get("requestId").asText());
        assertThat(self.get("readByYou").asBoolean()).isTrue();
        assertThat(self.at("/sources/civil-status").asText()).isEqualTo("OK");
        assertThat(self.at("/sources/population").asText()).isEqualTo("OK");
        JsonNode an = itemOf(mine(token("an"), "?size=100"), child.body().get("requestId").asText());
        assertThat(an.get("subjectRole").asText()).isEqualTo("child");
        assertThat(an.get("actingFor").asText()).isEqualTo("CHILD");
    }

    @Test
    void aPrefillThatReadsNothingStillLeavesATrace() {
        Answer prefill = prefill(FORM, token("hoa"), "{\"consent\": {\"sources\": [\"business\"]}}");
        assertThat(prefill.status()).isEqualTo(200);

        JsonNode record = itemOf(mine(token("hoa"), "?size=5"), prefill.body().get("requestId").asText());

        assertThat(record.get("subjectRole").asText()).isEqualTo("self");
        assertThat(record.get("readByYou").asBoolean()).isTrue();
        assertThat(record.get("sources").isEmpty()).isTrue();
        assertThat(record.get("releasedPointers").isEmpty()).isTrue();
        assertThat(record.get("consentedSources").toString()).isEqualTo("[\"business\"]");
    }

    @Test
    void pagesAreNewestFirstAndBoundedInSize() {
        String token = token("tam");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(0, prefill(FORM, token, null).body().get("requestId").asText());
        }

        Answer page0 = mine(token, "?page=0&size=2");
        Answer page1 = mine(token, "?page=1&size=2");

        assertThat(page0.body().get("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(page0.body().get("items")).extracting(i -> i.get("requestId").asText()).containsExactly(ids.get(0), ids.get(1));
        assertThat(page1.body().get("page").asInt()).isEqualTo(1);
        assertThat(page1.body().get("items").get(0).get("requestId").asText()).isEqualTo(ids.get(2));
    }

    @Test
    void aBadPageOrSizeIsAProblemNamingTheParameter() {
        String token = token("hoa");
        for (String query : List.of("?size=0", "?size=101", "?size=abc", "?page=-1", "?page=x&size=0")) {
            Answer a = mine(token, query);
            assertThat(a.status()).as(query).isEqualTo(400);
            assertThat(a.contentType()).startsWith("application/problem+json");
            assertThat(a.body().get("errors")).extracting(e -> e.get("pointer").asText())
                    .as(query).isSubsetOf("page", "size").isNotEmpty();
        }
        assertThat(mine(token, "?page=x&size=0").body().get("errors")).hasSize(2);
    }

    @Test
    void theDisclosuresNeedACitizenToken() {
        Answer a = mine(null, "");
        assertThat(a.status()).isEqualTo(401);
        assertThat(a.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theChainVerifiesThroughTheActuator() {
        prefill(FORM, token("hoa"), null);

        Answer a = call("GET", "/actuator/auditchain", operatorToken(), null, null);

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().get("valid").asBoolean()).as(a.body().toString()).isTrue();
        assertThat(a.body().get("records").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(a.body().get("headSeq").asLong()).isEqualTo(sql.queryForObject("SELECT MAX(seq) FROM disclosure", Long.class));
        assertThat(a.body().get("headHash").asText()).matches("[0-9a-f]{64}");
    }

    @Test
    void noRecordHoldsAnyValueOfAField() {
        Answer prefill = prefill(FORM, token("hoa"), null);
        assertThat(prefill.body().at("/data/applicant/fullName").asText()).isEqualTo("NGUYỄN THỊ HOA");

        List<Map<String, Object>> rows = sql.queryForList("SELECT * FROM disclosure");
        StringBuilder all = new StringBuilder();
        rows.forEach(r -> r.values().forEach(v -> all.append(v).append('\u0001')));

        assertThat(rows).isNotEmpty();
        assertThat(all.toString()).doesNotContain("NGUYỄN").doesNotContain("TRẦN VĂN BÌNH").doesNotContain("1990-02-15")
                .doesNotContain("1988-11-02").doesNotContain("Lý Thái Tổ").doesNotContain("Kinh Bắc").doesNotContain("NU\"")
                .doesNotContain("eyJ");
    }

    @Test
    void whenTheLogCannotBeWrittenNothingIsReleased() {
        String token = token("hoa");
        long before = sql.queryForObject("SELECT COUNT(*) FROM disclosure", Long.class);
        sql.execute("ALTER TABLE disclosure RENAME TO disclosure_offline");
        Answer a;
        try {
            a = prefill(FORM, token, null);
        } finally {
            sql.execute("ALTER TABLE disclosure_offline RENAME TO disclosure");
        }

        assertThat(a.status()).isEqualTo(503);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.raw().headers().firstValue("Retry-After")).hasValue("5");
        assertThat(a.body().get("status").asInt()).isEqualTo(503);
        assertThat(a.body().get("type").asText()).endsWith("audit-unavailable");
        assertThat(a.body().has("data")).isFalse();
        assertThat(a.body().has("fields")).isFalse();
        assertThat(a.raw().body()).doesNotContain("NGUYỄN").doesNotContain(HOA).doesNotContainIgnoringCase("disclosure_")
                .doesNotContainIgnoringCase("sql").doesNotContain("INSERT");
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM disclosure", Long.class)).isEqualTo(before);

        // and once the log is back, prefills are recorded again on a valid chain
        assertThat(prefill(FORM, token, null).status()).isEqualTo(200);
        assertThat(call("GET", "/actuator/auditchain", operatorToken(), null, null).body().get("valid").asBoolean()).isTrue();
    }
}
