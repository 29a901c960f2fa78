package vn.gov.prefill.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The indicators of a known replay through the API, on days of their own (the demo clock header puts
 * them far in the past, away from what the other tests record): hand-computed figures.
 */
class IndicatorsIT extends GatewayTestSupport {

    static final String FORM = "criminal-record-request";
    static final int REPLAY_DAYS_AGO = 1500;
    static final int LONELY_DAYS_AGO = 1600;
    static final int CSV_DAYS_AGO = 1700;
    static final int SUGGESTIONS_DAYS_AGO = 1800;

    @Autowired
    JdbcTemplate sql;

    Answer send(String method, String path, String token, String body, int daysAgo) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + token).header("X-Demo-Days-Ago", String.valueOf(daysAgo));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    r.body().isEmpty() ? null : JSON.readTree(r.body()), r);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Prefills as hoa on that day, completes the two fields the registries do not hold. */
    ObjectNode prefilled(String token, int daysAgo, List<JsonNode> answers) {
        Answer a = send("POST", "/api/v1/forms/" + FORM + "/prefill", token, null, daysAgo);
        assertThat(a.status()).isEqualTo(200);
        answers.add(a.body());
        ObjectNode body = JSON.createObjectNode();
        ObjectNode data = body.putObject("data");
        data.setAll((ObjectNode) a.body().get("data"));
        data.put("purpose", "Xin việc");
        data.put("certificateType", 1);
        body.put("prefillToken", a.body().get("prefillToken").asText());
        return body;
    }

    String day(int daysAgo) {
        return today().minusDays(daysAgo).toString();
    }

    JsonNode form(JsonNode report, String id) {
        for (JsonNode f : report.get("forms")) {
            if (f.get("formId").asText().equals(id)) {
                return f;
            }
        }
        throw new AssertionError("no form " + id + " in " + report);
    }

    @Test
    void aKnownReplayGivesTheHandComputedFigures() {
        String hoa = token("hoa");
        String submit = "/api/v1/forms/" + FORM + "/submissions";
        List<JsonNode> answers = new java.util.ArrayList<>();
        // 1: submitted as prefilled (17 bound: 15 from the registries, all prefilled and kept, and the phone and e-mail
        // Hoa never declared, typed or left empty)
        ObjectNode asIs = prefilled(hoa, REPLAY_DAYS_AGO, answers);
        assertThat(send("POST", submit, hoa, asIs.toString(), REPLAY_DAYS_AGO).status()).isEqualTo(200);
        // 2: one unlocked field re-entered (14 kept, 1 changed)
        ObjectNode moved = prefilled(hoa, REPLAY_DAYS_AGO, answers);
        ((ObjectNode) moved.get("data").get("applicant")).putObject("currentResidence").put("text", "Số 1 phố Mới, Tỉnh Bắc Ninh");
        assertThat(send("POST", submit, hoa, moved.toString(), REPLAY_DAYS_AGO).status()).isEqualTo(200);
        // 3: a locked value changed: refused, counted as a submission, not as a valid one
        ObjectNode tampered = prefilled(hoa, REPLAY_DAYS_AGO, answers);
        ((ObjectNode) tampered.get("data").get("applicant")).put("fullName", "NGUYỄN THỊ HOÀ");
        assertThat(send("POST", submit, hoa, tampered.toString(), REPLAY_DAYS_AGO).status()).isEqualTo(422);
        // 4: prefilled, never submitted
        prefilled(hoa, REPLAY_DAYS_AGO, answers);

        Answer a = call("GET", "/api/v1/admin/indicators?from=" + day(REPLAY_DAYS_AGO) + "&to=" + day(REPLAY_DAYS_AGO),
                operatorToken(), null, null);

        assertThat(a.status()).isEqualTo(200);
        JsonNode report = a.body();
        assertThat(report.get("from").asText()).isEqualTo(day(REPLAY_DAYS_AGO));
        assertThat(report.get("to").asText()).isEqualTo(day(REPLAY_DAYS_AGO));
        JsonNode total = report.get("total");
        assertThat(total.get("prefills").asLong()).isEqualTo(4);
        assertThat(total.get("submissions").asLong()).isEqualTo(3);
        assertThat(total.get("validSubmissions").asLong()).isEqualTo(2);
        assertThat(total.get("bound").asLong()).isEqualTo(34);
        assertThat(total.get("prefilled").asLong()).isEqualTo(30);
        assertThat(total.get("kept").asLong()).isEqualTo(29);
        assertThat(total.get("changed").asLong()).isEqualTo(1);
        // 30 / 34 and 29 / 34
        assertThat(total.get("coverage").asDouble()).isEqualTo(0.8824);
        assertThat(total.get("reuse").asDouble()).isEqualTo(0.8529);
        assertThat(total.get("reenteredNothingShare").asDouble()).isEqualTo(0.5);
        assertThat(total.get("medianPrefillToSubmitSeconds").isNumber()).isTrue();
        assertThat(total.get("medianPrefillToSubmitSeconds").asLong()).isBetween(0L, 60L);
        JsonNode form = form(report, FORM);
        assertThat(form.get("procedureCode").asText()).isNotEmpty();
        assertThat(form.get("prefills").asLong()).isEqualTo(4);
        assertThat(form.get("reuse").asDouble()).isEqualTo(0.8529);
        // a form nobody used that day: nothing to divide, null shares (present, not omitted)
        JsonNode idle = form(report, "enterprise-change-notice");
        assertThat(idle.get("submissions").asLong()).isZero();
        assertThat(idle.has("reuse")).isTrue();
        assertThat(idle.get("reuse").isNull()).isTrue();
        assertThat(idle.get("coverage").isNull()).isTrue();
        assertThat(idle.get("reenteredNothingShare").isNull()).isTrue();
        assertThat(idle.get("medianPrefillToSubmitSeconds").isNull()).isTrue();
        // per source: the reads the four answers name, all answered by the mocks
        for (JsonNode source : report.get("sources")) {
            String name = source.get("source").asText();
            long reads = answers.stream().mapToLong(r -> r.at("/sources/" + name + "/reads").size()).sum();
            long answered = answers.stream().flatMap(r -> java.util.stream.StreamSupport.stream(r.at("/sources/" + name + "/reads").spliterator(), false))
                    .filter(read -> List.of("OK", "NOT_FOUND").contains(read.get("status").asText())).count();
            assertThat(source.get("reads").asLong()).as(name).isEqualTo(reads);
            assertThat(source.get("ok").asLong()).as(name).isEqualTo(answered);
            if (reads == 0) {
                assertThat(source.get("availability").isNull()).as(name).isTrue();
            } else {
                assertThat(source.get("availability").asDouble()).as(name).isEqualTo(Math.round(answered * 10000.0 / reads) / 10000.0);
            }
        }
        assertThat(report.at("/sources").findValuesAsText("source")).contains("population");
        assertThat(report.toString()).doesNotContain("027190001234").doesNotContain("HOA");
    }

    JsonNode lifeEvent(JsonNode report, String lifeEvent) {
        for (JsonNode s : report.get("suggestions")) {
            if (s.get("lifeEvent").asText().equals(lifeEvent)) {
                return s;
            }
        }
        throw new AssertionError("no life event " + lifeEvent + " in " + report.get("suggestions"));
    }

    List<String> lifeEventsShown(String persona, int daysAgo) {
        Answer a = send("GET", "/api/v1/me/suggestions", token(persona), null, daysAgo);
        assertThat(a.status()).isEqualTo(200);
        return a.body().findValuesAsText("lifeEvent");
    }

    /**
     * Quang is shown his change notice and follows it (a prefill of that form for that enterprise), then
     * prefills it again; Dũng is shown his residence change and prefills another form: 1 of 1, then 0 of 1.
     */
    @Test
    void suggestionsShownAndFollowedPerLifeEvent() {
        String quang = token("quang");
        String dung = token("dung");
        String enterprise = "{\"actingFor\": {\"type\": \"ENTERPRISE\", \"enterpriseCode\": \"0108881233\"}}";
        List<String> shown = new java.util.ArrayList<>(lifeEventsShown("quang", SUGGESTIONS_DAYS_AGO));
        assertThat(shown).containsExactly("ENTERPRISE_REPRESENTATIVE_UPDATE");
        assertThat(send("POST", "/api/v1/forms/enterprise-change-notice/prefill", quang, enterprise, SUGGESTIONS_DAYS_AGO).status()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/forms/enterprise-change-notice/prefill", quang, enterprise, SUGGESTIONS_DAYS_AGO).status()).isEqualTo(200);
        List<String> dungs = lifeEventsShown("dung", SUGGESTIONS_DAYS_AGO);
        assertThat(dungs).contains("RESIDENCE_AFTER_MARRIAGE");
        shown.addAll(dungs);
        assertThat(send("POST", "/api/v1/forms/" + FORM + "/prefill", dung, null, SUGGESTIONS_DAYS_AGO).status()).isEqualTo(200);

        String period = "?from=" + day(SUGGESTIONS_DAYS_AGO) + "&to=" + day(SUGGESTIONS_DAYS_AGO);
        JsonNode report = call("GET", "/api/v1/admin/indicators" + period, operatorToken(), null, null).body();

        JsonNode change = lifeEvent(report, "ENTERPRISE_REPRESENTATIVE_UPDATE");
        assertThat(change.get("shown").asLong()).isEqualTo(1);
        assertThat(change.get("followed").asLong()).isEqualTo(1);
        assertThat(change.get("followedShare").asDouble()).isEqualTo(1.0);
        JsonNode residence = lifeEvent(report, "RESIDENCE_AFTER_MARRIAGE");
        assertThat(residence.get("shown").asLong()).isEqualTo(1);
        assertThat(residence.get("followed").asLong()).isZero();
        assertThat(residence.get("followedShare").asDouble()).isEqualTo(0.0);
        // every life event of the rules is listed; one nobody was shown has a null share, present
        JsonNode child = lifeEvent(report, "CHILD_HEALTH_INSURANCE");
        assertThat(child.get("shown").asLong()).isZero();
        assertThat(child.has("followedShare")).isTrue();
        assertThat(child.get("followedShare").isNull()).isTrue();
        assertThat(report.get("suggestions").findValuesAsText("lifeEvent")).hasSize(6);
        long total = 0;
        for (JsonNode s : report.get("suggestions")) {
            total += s.get("shown").asLong();
        }
        assertThat(total).isEqualTo(shown.size());
        assertThat(report.at("/total/prefills").asLong()).isEqualTo(3);
        // the table holds no number: only the matching key while it may still be followed, an HMAC
        assertThat(sql.queryForList("SELECT match_key FROM indicator_suggestion WHERE match_key IS NOT NULL", String.class))
                .allSatisfy(k -> assertThat(k).matches("[0-9a-f]{64}"));
        String rows = sql.queryForList("SELECT * FROM indicator_suggestion").toString();
        assertThat(rows).doesNotContain("001080007010", "001088007030", "0108881233");

        List<String> csv = csvLines(period);
        List<String> header = List.of(csv.get(0).split(",", -1));
        assertThat(header).containsSequence("shown", "followed", "followedShare");
        List<String> row = List.of(csv.stream().filter(l -> l.startsWith("suggestion,ENTERPRISE_REPRESENTATIVE_UPDATE,")).findFirst()
                .orElseThrow().split(",", -1));
        assertThat(row.get(header.indexOf("shown"))).isEqualTo("1");
        assertThat(row.get(header.indexOf("followed"))).isEqualTo("1");
        assertThat(row.get(header.indexOf("followedShare"))).isEqualTo("1.0");
        // the life event's title from its rule, last, for people to read
        assertThat(header).endsWith("name");
        assertThat(row.get(header.indexOf("name"))).isEqualTo("Cập nhật giấy tờ của người đại diện theo pháp luật (CMND cũ)");
        List<String> idle = List.of(csv.stream().filter(l -> l.startsWith("suggestion,CHILD_HEALTH_INSURANCE,")).findFirst()
                .orElseThrow().split(",", -1));
        assertThat(idle.get(header.indexOf("followedShare"))).isEmpty();
        assertThat(idle).hasSameSizeAs(header);
    }

    List<String> csvLines(String period) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/admin/indicators.csv" + period))
                    .header("Authorization", "Bearer " + operatorToken()).build(), HttpResponse.BodyHandlers.ofString()).body().lines().toList();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void prefillsWithoutSubmissionsHaveNullShares() {
        prefilled(token("hoa"), LONELY_DAYS_AGO, new java.util.ArrayList<>());

        JsonNode total = call("GET", "/api/v1/admin/indicators?from=" + day(LONELY_DAYS_AGO) + "&to=" + day(LONELY_DAYS_AGO),
                operatorToken(), null, null).body().get("total");

        assertThat(total.get("prefills").asLong()).isEqualTo(1);
        assertThat(total.get("submissions").asLong()).isZero();
        assertThat(total.get("coverage").isNull()).isTrue();
        assertThat(total.get("reuse").isNull()).isTrue();
        assertThat(total.get("reenteredNothingShare").isNull()).isTrue();
        assertThat(total.get("medianPrefillToSubmitSeconds").isNull()).isTrue();
    }

    @Test
    void theDefaultPeriodIsTheCurrentMonthInVietnam() {
        JsonNode report = call("GET", "/api/v1/admin/indicators", operatorToken(), null, null).body();
        LocalDate today = today();

        assertThat(report.get("from").asText()).isEqualTo(today.withDayOfMonth(1).toString());
        assertThat(report.get("to").asText()).isEqualTo(today.withDayOfMonth(today.lengthOfMonth()).toString());
    }

    @Test
    void malformedAndReversedDatesAre400NamingTheParameter() {
        String operator = operatorToken();
        Answer malformed = call("GET", "/api/v1/admin/indicators?from=2026-13-01", operator, null, null);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.body().at("/errors/0/pointer").asText()).isEqualTo("from");
        assertThat(call("GET", "/api/v1/admin/indicators?to=30-11-2026", operator, null, null).body().at("/errors/0/pointer").asText())
                .isEqualTo("to");
        Answer reversed = call("GET", "/api/v1/admin/indicators?from=2026-11-30&to=2026-11-01", operator, null, null);
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.body().at("/errors/0/pointer").asText()).isEqualTo("to");
        assertThat(call("GET", "/api/v1/admin/indicators.csv?from=x", operator, null, null).status()).isEqualTo(400);
    }

    @Test
    void theCsvExportHasTheSameFigures() throws Exception {
        String hoa = token("hoa");
        ObjectNode asIs = prefilled(hoa, CSV_DAYS_AGO, new java.util.ArrayList<>());
        assertThat(send("POST", "/api/v1/forms/" + FORM + "/submissions", hoa, asIs.toString(), CSV_DAYS_AGO).status()).isEqualTo(200);
        String operator = operatorToken();
        String period = "?from=" + day(CSV_DAYS_AGO) + "&to=" + day(CSV_DAYS_AGO);
        JsonNode json = call("GET", "/api/v1/admin/indicators" + period, operator, null, null).body();
        HttpResponse<String> csv = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/admin/indicators.csv" + period)).header("Authorization", "Bearer " + operator).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        List<String> header = List.of(lines.get(0).split(",", -1));
        assertThat(header).startsWith("scope", "id", "procedureCode", "from", "to", "prefills");
        List<String> total = List.of(lines.get(1).split(",", -1));
        assertThat(total.get(0)).isEqualTo("total");
        for (String column : List.of("prefills", "submissions", "validSubmissions", "bound", "prefilled", "kept", "changed")) {
            assertThat(total.get(header.indexOf(column))).as(column).isEqualTo(json.at("/total/" + column).asText());
        }
        // 15 kept of 17 bound
        assertThat(total.get(header.indexOf("reuse"))).isEqualTo("0.8824").isEqualTo(json.at("/total/reuse").asText());
        // a share with nothing to divide is an empty cell
        List<String> idle = List.of(lines.stream().filter(l -> l.startsWith("form,enterprise-change-notice,")).findFirst()
                .orElseThrow().split(",", -1));
        assertThat(idle.get(header.indexOf("reuse"))).isEmpty();
        assertThat(lines).anyMatch(l -> l.startsWith("form," + FORM + ","));
        assertThat(lines).anyMatch(l -> l.startsWith("source,population,") && l.endsWith(",CSDLQG về dân cư"));
        assertThat(lines.size()).isEqualTo(1 + 1 + json.get("forms").size() + json.get("sources").size() + json.get("suggestions").size()
                + json.get("channels").size() + json.get("units").size());
        assertThat(lines).anyMatch(l -> l.startsWith("channel,ONLINE,")).anyMatch(l -> l.startsWith("channel,DESK,"));
        // a quoted cell (a life event's title with commas) is one cell
        assertThat(lines).allSatisfy(l -> assertThat(csvCells(l)).hasSameSizeAs(header));
        assertThat(lines).anyMatch(l -> l.startsWith("suggestion,ID_CARD_RENEWAL,")
                && csvCells(l).get(header.indexOf("name")).equals("Cấp đổi thẻ căn cước khi đủ 14, 25, 40 hoặc 60 tuổi"));
    }
}
