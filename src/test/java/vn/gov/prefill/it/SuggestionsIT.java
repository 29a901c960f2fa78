package vn.gov.prefill.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * GET /api/v1/me/suggestions over HTTP: each life event for its persona and its absence for the
 * personas it must not fire for, consent limits, a failing source, the disclosure log, readiness that
 * matches the prefill, and nobody else's data in the answer. The gateway's clock starts on a fixed day
 * ({@link GatewayTestSupport#CLOCK_START}), on which An and Bảo are under six: what depends on the day is asserted
 * for that day, from the fixtures' dates (and the relative ones the stubs compute from the same clock), whatever
 * the year the tests run in. Moved to a day the fixtures were not written for, the tests fail; they never skip.
 */
class SuggestionsIT extends GatewayTestSupport {

    static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    static final String AN = "027224009876";
    static final LocalDate AN_BORN = LocalDate.of(2024, 3, 28);
    static final LocalDate BAO_BORN = LocalDate.of(2023, 1, 10);
    static final LocalDate HOA_BORN = LocalDate.of(1990, 2, 15);

    @Autowired
    JdbcTemplate sql;

    @Autowired
    MeterRegistry meters;

    static boolean warm;

    /** The first reads of a cold gateway (token, connections, class loading) can outlast the test timeouts. */
    @BeforeEach
    void warmUp() {
        if (!warm) {
            call("GET", "/api/v1/me/suggestions", token("cuong"), null, null);
            warm = true;
        }
    }

    Answer suggestions(String persona, String query) {
        return call("GET", "/api/v1/me/suggestions" + query, token(persona), null, null);
    }

    static List<JsonNode> of(Answer a, String lifeEvent) {
        List<JsonNode> out = new ArrayList<>();
        a.body().get("suggestions").forEach(s -> {
            if (s.get("lifeEvent").asText().equals(lifeEvent)) {
                out.add(s);
            }
        });
        return out;
    }

    boolean underSix(LocalDate born) {
        return today().isBefore(born.plusYears(6));
    }

    /** A birth date the stubs write as {@code {{now offset='-N days'}}}: N days before the mocks' today (UTC), on the gateway's clock. */
    LocalDate stubbedDaysAgo(int days) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(days);
    }

    @Test
    void aChildUnderSixWithoutACardIsSuggestedToTheParentWithEvidenceAndReadiness() {
        Answer a = suggestions("hoa", "");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().get("requestId").asText()).isNotBlank();
        assertThat(underSix(AN_BORN)).as("the gateway's clock (%s) is on a day An is under six", today()).isTrue();
        List<JsonNode> found = of(a, "CHILD_HEALTH_INSURANCE");
        assertThat(found).hasSize(1);
        JsonNode s = found.get(0);
        assertThat(s.get("id").asText()).isEqualTo("CHILD_HEALTH_INSURANCE:" + AN);
        assertThat(s.get("title").asText()).isEqualTo("Cấp thẻ BHYT cho trẻ em dưới 6 tuổi");
        assertThat(s.get("formId").asText()).isEqualTo("child-health-insurance");
        assertThat(s.get("procedureCode").asText()).isNotBlank();
        assertThat(s.get("actingFor").get("type").asText()).isEqualTo("CHILD");
        assertThat(s.get("actingFor").get("citizenId").asText()).isEqualTo(AN);
        assertThat(s.get("reason").asText()).isEqualTo("Con của bạn sinh ngày " + VN.format(AN_BORN) + " chưa có thẻ BHYT");
        assertThat(s.get("dueBy").asText()).isEqualTo(AN_BORN.plusYears(6).minusDays(1).toString());
        assertThat(s.get("evidence").toString()).isEqualTo("[{\"source\":\"civil-status\",\"subject\":\"self\",\"pointer\":"
                + "\"/ketQua/0/nguoiDuocKhaiSinh/ngaySinh\"},{\"source\":\"insurance\",\"subject\":\"child\",\"status\":\"NOT_FOUND\"}]");
        // Hoa's own card (insurance/participant-027190001234) is read in the first wave and found; An's, NOT_FOUND, only
        // once the births record names him. An answer ties with an answer and the summary keeps the earliest read.
        assertThat(a.body().at("/sources/insurance/status").asText()).isEqualTo("OK");
        assertThat(a.body().at("/sources/civil-status/status").asText()).isEqualTo("OK");
    }

    @Test
    void readinessCountsExactlyTheFieldsThePrefillOfTheSuggestedFormFills() {
        for (String persona : List.of("hoa", "quang", "dung")) {
            for (JsonNode s : suggestions(persona, "").body().get("suggestions")) {
                if (s.get("formId").isNull()) {
                    assertThat(s.get("readiness").isNull()).isTrue();
                    continue;
                }
                JsonNode actingFor = s.get("actingFor");
                String body = actingFor.isNull() ? null : "{\"actingFor\": " + actingFor + "}";
                Answer prefill = prefill(s.get("formId").asText(), token(persona), body);
                assertThat(prefill.status()).as(persona + " " + s.get("id")).isEqualTo(200);
                long filled = 0;
                int bound = 0;
                for (JsonNode f : prefill.body().get("fields")) {
                    bound++;
                    String status = f.get("status").asText();
                    if (status.equals("PREFILLED") || status.equals("CONFLICT")) {
                        filled++;
                    }
                }
                assertThat(s.at("/readiness/prefilled").asLong()).as(persona + " " + s.get("id")).isEqualTo(filled);
                assertThat(s.at("/readiness/bound").asInt()).isEqualTo(bound);
                assertThat(filled).isPositive();
            }
        }
    }

    @Test
    void anInsuredChildAndAChildOverSixAreNotSuggestedAnExpiredCardIs() {
        Answer a = suggestions("cuong", "");
        assertThat(a.status()).isEqualTo(200);
        List<String> ids = of(a, "CHILD_HEALTH_INSURANCE").stream().map(s -> s.get("actingFor").get("citizenId").asText()).toList();
        assertThat(ids).as("nhi's card runs to the day before she turns 6; khai is over 6; linh is 13")
                .doesNotContain("001324007002", "001215007003", "001313007004");
        assertThat(underSix(BAO_BORN)).as("the gateway's clock (%s) is on a day Bảo is under six", today()).isTrue();
        assertThat(ids).containsExactly("001223007005");
        JsonNode s = of(a, "CHILD_HEALTH_INSURANCE").get(0);
        assertThat(s.get("evidence").get(0).get("pointer").asText()).isEqualTo("/ketQua/3/nguoiDuocKhaiSinh/ngaySinh");
        assertThat(s.get("evidence").get(1).toString()).as("a card that answered is evidence by its end date")
                .isEqualTo("{\"source\":\"insurance\",\"subject\":\"child\",\"pointer\":\"/theBHYT/giaTriDen\"}");
    }

    @Test
    void aChildTurningFourteenWithinAYearIsSuggestedTheFirstIdentityCard() {
        Answer a = suggestions("cuong", "");
        List<JsonNode> found = of(a, "FIRST_ID_CARD");
        assertThat(found).hasSize(1);
        JsonNode s = found.get(0);
        assertThat(s.get("actingFor").get("citizenId").asText()).isEqualTo("001313007004");
        assertThat(s.get("formId").isNull()).isTrue();
        // the births stub (civil-status/births-of-children-of-001082007001) dates linh 4900 days back: she is 13
        LocalDate fourteenth = stubbedDaysAgo(4900).plusYears(14);
        assertThat(s.get("dueBy").asText()).isEqualTo(fourteenth.toString());
        assertThat(s.get("reason").asText()).contains(VN.format(fourteenth));
    }

    @Test
    void aRepresentativeStillOnACmndIsSuggestedTheChangeNoticeACccdRepresentativeIsNot() {
        Answer a = suggestions("quang", "");
        List<JsonNode> found = of(a, "ENTERPRISE_REPRESENTATIVE_UPDATE");
        assertThat(found).hasSize(1);
        JsonNode s = found.get(0);
        assertThat(s.get("id").asText()).isEqualTo("ENTERPRISE_REPRESENTATIVE_UPDATE:0108881233");
        assertThat(s.get("formId").asText()).isEqualTo("enterprise-change-notice");
        assertThat(s.get("actingFor").toString()).isEqualTo("{\"type\":\"ENTERPRISE\",\"enterpriseCode\":\"0108881233\"}");
        assertThat(s.get("evidence").toString()).isEqualTo(
                "[{\"source\":\"business\",\"subject\":\"enterprise\",\"pointer\":\"/DaiDienPhapLuat/0/MaLoaiGiayTo\"}]");
        assertThat(s.get("reason").asText()).contains("CÔNG TY TNHH IN ẤN HỒ TÂY");

        Answer binh = suggestions("binh", "");
        assertThat(binh.status()).isEqualTo(200);
        assertThat(of(binh, "ENTERPRISE_REPRESENTATIVE_UPDATE")).as("both of Bình's enterprises list him by CCCD").isEmpty();
        assertThat(binh.body().at("/sources/business/status").asText()).isEqualTo("OK");
    }

    @Test
    void theIdentityCardIsSuggestedBeforeTurningTwentyFiveAndNotInBetweenMilestones() {
        Answer vy = suggestions("vy", "");
        List<JsonNode> found = of(vy, "ID_CARD_RENEWAL");
        assertThat(found).hasSize(1);
        // the population and insurance stubs of vy (001302007020) date her birth 9100 days back: she is 24
        LocalDate twentyFifth = stubbedDaysAgo(9100).plusYears(25);
        assertThat(found.get(0).get("dueBy").asText()).isEqualTo(twentyFifth.toString());
        assertThat(found.get(0).get("reason").asText())
                .isEqualTo("Bạn đủ 25 tuổi vào ngày " + VN.format(twentyFifth) + ": cần cấp đổi thẻ căn cước");
        assertThat(found.get(0).get("actingFor").isNull()).isTrue();
        assertThat(of(vy, "HEALTH_INSURANCE_RENEWAL")).as("her card ends in 20 days").hasSize(1);
        Answer tam = suggestions("tam", "");
        assertThat(of(tam, "ID_CARD_RENEWAL")).as("a year-only birth date names no birthday").isEmpty();
        assertThat(of(tam, "HEALTH_INSURANCE_RENEWAL")).as("no insurance record").isEmpty();

        LocalDate next = HOA_BORN.withYear(today().getYear());
        if (next.isBefore(today())) {
            next = next.plusYears(1);
        }
        int age = next.getYear() - HOA_BORN.getYear();
        boolean milestone = List.of(14, 25, 40, 60).contains(age);
        assertThat(of(suggestions("hoa", ""), "ID_CARD_RENEWAL")).hasSize(milestone ? 1 : 0);
    }

    @Test
    void spousesInDifferentHouseholdsAreSuggestedAResidenceChangeWithoutTheSpousesData() {
        Answer a = suggestions("dung", "");
        List<JsonNode> found = of(a, "RESIDENCE_AFTER_MARRIAGE");
        assertThat(found).hasSize(1);
        JsonNode s = found.get(0);
        assertThat(s.get("id").asText()).isEqualTo("RESIDENCE_AFTER_MARRIAGE:001088007030");
        assertThat(s.get("formId").asText()).isEqualTo("residence-change");
        assertThat(s.get("actingFor").isNull()).isTrue();
        assertThat(s.get("evidence").toString()).contains("{\"source\":\"population\",\"subject\":\"spouse\",\"status\":\"OK\"}");
        String body = a.raw().body();
        assertThat(body).as("the spouse's number, name and household never leave")
                .doesNotContain("001190007031", "YẾN", "Yến", "HK-01-000731", "001062007032");

        assertThat(of(suggestions("hoa", ""), "RESIDENCE_AFTER_MARRIAGE")).as("Hoa and Bình share a household").isEmpty();
        assertThat(of(suggestions("lan", ""), "RESIDENCE_AFTER_MARRIAGE")).as("Lan is single").isEmpty();
    }

    @Test
    void sourcesLimitTheReadsAndTheRulesEvaluated() {
        Answer a = suggestions("hoa", "?sources=civil-status");
        assertThat(a.status()).isEqualTo(200);
        assertThat(of(a, "CHILD_HEALTH_INSURANCE")).as("needs insurance, outside the consent").isEmpty();
        assertThat(a.body().get("sources").has("insurance")).isFalse();
        assertThat(a.body().get("sources").has("population")).isFalse();
        String requestId = a.body().get("requestId").asText();
        List<String> sources = sql.queryForList("SELECT sources FROM disclosure WHERE request_id = ?", String.class, requestId);
        assertThat(sources).isNotEmpty().allSatisfy(s -> assertThat(s).doesNotContain("insurance", "population"));

        Answer repeated = suggestions("cuong", "?sources=civil-status&sources=insurance");
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(of(repeated, "FIRST_ID_CARD")).hasSize(1);
    }

    @Test
    void aFailingSourceCostsOnlyTheRulesThatNeedIt() {
        Answer a = suggestions("insurance-fault", "");
        assertThat(a.status()).isEqualTo(200);
        String insurance = a.body().at("/sources/insurance/status").asText();
        assertThat(insurance).isIn("UNAVAILABLE", "INVALID_RESPONSE");
        assertThat(of(a, "HEALTH_INSURANCE_RENEWAL")).isEmpty();
        assertThat(a.body().at("/sources/population/status").asText()).isEqualTo("OK");
        assertThat(a.body().at("/sources/civil-status/status").asText()).isIn("OK", "NOT_FOUND");

        Answer all = suggestions("civil-status-fault", "");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body().at("/sources/civil-status/status").asText()).isEqualTo("UNAVAILABLE");
        assertThat(all.body().get("suggestions")).isEmpty();
    }

    @Test
    void anUnknownSourceIsA400NamingTheParameterAndNoTokenIsA401() {
        Answer a = suggestions("hoa", "?sources=population,astrology");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.body().toString()).contains("\"sources\"").contains("astrology");

        Answer anonymous = call("GET", "/api/v1/me/suggestions", null, null, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
    }

    @Test
    void everyReadIsInTheDisclosureLogWithThePurposeSuggestions() {
        Answer a = suggestions("hoa", "");
        String requestId = a.body().get("requestId").asText();
        List<JsonNode> mine = new ArrayList<>();
        call("GET", "/api/v1/me/disclosures?size=100", token("hoa"), null, null).body().get("items").forEach(i -> {
            if (i.get("requestId").asText().equals(requestId)) {
                mine.add(i);
            }
        });
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).at("/form/id").asText()).isEqualTo("suggestions");
        assertThat(mine.get(0).at("/form/procedureCode").asText()).isEqualTo("suggestions");
        assertThat(mine.get(0).get("subjectRole").asText()).isEqualTo("self");
        assertThat(mine.get(0).get("sources").has("civil-status")).isTrue();
        assertThat(mine.get(0).get("sources").has("population")).isTrue();

        List<JsonNode> child = new ArrayList<>();
        call("GET", "/api/v1/me/disclosures?size=100", token("an"), null, null).body().get("items").forEach(i -> {
            if (i.get("requestId").asText().equals(requestId)) {
                child.add(i);
            }
        });
        assertThat(child).hasSize(1);
        assertThat(child.get(0).get("subjectRole").asText()).isEqualTo("child");
        assertThat(child.get(0).get("readByYou").asBoolean()).isFalse();
        assertThat(child.get(0).at("/sources/insurance").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void whenTheLogCannotBeWrittenNoSuggestionLeaves() {
        String token = token("quang");
        sql.execute("ALTER TABLE disclosure RENAME TO disclosure_offline");
        Answer a;
        try {
            a = call("GET", "/api/v1/me/suggestions", token, null, null);
        } finally {
            sql.execute("ALTER TABLE disclosure_offline RENAME TO disclosure");
        }
        assertThat(a.status()).isEqualTo(503);
        assertThat(a.body().get("type").asText()).endsWith("audit-unavailable");
        assertThat(a.raw().body()).doesNotContain("0108881233");
    }

    @Test
    void suggestionsShownAndFollowedAreCountedPerLifeEvent() {
        double shown = metric("gateway.suggestions.shown", "ENTERPRISE_REPRESENTATIVE_UPDATE");
        double followed = metric("gateway.suggestions.followed", "ENTERPRISE_REPRESENTATIVE_UPDATE");
        assertThat(of(suggestions("quang", ""), "ENTERPRISE_REPRESENTATIVE_UPDATE")).hasSize(1);
        assertThat(metric("gateway.suggestions.shown", "ENTERPRISE_REPRESENTATIVE_UPDATE")).isEqualTo(shown + 1);
        assertThat(prefill("enterprise-change-notice", token("quang"), actingForEnterprise("0108881233")).status()).isEqualTo(200);
        assertThat(followedAfterTheWriter("ENTERPRISE_REPRESENTATIVE_UPDATE")).isEqualTo(followed + 1);
        assertThat(prefill("enterprise-change-notice", token("quang"), actingForEnterprise("0108881233")).status()).isEqualTo(200);
        assertThat(followedAfterTheWriter("ENTERPRISE_REPRESENTATIVE_UPDATE")).as("followed once per showing").isEqualTo(followed + 1);
        // another form, or the same form for oneself, follows nothing
        assertThat(of(suggestions("quang", ""), "ENTERPRISE_REPRESENTATIVE_UPDATE")).hasSize(1);
        assertThat(prefill("criminal-record-request", token("quang"), null).status()).isEqualTo(200);
        assertThat(followedAfterTheWriter("ENTERPRISE_REPRESENTATIVE_UPDATE")).isEqualTo(followed + 1);
    }

    /** The match is made by the indicators' writer: the indicators endpoint waits for what was queued before it. */
    double followedAfterTheWriter(String lifeEvent) {
        assertThat(call("GET", "/api/v1/admin/indicators", operatorToken(), null, null).status()).isEqualTo(200);
        return metric("gateway.suggestions.followed", lifeEvent);
    }

    double metric(String name, String lifeEvent) {
        meters.find(name).counters().forEach(c -> assertThat(c.getId().getTags()).as("life_event only")
                .extracting(io.micrometer.core.instrument.Tag::getKey).containsExactly("life_event"));
        Counter c = meters.find(name).tag("life_event", lifeEvent).counter();
        return c == null ? 0 : c.count();
    }
}
