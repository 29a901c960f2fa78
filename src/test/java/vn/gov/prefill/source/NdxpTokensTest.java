package vn.gov.prefill.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import vn.gov.prefill.config.GatewayProperties;

/** The NDXP token: cached, fetched once however many callers wait (also when the fetch fails), replaced once after a 401. */
class NdxpTokensTest {

    HttpServer server;
    final AtomicInteger fetches = new AtomicInteger();
    final AtomicReference<String> authorization = new AtomicReference<>();
    volatile int status = 200;
    volatile String body;
    volatile long delayMs = 0;

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        volatile Instant now = Instant.parse("2026-11-22T00:00:00Z");
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    final ManualClock clock = new ManualClock();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/token", exchange -> {
            int n = fetches.incrementAndGet();
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] answer = (body != null ? body : "{\"access_token\":\"token-" + n + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    NdxpTokens tokens() {
        GatewayProperties.Ndxp config = new GatewayProperties.Ndxp();
        config.setTokenUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
        config.setClientId("prefill-gateway");
        config.setClientSecret("s3cret");
        config.setRefreshBeforeExpiry(Duration.ofSeconds(60));
        return new NdxpTokens(config, new ObjectMapper(), clock);
    }

    /** The distinct tokens (or failures, by class name) of callers released together. */
    Set<String> concurrently(int callers, java.util.concurrent.Callable<String> call) throws Exception {
        return new java.util.LinkedHashSet<>(outcomes(callers, call));
    }

    @Test
    void fiftyCallersOnAColdCacheCauseOneFetchWithBasicAuth() throws Exception {
        delayMs = 200;
        NdxpTokens tokens = tokens();

        Set<String> seen = concurrently(50, tokens::accessToken);

        assertThat(fetches.get()).isEqualTo(1);
        assertThat(seen).containsExactly("token-1");
        assertThat(authorization.get()).isEqualTo("Basic cHJlZmlsbC1nYXRld2F5OnMzY3JldA==");
    }

    @Test
    void theTokenIsCachedUntilShortlyBeforeItExpires() throws Exception {
        NdxpTokens tokens = tokens();
        assertThat(tokens.accessToken()).isEqualTo("token-1");

        clock.now = clock.now.plusSeconds(3600 - 61);
        assertThat(tokens.accessToken()).isEqualTo("token-1");
        clock.now = clock.now.plusSeconds(2);
        assertThat(tokens.accessToken()).isEqualTo("token-2");
        assertThat(fetches.get()).isEqualTo(2);
    }

    @Test
    void fiftyRequestsRejectedWithTheSameTokenCauseExactlyOneRefresh() throws Exception {
        NdxpTokens tokens = tokens();
        String stale = tokens.accessToken();
        delayMs = 100;

        Set<String> seen = concurrently(50, () -> tokens.refreshAfterRejection(stale));

        assertThat(fetches.get()).isEqualTo(2);
        assertThat(seen).containsExactly("token-2");
    }

    @Test
    void refusedCredentialsAreRejectedAndABrokenEndpointIsUnavailable() {
        status = 401;
        body = "{\"error\":\"invalid_client\"}";
        assertThatThrownBy(() -> tokens().accessToken()).isInstanceOf(RegistryException.Rejected.class);
        status = 503;
        body = "<html>down</html>";
        assertThatThrownBy(() -> tokens().accessToken()).isInstanceOf(RegistryException.Unavailable.class);
    }

    @Test
    void anAnswerWithoutATokenIsInvalid() {
        body = "{\"token_type\":\"Bearer\"}";
        assertThatThrownBy(() -> tokens().accessToken()).isInstanceOf(RegistryException.InvalidAnswer.class);
        body = "not json";
        assertThatThrownBy(() -> tokens().accessToken()).isInstanceOf(RegistryException.InvalidAnswer.class);
    }

    @Test
    void anUnreachableEndpointIsUnavailable() {
        NdxpTokens tokens = tokens();
        server.stop(0);
        assertThatThrownBy(tokens::accessToken).isInstanceOf(RegistryException.Unavailable.class);
    }

    /** Each caller's failure, by class name, or its token. */
    List<String> outcomes(int callers, java.util.concurrent.Callable<String> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            results.add(pool.submit(() -> {
                go.await();
                try {
                    return call.call();
                } catch (RegistryException e) {
                    return e.getClass().getSimpleName();
                }
            }));
        }
        go.countDown();
        List<String> seen = new ArrayList<>();
        for (Future<String> f : results) {
            seen.add(f.get());
        }
        pool.shutdown();
        return seen;
    }

    @Test
    void aFailedFetchIsRememberedSoThatTheWaitingCallersDoNotEachFetchAgain() throws Exception {
        status = 503;
        body = "<html>down</html>";
        delayMs = 200;
        NdxpTokens tokens = tokens();

        assertThat(outcomes(30, tokens::accessToken)).hasSize(30).containsOnly("Unavailable");
        assertThat(fetches.get()).isEqualTo(1);

        // within the memo: no fetch, whoever asks, a refresh after a 401 included
        clock.now = clock.now.plusMillis(900);
        assertThatThrownBy(tokens::accessToken).isInstanceOf(RegistryException.Unavailable.class);
        assertThatThrownBy(() -> tokens.refreshAfterRejection("stale")).isInstanceOf(RegistryException.Unavailable.class);
        assertThat(tokens.healthProbe(Duration.ZERO)).isEqualTo("UNAVAILABLE");
        assertThat(fetches.get()).isEqualTo(1);

        // after it: again one fetch for all, which fails again
        clock.now = clock.now.plusMillis(200);
        assertThat(outcomes(30, tokens::accessToken)).containsOnly("Unavailable");
        assertThat(fetches.get()).isEqualTo(2);

        // and once the endpoint is back, the first fetch after the memo succeeds
        status = 200;
        body = null;
        clock.now = clock.now.plusMillis(1100);
        assertThat(outcomes(30, tokens::accessToken)).containsOnly("token-3");
        assertThat(fetches.get()).isEqualTo(3);
    }

    @Test
    void refusedCredentialsAreRememberedTooAndDiscardForgetsTheFailure() throws Exception {
        status = 401;
        body = "{\"error\":\"invalid_client\"}";
        NdxpTokens tokens = tokens();
        assertThat(outcomes(10, tokens::accessToken)).containsOnly("Rejected");
        assertThat(fetches.get()).isEqualTo(1);

        // the operator rotated the credentials
        status = 200;
        body = null;
        tokens.discard();
        assertThat(tokens.accessToken()).isEqualTo("token-2");
    }

    @Test
    void aZeroMemoFetchesAgainAtOnce() throws Exception {
        status = 503;
        body = "down";
        GatewayProperties.Ndxp config = new GatewayProperties.Ndxp();
        config.setTokenUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
        config.setFailureMemo(Duration.ZERO);
        NdxpTokens tokens = new NdxpTokens(config, new ObjectMapper(), clock);

        assertThatThrownBy(tokens::accessToken).isInstanceOf(RegistryException.Unavailable.class);
        assertThatThrownBy(tokens::accessToken).isInstanceOf(RegistryException.Unavailable.class);
        assertThat(fetches.get()).isEqualTo(2);
    }
}
