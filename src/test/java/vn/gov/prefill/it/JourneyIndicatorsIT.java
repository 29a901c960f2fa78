package vn.gov.prefill.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.gov.prefill.dossier.HandlingSignature;

/**
 * The journey's indicators and {@code gateway_dossiers_total} after dossiers filed through the API and delivered
 * to the handling system's stub: one delivered at once and then handled to its result by signed callbacks (in
 * progress, result ready, handed over), one delivered after two 503s, one refused for good and, redelivered by an
 * operator, refused again. Other tests file dossiers today too, so the figures are read before and after and their
 * differences asserted (tests run one at a time, and no callback comes unasked here; the test first waits for every
 * earlier delivery to settle).
 */
class JourneyIndicatorsIT extends DossierTestSupport {

    static final List<String> FIGURES = List.of("dossiers", "delivered", "deliveryFailed", "resultsReady");
    @Autowired
    JdbcTemplate sql;

    /** A signed callback of the handling system: {@code state} reached by the dossier now. */
    void callback(String id, String code, String state) {
        Answer a = signed(handlingEvent(id, code, state, clock.instant(), null));
        assertThat(a.status()).as(state + ": " + a.body()).isEqualTo(200);
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

        Filed hoa = fileAsHoa(null);
        mocks.resetScenario("handling-" + UNAVAILABLE_TWICE);
        Filed retried = fileAs(UNAVAILABLE_TWICE);
        Filed refused = fileAs(REFUSED);
        JsonNode delivered = awaitSettled(hoa.id(), hoa.token());
        assertThat(delivered.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(awaitSettled(retried.id(), retried.token()).get("status").asText()).isEqualTo("DELIVERED");
        assertThat(awaitSettled(refused.id(), refused.token()).get("status").asText()).isEqualTo("DELIVERY_FAILED");
        // redelivered by an operator, refused again: one more failure of the same dossier
        assertThat(call("POST", "/api/v1/admin/dossiers/" + refused.id() + "/redeliver", operatorToken(), null, null).status()).isEqualTo(202);
        assertThat(awaitSettled(refused.id(), refused.token()).get("status").asText()).isEqualTo("DELIVERY_FAILED");
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM dossier_event WHERE dossier_id = ? AND status = 'DELIVERY_FAILED'",
                Long.class, refused.id())).isEqualTo(2);
        // hoa's is handled: in progress (delivered already), its result ready, then handed over (one result)
        for (String state : List.of("DANG_XU_LY", "DA_CO_KET_QUA", "DA_TRA_KET_QUA")) {
            callback(hoa.id(), delivered.get("handlingCode").asText(), state);
        }
        assertThat(dossier(hoa.id(), hoa.token()).get("status").asText()).isEqualTo("COMPLETED");

        JsonNode after = report();
        grew(before.get("total"), after.get("total"), 3, 2, 1, 1);
        grew(find(before.get("forms"), "formId", FORM), find(after.get("forms"), "formId", FORM), 3, 2, 1, 1);
        grew(find(before.get("channels"), "channel", "ONLINE"), find(after.get("channels"), "channel", "ONLINE"), 3, 2, 1, 1);
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
        assertThat(after.toString()).doesNotContain(UNAVAILABLE_TWICE, REFUSED, HOA, "NGUYỄN");
        assertThat(sql.queryForList("SELECT * FROM indicator_dossier").toString()).doesNotContain(UNAVAILABLE_TWICE, REFUSED, HOA);

        // the CSV: the same figures, a row per channel
        List<String> csv = get("/api/v1/admin/indicators.csv" + period()).lines().toList();
        List<String> header = List.of(csv.get(0).split(",", -1));
        assertThat(header).containsSequence("dossiers", "delivered", "deliveryFailed", "medianDeliverySeconds", "resultsReady");
        assertThat(csv).allSatisfy(l -> assertThat(csvCells(l)).hasSameSizeAs(header));
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

        // every move is counted: four filings (one the redelivery), two deliveries, two failures, hoa's three steps;
        // by form and status only
        Map<String, Double> counted = counters("gateway_dossiers_total");
        assertThat(delta(countedBefore, counted, "RECEIVED")).isEqualTo(4.0);
        assertThat(delta(countedBefore, counted, "DELIVERED")).isEqualTo(2.0);
        assertThat(delta(countedBefore, counted, "DELIVERY_FAILED")).isEqualTo(2.0);
        assertThat(delta(countedBefore, counted, "IN_PROGRESS")).isEqualTo(1.0);
        assertThat(delta(countedBefore, counted, "RESULT_READY")).isEqualTo(1.0);
        assertThat(delta(countedBefore, counted, "COMPLETED")).isEqualTo(1.0);
        assertThat(counted.keySet()).allSatisfy(labels -> assertThat(labels)
                .matches("form=\"[a-z0-9-]+\",status=\"(RECEIVED|DELIVERED|DELIVERY_FAILED|IN_PROGRESS|SUPPLEMENT_REQUESTED"
                        + "|RESULT_READY|REJECTED|COMPLETED)\""));
    }
}
