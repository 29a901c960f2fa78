package vn.gov.prefill.it;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A benchmark, not a test: it asserts nothing and runs only with {@code -Dbench=true}. It measures,
 * over HTTP against the embedded mocks, the latency of whole prefills and the gateway's own share of
 * it (the answer's time minus its slowest registry read, per wave). Run:
 * {@code mvn verify -Dit.test=PrefillBenchmarkIT -Dbench=true -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false}
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class PrefillBenchmarkIT extends GatewayTestSupport {

    static final int WARM_UP = 300;
    static final int PREFILLS = Integer.getInteger("bench.prefills", 2000);
    static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 16);

    record Sample(long totalMicros, long registryMicros) { }

    @Test
    void prefillLatencyAndTheGatewaysOwnCost() throws Exception {
        String hoa = token("hoa");
        String binh = token("binh");
        run(hoa, binh, WARM_UP);
        long start = System.nanoTime();
        List<Sample> samples = run(hoa, binh, PREFILLS);
        double seconds = (System.nanoTime() - start) / 1e9;

        List<Long> total = samples.stream().map(Sample::totalMicros).sorted().toList();
        List<Long> own = new ArrayList<>(samples.stream().map(s -> Math.max(0, s.totalMicros() - s.registryMicros())).toList());
        Collections.sort(own);
        System.out.printf("%n=== prefill benchmark: %d prefills (criminal-record-request, 4 population reads in 2 waves; "
                + "enterprise-change-notice, business then population), concurrency %d, %d cores%n",
                PREFILLS, CONCURRENCY, Runtime.getRuntime().availableProcessors());
        System.out.printf("throughput %.0f prefills/s%n", PREFILLS / seconds);
        System.out.printf("latency    p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms%n",
                pct(total, 50), pct(total, 95), pct(total, 99), total.get(total.size() - 1) / 1000.0);
        System.out.printf("own cost   p50 %.1f ms  p95 %.1f ms  p99 %.1f ms (answer time minus the registry reads it waited for)%n%n",
                pct(own, 50), pct(own, 95), pct(own, 99));
    }

    List<Sample> run(String hoa, String binh, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        List<Future<Sample>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean enterprise = i % 4 == 3;
            futures.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                Answer a = enterprise ? prefill("enterprise-change-notice", binh, actingForEnterprise("0100233488"))
                        : prefill("criminal-record-request", hoa, null);
                long micros = (System.nanoTime() - t0) / 1000;
                return new Sample(micros, registryMicros(a.body(), enterprise));
            }));
        }
        List<Sample> out = new ArrayList<>();
        for (Future<Sample> f : futures) {
            out.add(f.get());
        }
        pool.shutdown();
        return out;
    }

    /** The registry time the prefill had to wait for: the slowest read of each wave, added up. */
    static long registryMicros(JsonNode body, boolean enterprise) {
        long self = 0;
        long second = 0;
        for (JsonNode r : body.at("/sources/population/reads")) {
            if (r.get("subject").asText().equals("self")) {
                self = r.get("latencyMs").asLong();
            } else {
                second = Math.max(second, r.get("latencyMs").asLong());
            }
        }
        if (enterprise) {
            self = body.at("/sources/business/latencyMs").asLong();
            second = body.at("/sources/population/latencyMs").asLong();
        }
        return (self + second) * 1000;
    }

    static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1000.0;
    }
}
