package vn.gov.prefill.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The indicators of a known replay through the API, on days of their own (the demo clock header puts
 * them far in the past, away from what the other tests record): hand-computed figures.
 */
class IndicatorsIT extends GatewayTestSupport {

    static final String FORM = "criminal-record-request";
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final int REPLAY_DAYS_AGO = 1500;
    static final int LONELY_DAYS_AGO = 1600;
    static final int CSV_DAYS_AGO = 1700;

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

    static String day(int daysAgo) {
        return LocalDate.now(VIETNAM).minusDays(daysAgo).toString();
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
        // 1: submitted as prefilled (15 bound, 15 prefilled, 15 kept)
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
        assertThat(total.get("bound").asLong()).isEqualTo(30);
        assertThat(total.get("prefilled").asLong()).isEqualTo(30);
        assertThat(total.get("kept").asLong()).isEqualTo(29);
        assertThat(total.get("changed").asLong()).isEqualTo(1);
        assertThat(total.get("coverage").asDouble()).isEqualTo(1.0);
        assertThat(total.get("reuse").asDouble()).isEqualTo(0.9667);
        assertThat(total.get("reenteredNothingShare").asDouble()).isEqualTo(0.5);
        assertThat(total.get("medianPrefillToSubmitSeconds").isNumber()).isTrue();
        assertThat(total.get("medianPrefillToSubmitSeconds").asLong()).isBetween(0L, 60L);
        JsonNode form = form(report, FORM);
        assertThat(form.get("procedureCode").asText()).isNotEmpty();
        assertThat(form.get("prefills").asLong()).isEqualTo(4);
        assertThat(form.get("reuse").asDouble()).isEqualTo(0.9667);
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
        LocalDate today = LocalDate.now(VIETNAM);

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
        assertThat(total.get(header.indexOf("reuse"))).isEqualTo("1.0").isEqualTo(json.at("/total/reuse").asText());
        // a share with nothing to divide is an empty cell
        List<String> idle = List.of(lines.stream().filter(l -> l.startsWith("form,enterprise-change-notice,")).findFirst()
                .orElseThrow().split(",", -1));
        assertThat(idle.get(header.indexOf("reuse"))).isEmpty();
        assertThat(lines).anyMatch(l -> l.startsWith("form," + FORM + ","));
        assertThat(lines).anyMatch(l -> l.startsWith("source,population,"));
        assertThat(lines.size()).isEqualTo(1 + 1 + json.get("forms").size() + json.get("sources").size());
    }
}
