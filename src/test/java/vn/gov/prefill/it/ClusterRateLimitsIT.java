package vn.gov.prefill.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gateway.rate-limits.store=database}: the per-person limit holds for the cluster. Two launched
 * nodes on one PostgreSQL at 30 a minute; 40 prefills of one person alternating between them.
 */
class ClusterRateLimitsIT {

    @TempDir
    Path root;

    @BeforeAll
    static void requirePostgres() {
        Cluster.requirePostgres();
    }

    @Test
    void fortyPrefillsAlternatingBetweenTwoNodesGetThirtyAnswersAndTheRest429() {
        try (Cluster cluster = new Cluster(root)) {
            LaunchedGateway a = cluster.start("a", "--gateway.rate-limits.per-person=30");
            LaunchedGateway b = cluster.start("b", "--gateway.rate-limits.per-person=30");
            Cluster.awaitServing(a, b);
            String hoa = cluster.citizen(Cluster.HOA);

            long started = System.nanoTime();
            int ok = 0;
            int limited = 0;
            for (int i = 0; i < 40; i++) {
                Cluster.Reply reply = Cluster.prefill((i % 2 == 0 ? a : b).port(), hoa);
                if (reply.status() == 200) {
                    ok++;
                } else {
                    assertThat(reply.status()).as(reply.text()).isEqualTo(429);
                    assertThat(reply.json().get("type").asText()).endsWith("/rate-limited");
                    assertThat(Long.parseLong(reply.response().headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
                    limited++;
                }
            }
            // the bucket refills by one every two seconds: a slow run earns that many more, and no other
            long refilled = (System.nanoTime() - started) / 2_000_000_000L;
            assertThat(ok).as("answered 200 (%d refilled during the run)", refilled).isBetween(30, 30 + (int) refilled);
            assertThat(limited).isEqualTo(40 - ok);
            // the table holds hashes, never a personal number
            assertThat(cluster.count(Cluster.URL, "SELECT count(*) FROM rate_limit_buckets WHERE id LIKE '%" + Cluster.HOA + "%'"))
                    .isZero();
            assertThat(cluster.count(Cluster.URL, "SELECT count(*) FROM rate_limit_buckets")).isPositive();
        }
    }
}
