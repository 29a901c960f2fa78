package vn.gov.prefill.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.gov.prefill.deploy.SystemdUnit;

/**
 * Two launched gateways on one PostgreSQL behind nginx with deploy/nginx/prefill-gateway.conf, all on
 * loopback: a prefill on one node submitted on the other, the per-person limit for the cluster, and
 * a storm on both during which one node is killed. Afterwards every prefill answered 200 is in the
 * one chain, which is valid through every node's checkpoints. Node b is started from
 * deploy/systemd/prefill-gateway.service ({@link Cluster#startFromUnit}) and, last, stopped as systemd
 * stops it: SIGTERM, a graceful shutdown, an exit status the unit counts as success. Bounded: 40 + 4 × 20 requests.
 */
class ClusterBehindNginxIT {

    static final String[] STORM = {"027060000111", "027162000222", "020048000777", "020075000101"};

    @TempDir
    Path root;

    @BeforeAll
    static void requirePostgresAndNginx() {
        Cluster.requirePostgres();
        Nginx.binary();
    }

    @Test
    void twoNodesBehindNginxShareTokensLimitsAndOneChainAndOneSurvivesTheOther() throws Exception {
        try (Cluster cluster = new Cluster(root)) {
            String[] common = {"--gateway.rate-limits.per-person=30", "--gateway.audit.checkpoint.records=10",
                    "--gateway.audit.checkpoint.poll=200ms"};
            LaunchedGateway a = cluster.start("node-a", common);
            LaunchedGateway b = cluster.startFromUnit("node-b", common);
            Cluster.awaitServing(a, b);
            try (Nginx nginx = new Nginx(root.resolve("nginx"), List.of(a.port(), b.port()))) {
                // a prefill on one node, its submission on the other: one token secret
                String hoa = cluster.citizen(Cluster.HOA);
                Cluster.Reply prefill = Cluster.send(a.port(), "POST", "/api/v1/forms/criminal-record-request/prefill", hoa, null);
                assertThat(prefill.status()).as(prefill.text()).isEqualTo(200);
                ObjectNode data = (ObjectNode) prefill.json().get("data").deepCopy();
                data.put("purpose", "Xin việc");
                data.put("certificateType", 1);
                ObjectNode submission = Cluster.JSON.createObjectNode();
                submission.set("data", data);
                submission.put("prefillToken", prefill.json().get("prefillToken").asText());
                Cluster.Reply submitted = Cluster.send(b.port(), "POST", "/api/v1/forms/criminal-record-request/submissions",
                        hoa, submission.toString());
                assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
                assertThat(submitted.json().get("valid").asBoolean()).isTrue();
                assertThat(submitted.json().at("/reuse/kept").asInt()).isEqualTo(submitted.json().at("/reuse/prefilled").asInt());

                // the per-person limit holds through the front end, whichever node answers
                String binh = cluster.citizen("027088004321");
                long started = System.nanoTime();
                int ok = 0;
                for (int i = 0; i < 40; i++) {
                    int status = Cluster.prefill(nginx.port, binh).status();
                    assertThat(status).isIn(200, 429);
                    ok += status == 200 ? 1 : 0;
                }
                long refilled = (System.nanoTime() - started) / 2_000_000_000L;
                assertThat(ok).isBetween(30, 30 + (int) refilled);

                // a storm on both through nginx; node a is killed halfway
                Set<String> released = ConcurrentHashMap.newKeySet();
                AtomicInteger afterKill = new AtomicInteger();
                AtomicInteger servedAfterKill = new AtomicInteger();
                CountDownLatch halfway = new CountDownLatch(STORM.length * 10);
                CountDownLatch killed = new CountDownLatch(1);
                ExecutorService storm = Executors.newFixedThreadPool(STORM.length + 1);
                List<Future<?>> workers = new ArrayList<>();
                for (String person : STORM) {
                    String token = cluster.citizen(person);
                    workers.add(storm.submit(() -> {
                        for (int i = 0; i < 20; i++) {
                            boolean dead = killed.getCount() == 0;
                            Cluster.Reply reply = Cluster.prefill(nginx.port, token);
                            if (reply.status() == 200) {
                                released.add(reply.json().get("requestId").asText());
                            }
                            if (dead) {
                                afterKill.incrementAndGet();
                                servedAfterKill.addAndGet(reply.status() == 200 || reply.status() == 429 ? 1 : 0);
                            }
                            halfway.countDown();
                        }
                        return null;
                    }));
                }
                halfway.await();
                a.close();
                killed.countDown();
                for (Future<?> f : workers) {
                    f.get();
                }
                storm.shutdown();

                assertThat(afterKill.get()).isPositive();
                assertThat(servedAfterKill.get()).as("answered by node b once node a was gone").isEqualTo(afterKill.get());
                assertThat(released).hasSizeGreaterThan(STORM.length * 10);
                // nothing released unrecorded: every prefill answered 200 is in the log
                for (String requestId : released) {
                    assertThat(cluster.count(Cluster.URL, "SELECT count(*) FROM disclosure WHERE request_id = '" + requestId + "'"))
                            .as("records of %s", requestId).isPositive();
                }
                JsonNode chain = cluster.chain(b.managementPort(), true);
                assertThat(chain.get("valid").asBoolean()).as(chain.toString()).isTrue();
                assertThat(chain.get("records").asLong()).isEqualTo(cluster.count(Cluster.URL, "SELECT count(*) FROM disclosure"));
                assertThat(chain.get("verifiedFrom").asLong()).isEqualTo(1);
                assertThat(chain.get("checkpoints").asInt()).isPositive();
                // by default, from the last signed checkpoint: fewer records walked, the same head, still valid
                JsonNode sinceCheckpoint = cluster.chain(b.managementPort(), false);
                assertThat(sinceCheckpoint.get("valid").asBoolean()).as(sinceCheckpoint.toString()).isTrue();
                assertThat(sinceCheckpoint.get("verifiedFrom").asLong()).isGreaterThan(1);
                assertThat(sinceCheckpoint.get("records").asLong())
                        .isEqualTo(sinceCheckpoint.get("headSeq").asLong() - sinceCheckpoint.get("verifiedFrom").asLong() + 1);
                assertThat(cluster.checkpoints.toFile().list()).anyMatch(f -> f.startsWith("node-a-"))
                        .anyMatch(f -> f.startsWith("node-b-"));

                // the node of the unit alone behind nginx, then stopped as systemd stops it
                Cluster.Reply last = Cluster.prefill(nginx.port, cluster.citizen(STORM[0]));
                assertThat(last.status()).as(last.text()).isEqualTo(200);
                b.terminate();
                int status = b.awaitExit(Duration.ofSeconds(60));
                assertThat(status).as("exit status after SIGTERM:\n%s", b.output()).isEqualTo(143)
                        .isIn(SystemdUnit.read(SystemdUnit.GATEWAY).successExitStatuses());
                assertThat(b.output()).contains("Commencing graceful shutdown").contains("Graceful shutdown complete");
            }
        }
    }
}
