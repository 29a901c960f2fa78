package vn.gov.prefill.it;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import vn.gov.prefill.source.SourceFetcher;

/**
 * Circuit breakers, bulkheads and the absence of leaks, in a context of its own with small pools and
 * a quick breaker, so that opening it here disturbs no other test.
 */
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:resilience;MODE=PostgreSQL;DB_CLOSE_DELAY=-1",
        "gateway.sources.population.threads=4",
        "gateway.sources.population.queue=2",
        "gateway.sources.population.circuit-breaker.sliding-window-size=10",
        "gateway.sources.population.circuit-breaker.minimum-number-of-calls=5",
        "gateway.sources.population.circuit-breaker.wait-in-open-state=60s"})
class ResilienceIT extends GatewayTestSupport {

    @Autowired
    SourceFetcher fetcher;

    @Autowired
    CamelContext camel;

    @AfterEach
    void closeBreakers() throws InterruptedException {
        fetcher.breaker("population").reset();
        fetcher.breaker("business").reset();
        // a test's slow reads still hold population's pool after its answers (until the mock's 6 s pass): the next test,
        // whichever JUnit runs next, starts with the pool free, or its reads would be refused "bulkhead full"
        for (int i = 0; i < 300 && (fetcher.load("population")[0] > 0 || fetcher.load("population")[1] > 0); i++) {
            Thread.sleep(100);
        }
        assertThat(fetcher.load("population")).as("population's reads running and queued").containsExactly(0, 0);
    }

    int populationCalls() {
        return mocks.findAll(postRequestedFor(urlEqualTo("/population/v1/soap"))).size();
    }

    List<Answer> concurrently(int n, int threads, java.util.function.IntFunction<Answer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Answer>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            futures.add(pool.submit(() -> call.apply(k)));
        }
        List<Answer> out = new ArrayList<>();
        for (Future<Answer> f : futures) {
            out.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return out;
    }

    @Test
    void anOpenBreakerAnswersUnavailableWithoutCallingTheRegistry() {
        String fault = token("population-fault");
        for (int i = 0; i < 5; i++) {
            prefill("criminal-record-request", fault, null);
        }
        CircuitBreaker breaker = fetcher.breaker("population");
        assertThat(breaker.getState()).as(breaker.getMetrics().getNumberOfFailedCalls() + " failed of "
                + breaker.getMetrics().getNumberOfBufferedCalls() + ", minimum " + breaker.getCircuitBreakerConfig().getMinimumNumberOfCalls()
                + ", window " + breaker.getCircuitBreakerConfig().getSlidingWindowSize()).isEqualTo(CircuitBreaker.State.OPEN);
        int calls = populationCalls();

        Answer a = prefill("criminal-record-request", token("hoa"), null);

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().at("/sources/population/status").asText()).isEqualTo("UNAVAILABLE");
        // no time spent on the registry, and the registry not asked: the breaker answered
        assertThat(a.body().at("/sources/population/latencyMs").asLong()).isZero();
        assertThat(populationCalls()).isEqualTo(calls);
        // other registries keep their own breaker
        assertThat(fetcher.breaker("business").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(call("GET", "/actuator/health", operatorToken(), null, null).body().at("/components/registries/status").asText())
                .isEqualTo("DEGRADED");
        assertThat(call("GET", "/actuator/health/readiness", null, null, null).status()).isEqualTo(200);
    }

    @Test
    void aSaturatedPoolRejectsTheRestAndASlowRegistryDoesNotTakeTheOthersPools() throws Exception {
        String slow = token("slow-population");
        String org = token("song-hong-org");
        ExecutorService background = Executors.newFixedThreadPool(12);
        List<Future<Answer>> slowOnes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            slowOnes.add(background.submit(() -> prefill("criminal-record-request", slow, null)));
        }
        Thread.sleep(300);

        // while population is saturated by a hanging registry, business has its own pool: read, not refused "bulkhead full"
        Answer enterprise = prefill("enterprise-change-notice", org, actingForEnterprise("0101987657"));
        assertThat(enterprise.body().at("/sources/business/status").asText()).isEqualTo("OK");
        assertThat(enterprise.body().at("/data/enterprise/name").asText()).isEqualTo("CÔNG TY TNHH PHẦN MỀM SÔNG HỒNG");

        List<String> statuses = new ArrayList<>();
        for (Future<Answer> f : slowOnes) {
            Answer a = f.get(30, TimeUnit.SECONDS);
            assertThat(a.status()).isEqualTo(200);
            statuses.add(a.body().at("/sources/population/status").asText());
        }
        background.shutdown();
        // 4 threads and a queue of 2: the rest were refused at once, not queued on the request thread
        assertThat(statuses).contains("TIMEOUT").contains("UNAVAILABLE");
    }

    @Test
    void aFaultStormLeavesNoStuckExchangeNoExtraThreadNoOpenConnection() throws Exception {
        List<String> tokens = List.of(token("slow-population"), token("population-fault"), token("hoa"),
                token(Map.of("citizenId", "001091000002")), token(Map.of("citizenId", "001091000003")));
        // a first storm lets every pool reach its size; the second must not grow anything
        storm(tokens, 500);
        settle();
        long poolsBefore = gatewayThreads(false);
        long tomcatBefore = gatewayThreads(true);

        List<Answer> answers = storm(tokens, 2000);
        settle();

        answers.forEach(a -> assertThat(a.status()).isEqualTo(200));
        assertThat(camel.getInflightRepository().size()).as("exchanges in flight").isZero();
        List<PoolingHttpClientConnectionManager> pools = camel.getEndpoints().stream()
                .filter(e -> e instanceof HttpEndpoint).map(e -> ((HttpEndpoint) e).getClientConnectionManager())
                .filter(m -> m instanceof PoolingHttpClientConnectionManager).map(m -> (PoolingHttpClientConnectionManager) m)
                .distinct().toList();
        assertThat(pools).as("camel-http connection pools").isNotEmpty();
        for (PoolingHttpClientConnectionManager connections : pools) {
            assertThat(connections.getTotalStats().getLeased()).as("leased connections").isZero();
            assertThat(connections.getTotalStats().getPending()).as("requests waiting for a connection").isZero();
        }
        assertThat(gatewayThreads(false)).as("live threads of the registry pools and Camel after the storm")
                .isLessThanOrEqualTo(poolsBefore);
        // Tomcat's workers are a bounded pool of their own that may add a spare thread under the same load
        assertThat(gatewayThreads(true)).as("Tomcat workers after the storm").isLessThanOrEqualTo(tomcatBefore + 8);
    }

    /** The gateway's own threads (not WireMock's nor the test's): registry pools, their timer and Camel's; or Tomcat's workers. */
    static long gatewayThreads(boolean tomcat) {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> tomcat ? n.startsWith("http-nio") : n.startsWith("source-") || n.startsWith("Camel")).count();
    }

    List<Answer> storm(List<String> tokens, int prefills) throws Exception {
        return concurrently(prefills, 32, i -> {
            fetcher.breaker("population").reset();
            return prefill("criminal-record-request", tokens.get(i % tokens.size()), null);
        });
    }

    void settle() throws InterruptedException {
        for (int i = 0; i < 100 && camel.getInflightRepository().size() > 0; i++) {
            Thread.sleep(100);
        }
        Thread.sleep(2500);
    }
}
