package vn.gov.prefill.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Two nodes on one PostgreSQL deliver 200 filed dossiers to a handling system that fails two attempts in
 * three and answers slowly; node a is killed with SIGKILL twice while deliveries are in flight (after each
 * batch of filings) and started again, node b stays. In the end every dossier is DELIVERED, the handling
 * system received each one (its Idempotency-Key answered 2xx) and no other key, and no dossier was ever
 * sent by two nodes at once (a dossier's attempts never overlap in the handling system's journal).
 */
class DeliveryCrashIT {

    static final String FORM = "criminal-record-request";
    static final int PER_BATCH = 100;
    static final long ANSWER_MS = 400;

    @TempDir
    Path root;

    @BeforeAll
    static void requirePostgres() {
        Cluster.requirePostgres();
    }

    static final String[] TUNING = {
        "--gateway.handling.retry-schedule=" + String.join(",", java.util.Collections.nCopies(30, "300ms")),
        "--gateway.handling.timeout-millis=5000",
        "--db-scheduler.polling-interval=200ms",
        "--gateway.rate-limits.per-person=100000"};

    /** Files {@code count} dossiers as Hoa through this node; their ids. */
    static List<String> file(Cluster cluster, LaunchedGateway node, int count) {
        String hoa = cluster.citizen(Cluster.HOA);
        Cluster.Reply prefill = Cluster.send(node.port(), "POST", "/api/v1/forms/" + FORM + "/prefill", hoa, null);
        assertThat(prefill.status()).as(prefill.text()).isEqualTo(200);
        ObjectNode body = Cluster.JSON.createObjectNode();
        ObjectNode data = prefill.json().get("data").deepCopy();
        data.put("purpose", "Xin việc");
        data.put("certificateType", 1);
        body.set("data", data);
        body.put("prefillToken", prefill.json().get("prefillToken").asText());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Cluster.Reply filed = Cluster.send(node.port(), "POST", "/api/v1/forms/" + FORM + "/dossiers", hoa, body.toString());
            assertThat(filed.status()).as(filed.text()).isEqualTo(201);
            ids.add(filed.json().get("dossierId").asText());
        }
        return ids;
    }

    /** Two attempts in three refused with 503, every answer after ANSWER_MS: deliveries stay in flight long enough to be cut. */
    static void failingOften(WireMockServer systems) {
        String[][] cycle = {{"Started", "one"}, {"one", "two"}, {"two", "Started"}};
        for (int i = 0; i < cycle.length; i++) {
            var response = i < 2 ? aResponse().withStatus(503).withHeader("Content-Type", "application/json").withBody("{}")
                    : aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                            .withBodyFile("handling/received.json").withTransformers("response-template");
            systems.stubFor(post(urlPathEqualTo("/handling/v1/hoso")).atPriority(1).inScenario("often")
                    .whenScenarioStateIs(cycle[i][0]).willSetStateTo(cycle[i][1])
                    .willReturn(response.withFixedDelay((int) ANSWER_MS)));
        }
    }

    @Test
    void killedNodesLoseNothingAndNoDossierIsEverSentByTwoNodesAtOnce() throws Exception {
        try (Cluster cluster = new Cluster(root)) {
            failingOften(cluster.systems());
            LaunchedGateway a = cluster.start("a", TUNING);
            LaunchedGateway b = cluster.start("b", TUNING);
            Cluster.awaitServing(a, b);

            List<String> ids = new ArrayList<>(file(cluster, a, PER_BATCH));
            a.close();   // SIGKILL, deliveries in flight
            LaunchedGateway a2 = cluster.start("a", TUNING);
            Cluster.awaitServing(a2);
            ids.addAll(file(cluster, b, PER_BATCH));
            long pending = cluster.count(Cluster.URL, "SELECT COUNT(*) FROM dossier WHERE status = 'RECEIVED'");
            assertThat(pending).as("deliveries still in flight when a is killed again").isPositive();
            a2.close();   // SIGKILL again, deliveries in flight
            LaunchedGateway a3 = cluster.start("a", TUNING);
            Cluster.awaitServing(a3);

            long delivered = 0;
            Instant until = Instant.now().plus(Duration.ofMinutes(3));
            while (Instant.now().isBefore(until)) {
                delivered = cluster.count(Cluster.URL, "SELECT COUNT(*) FROM dossier WHERE status = 'DELIVERED'");
                if (delivered == ids.size()) {
                    break;
                }
                Thread.sleep(500);
            }
            assertThat(delivered).as("dossiers DELIVERED").isEqualTo(ids.size());
            assertThat(cluster.count(Cluster.URL, "SELECT COUNT(*) FROM dossier")).isEqualTo(ids.size());
            // not vacuous: deliveries the killed nodes had picked were taken over by a live node
            assertThat(b.output() + a2.output() + a3.output()).as("a dead node's delivery was revived").contains("Reviving dead execution");

            Map<String, List<ServeEvent>> byKey = new HashMap<>();
            for (ServeEvent e : cluster.systems().getAllServeEvents()) {
                if (e.getRequest().getUrl().startsWith("/handling/v1/hoso")) {
                    byKey.computeIfAbsent(e.getRequest().getHeader("Idempotency-Key"), k -> new ArrayList<>()).add(e);
                }
            }
            Set<String> received = new HashSet<>();
            byKey.forEach((key, events) -> {
                if (events.stream().anyMatch(e -> e.getResponse().getStatus() / 100 == 2)) {
                    received.add(key);
                }
            });
            assertThat(received).as("the keys the handling system received").containsExactlyInAnyOrderElementsOf(ids);
            assertThat(byKey.keySet()).as("no attempt for anything else").containsExactlyInAnyOrderElementsOf(ids);
            byKey.forEach((key, events) -> {
                events.sort(Comparator.comparing(e -> e.getRequest().getLoggedDate()));
                for (int i = 1; i < events.size(); i++) {
                    long gap = events.get(i).getRequest().getLoggedDate().getTime() - events.get(i - 1).getRequest().getLoggedDate().getTime();
                    assertThat(gap).as("attempts %d and %d of %s overlap", i, i + 1, key).isGreaterThanOrEqualTo(ANSWER_MS);
                }
            });
        }
    }
}
