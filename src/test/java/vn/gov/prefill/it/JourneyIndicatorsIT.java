package vn.gov.prefill.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The journey's indicators and {@code gateway_dossiers_total} after dossiers filed through the API and delivered
 * to the handling system's stub: one delivered at once, one after two 503s, one refused for good and, redelivered
 * by an operator, refused again. Other tests file dossiers today too, so the figures are read before and after and
 * their differences asserted (tests run one at a time; the test first waits for every earlier delivery to settle).
 */
class JourneyIndicatorsIT extends GatewayTestSupport {

    static final String FORM = "criminal-record-request";
    static final String UNAVAILABLE_TWICE = "001099100503";
    static final String REFUSED = "001099100422";
    static final List<String> FIGURES = List.of("dossiers", "delivered", "deliveryFailed", "resultsReady");

    @Autowired
    JdbcTemplate sql;

    record Filed(String id, String token) { }

    Filed file(String token, ObjectNode data) {
        Answer prefill = prefill(FORM, token, null);
        ObjectNode body = JSON.createObjectNode();
        body.set("data", data == null ? completed(prefill) : data);
        body.put("prefillToken", prefill.body().get("prefillToken").asText());
        Answer a = call("POST", "/api/v1/forms/" + FORM + "/dossiers", token, "application/json", body.toString());
        assertThat(a.status()).as("%s", a.body()).isEqualTo(201);
        return new Filed(a.body().get("dossierId").asText(), token);
    }

    static ObjectNode completed(Answer prefill) {
        ObjectNode data = (ObjectNode) prefill.body().get("data").deepCopy();
        data.put("purpose", "Xin việc");
        data.put("certificateType", 1);
        return data;
    }

    String awaitSettled(Filed f) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String status = "RECEIVED";
        while (status.equals("RECEIVED") && System.nanoTime() < until) {
            Thread.sleep(100);
            status = call("GET", "/api/v1/me/dossiers/" + f.id(), f.token(), null, null).body().get("status").asText();
        }
        return status;
    }

    void awaitNoDeliveryPending() throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (sql.queryForObject("SELECT COUNT(*) FROM dossier WHERE status = 'RECEIVED'", Long.class) > 0 && System.nanoTime() < until) {
            Thread.sleep(200);
        }
    }

    /** Today in Vietnam, on the gateway's clock: when every dossier of these tests is filed. */
    String period() {
        return "?from=" + today() + "&to=" + today();
    }

    JsonNode report() {
        Answer a = call("GET", "/api/v1/admin/indicators" + period(), operatorToken(), null, null);
        assertThat(a.status()).isEqualTo(200);
        return a.body();
    }

    static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode n : list) {
            if (n.get(field).asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no " + field + " " + value + " in " + list);
    }

    static void grew(JsonNode before, JsonNode after, long dossiers, long delivered, long failed, long results) {
        List<Long> growth = new ArrayList<>();
        FIGURES.forEach(f -> growth.add(after.get(f).asLong() - before.get(f).asLong()));
        assertThat(growth).as("%s → %s", before, after).containsExactly(dossiers, delivered, failed, results);
    }

    /** The gateway's own counters on /actuator/prometheus: name{labels} → value. */
    Map<String, Double> counters(String name) {
        Map<String, Double> out = new LinkedHashMap<>();
        Pattern sample = Pattern.compile("^" + name + "\\{([^}]*)} (\\S+)$");
        for (String line : get("/actuator/prometheus").lines().toList()) {
            Matcher m = sample.matcher(line);
            if (m.matches()) {
                out.put(m.group(1), Double.parseDouble(m.group(2)));
            }
        }
        return out;
    }

    String get(String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + operatorToken()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            return r.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static double delta(Map<String, Double> before, Map<String, Double> after, String status) {
        String key = "form=\"" + FORM + "\",status=\"" + status + "\"";
        return after.getOrDefault(key, 0.0) - before.getOrDefault(key, 0.0);
    }

    @Test
    void filedDeliveredAndFailedDossiersAreCountedOnceEachAndEveryMoveIsAMetric() throws Exception {
        awaitNoDeliveryPending();
        JsonNode before = report();
        Map<String, Double> countedBefore = counters("gateway_dossiers_total");

        Filed hoa = file(token("hoa"), null);
        mocks.resetScenario("handling-" + UNAVAILABLE_TWICE);
        ObjectNode hoasForm = completed(prefill(FORM, token("hoa"), null));
        Filed retried = file(token(Map.of("citizenId", UNAVAILABLE_TWICE)), hoasForm);
        Filed refused = file(token(Map.of("citizenId", REFUSED)), hoasForm);
        assertThat(awaitSettled(hoa)).isEqualTo("DELIVERED");
        assertThat(awaitSettled(retried)).isEqualTo("DELIVERED");
        assertThat(awaitSettled(refused)).isEqualTo("DELIVERY_FAILED");
        // redelivered by an operator, refused again: one more failure of the same dossier
        assertThat(call("POST", "/api/v1/admin/dossiers/" + refused.id() + "/redeliver", operatorToken(), null, null).status()).isEqualTo(202);
        assertThat(awaitSettled(refused)).isEqualTo("DELIVERY_FAILED");
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM dossier_event WHERE dossier_id = ? AND status = 'DELIVERY_FAILED'",
                Long.class, refused.id())).isEqualTo(2);

        JsonNode after = report();
        grew(before.get("total"), after.get("total"), 3, 2, 1, 0);
        grew(find(before.get("forms"), "formId", FORM), find(after.get("forms"), "formId", FORM), 3, 2, 1, 0);
        grew(find(before.get("channels"), "channel", "ONLINE"), find(after.get("channels"), "channel", "ONLINE"), 3, 2, 1, 0);
        grew(find(before.get("channels"), "channel", "DESK"), find(after.get("channels"), "channel", "DESK"), 0, 0, 0, 0);
        // the median over every dossier delivered today, from the dossiers' own timelines
        List<Long> seconds = sql.query("SELECT d.filed_at, e.at FROM dossier d JOIN dossier_event e ON e.dossier_id = d.id "
                + "AND e.status = 'DELIVERED'", (rs, i) -> Duration.between(rs.getObject(1, java.time.OffsetDateTime.class),
                rs.getObject(2, java.time.OffsetDateTime.class)).toSeconds()).stream().sorted().toList();
        int n = seconds.size();
        double median = n % 2 == 1 ? seconds.get(n / 2) : (seconds.get(n / 2 - 1) + seconds.get(n / 2)) / 2.0;
        assertThat(after.at("/total/delivered").asLong()).isEqualTo(n);
        assertThat(after.at("/total/medianDeliverySeconds").asDouble()).isEqualTo(median);
        assertThat(after.at("/total/dossiers").asLong())
                .isEqualTo(sql.queryForObject("SELECT COUNT(DISTINCT dossier_id) FROM dossier_event WHERE status = 'RECEIVED'", Long.class));
        // no person in the indicators, nor in their table
        assertThat(after.toString()).doesNotContain(UNAVAILABLE_TWICE, REFUSED, "027190001234", "NGUYỄN");
        assertThat(sql.queryForList("SELECT * FROM indicator_dossier").toString()).doesNotContain(UNAVAILABLE_TWICE, REFUSED, "027190001234");

        // the CSV: the same figures, a row per channel
        List<String> csv = get("/api/v1/admin/indicators.csv" + period()).lines().toList();
        List<String> header = List.of(csv.get(0).split(",", -1));
        assertThat(header).endsWith("dossiers", "delivered", "deliveryFailed", "medianDeliverySeconds", "resultsReady");
        assertThat(csv).allSatisfy(l -> assertThat(l.split(",", -1)).hasSameSizeAs(header));
        Map<String, JsonNode> rows = Map.of("total,", after.get("total"), "form," + FORM + ",", find(after.get("forms"), "formId", FORM),
                "channel,ONLINE,", find(after.get("channels"), "channel", "ONLINE"), "channel,DESK,", find(after.get("channels"), "channel", "DESK"));
        rows.forEach((prefix, json) -> {
            List<String> row = List.of(csv.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow().split(",", -1));
            for (String figure : FIGURES) {
                assertThat(row.get(header.indexOf(figure))).as(prefix + figure).isEqualTo(json.get(figure).asText());
            }
            JsonNode m = json.get("medianDeliverySeconds");
            assertThat(row.get(header.indexOf("medianDeliverySeconds"))).as(prefix).isEqualTo(m.isNull() ? "" : m.asText());
        });
        assertThat(csv.size()).isEqualTo(1 + 1 + after.get("forms").size() + after.get("sources").size() + after.get("suggestions").size()
                + after.get("channels").size() + after.get("units").size());

        // every move is counted: four filings (one the redelivery), two deliveries, two failures; by form and status only
        Map<String, Double> counted = counters("gateway_dossiers_total");
        assertThat(delta(countedBefore, counted, "RECEIVED")).isEqualTo(4.0);
        assertThat(delta(countedBefore, counted, "DELIVERED")).isEqualTo(2.0);
        assertThat(delta(countedBefore, counted, "DELIVERY_FAILED")).isEqualTo(2.0);
        assertThat(counted.keySet()).allSatisfy(labels -> assertThat(labels)
                .matches("form=\"[a-z0-9-]+\",status=\"(RECEIVED|DELIVERED|DELIVERY_FAILED|IN_PROGRESS|SUPPLEMENT_REQUESTED"
                        + "|RESULT_READY|REJECTED|COMPLETED)\""));
    }
}
