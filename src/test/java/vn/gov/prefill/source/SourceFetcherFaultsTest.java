package vn.gov.prefill.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.camel.Processor;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jsonvalidator.JsonValidationException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.sun.net.httpserver.HttpServer;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import vn.gov.prefill.config.GatewayProperties;

/**
 * Which failed reads count against the registry's circuit breaker and which are the gateway's own:
 * each exception thrown from the population route (as camel-http, a schema check, an answer handler
 * or a bug would), through the real fetcher, breaker and Camel.
 */
class SourceFetcherFaultsTest {

    static final String SOURCE = "population";
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SCHEMA = "schemas/sources/" + SOURCE + ".schema.json";

    final RecordSchemas schemas = new RecordSchemas(JSON);

    DefaultCamelContext camel;
    SourceFetcher fetcher;
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    HttpServer server;

    /** What the population route does with each exchange. */
    volatile Processor behaviour = e -> { };

    /** @param registryUri when set, the route calls it after {@link #behaviour} (and finds a record) */
    void start(int threads, int queue, String registryUri) throws Exception {
        GatewayProperties properties = new GatewayProperties();
        SourceCatalog catalog = new SourceCatalog(properties, JSON);
        for (String name : catalog.names()) {
            GatewayProperties.Source source = new GatewayProperties.Source();
            source.setBaseUrl("http://127.0.0.1:9");
            source.setThreads(threads);
            source.setQueue(queue);
            source.setTimeout(Duration.ofSeconds(10));
            source.getCircuitBreaker().setMinimumNumberOfCalls(5);
            source.getCircuitBreaker().setSlidingWindowSize(10);
            source.getCircuitBreaker().setFailureRateThreshold(50);
            properties.getSources().put(name, source);
        }
        camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                var route = from("direct:source-" + SOURCE).process(e -> behaviour.process(e));
                if (registryUri != null) {
                    route.to(registryUri).process(e -> AnswerSupport.found(e, record("001090000001")));
                }
                route.filter(exchangeProperty(AnswerSupport.OUTCOME).isEqualTo("OK"))
                        .bean(schemas, "check(*, '" + SCHEMA + "')");
            }
        });
        camel.start();
        NdxpTokens tokens = new NdxpTokens(new GatewayProperties.Ndxp(), JSON, Clock.systemUTC());
        fetcher = new SourceFetcher(catalog, properties, camel, camel.createProducerTemplate(), tokens, JSON, meters);
    }

    @AfterEach
    void stop() {
        if (fetcher != null) {
            fetcher.destroy();
        }
        if (camel != null) {
            camel.stop();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    SourceOutcome read(long deadlineMs) throws Exception {
        return readLater(deadlineMs).get(20, TimeUnit.SECONDS);
    }

    CompletableFuture<SourceOutcome> readLater(long deadlineMs) {
        return fetcher.read(SOURCE, "001090000001", "req-1", "test", System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(deadlineMs));
    }

    CircuitBreaker.Metrics breaker() {
        return fetcher.breaker(SOURCE).getMetrics();
    }

    double ownFaults(String kind) {
        return meters.get("gateway.source.own.faults").tags("source", SOURCE, "kind", kind).counter().count();
    }

    double allOwnFaults() {
        return meters.get("gateway.source.own.faults").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    static JsonNode record(String id) {
        return JSON.createObjectNode().put("SoDinhDanh", id);
    }

    static Processor throwing(Supplier<? extends Exception> e) {
        return exchange -> {
            throw e.get();
        };
    }

    static Exception jacksonOf(JacksonCall call) {
        try {
            call.call();
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("expected Jackson to fail");
    }

    interface JacksonCall {
        void call() throws Exception;
    }

    /** name, what the route throws, the status, and the kind of own fault (null: the registry's, counted by its breaker). */
    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("a registry's 5xx", (Supplier<Exception>) () -> new RegistryException.Unavailable("HTTP 503"),
                        ReadStatus.UNAVAILABLE, null),
                Arguments.of("a registry's garbage", (Supplier<Exception>) () -> new RegistryException.InvalidAnswer("not XML"),
                        ReadStatus.INVALID_RESPONSE, null),
                Arguments.of("a registry wrapped by Camel", (Supplier<Exception>) () ->
                        new RuntimeCamelException(new RegistryException.Unavailable("HTTP 502")), ReadStatus.UNAVAILABLE, null),
                Arguments.of("a read timeout", (Supplier<Exception>) () -> new SocketTimeoutException("Read timed out"),
                        ReadStatus.TIMEOUT, null),
                Arguments.of("HttpClient's connect timeout", (Supplier<Exception>) () -> new ConnectTimeoutException("Connect timed out"),
                        ReadStatus.TIMEOUT, null),
                Arguments.of("connection refused", (Supplier<Exception>) () -> new ConnectException("Connection refused"),
                        ReadStatus.UNAVAILABLE, null),
                Arguments.of("HttpClient's connection refused", (Supplier<Exception>) () ->
                        new HttpHostConnectException("Connect to http://127.0.0.1:9 failed: Connection refused"), ReadStatus.UNAVAILABLE, null),
                Arguments.of("connection reset", (Supplier<Exception>) () -> new SocketException("Connection reset"),
                        ReadStatus.UNAVAILABLE, null),
                Arguments.of("no response", (Supplier<Exception>) () -> new NoHttpResponseException("127.0.0.1:9 failed to respond"),
                        ReadStatus.UNAVAILABLE, null),
                Arguments.of("unparsed bytes that are not JSON", (Supplier<Exception>) () ->
                        jacksonOf(() -> JSON.readTree("<html>maintenance</html>")), ReadStatus.INVALID_RESPONSE, null),
                Arguments.of("camel-http's pool without a free connection", (Supplier<Exception>) () ->
                        new ConnectionRequestTimeoutException("Timeout deadline: 500 MILLISECONDS, actual: 501 MILLISECONDS"),
                        ReadStatus.UNAVAILABLE, "connection-pool"),
                Arguments.of("a NullPointerException in a handler", (Supplier<Exception>) NullPointerException::new,
                        ReadStatus.UNAVAILABLE, "answer-handler"),
                Arguments.of("an IllegalStateException in a handler", (Supplier<Exception>) () -> new IllegalStateException("bug"),
                        ReadStatus.UNAVAILABLE, "answer-handler"),
                Arguments.of("a ClassCastException in a handler", (Supplier<Exception>) ClassCastException::new,
                        ReadStatus.UNAVAILABLE, "answer-handler"),
                Arguments.of("a bug wrapped by Camel", (Supplier<Exception>) () -> new RuntimeCamelException(new NullPointerException()),
                        ReadStatus.UNAVAILABLE, "answer-handler"),
                Arguments.of("Jackson writing our own tree", (Supplier<Exception>) () ->
                        jacksonOf(() -> JSON.writeValueAsString(new Object())), ReadStatus.UNAVAILABLE, "answer-handler"),
                Arguments.of("a rejected task", (Supplier<Exception>) () -> new RejectedExecutionException("pool shut down"),
                        ReadStatus.UNAVAILABLE, "rejected-task"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void eachFailureHasItsStatusAndOnlyTheRegistrysCountAgainstItsBreaker(String name, Supplier<Exception> thrown,
                                                                            ReadStatus status, String ownKind) throws Exception {
        start(2, 2, null);
        behaviour = throwing(thrown);

        SourceOutcome outcome = read(5000);

        assertThat(outcome.status()).isEqualTo(status);
        assertThat(breaker().getNumberOfSuccessfulCalls()).isZero();
        if (ownKind == null) {
            assertThat(breaker().getNumberOfFailedCalls()).isEqualTo(1);
            assertThat(allOwnFaults()).isZero();
        } else {
            assertThat(breaker().getNumberOfFailedCalls()).isZero();
            assertThat(ownFaults(ownKind)).isEqualTo(1);
            assertThat(allOwnFaults()).isEqualTo(1);
        }
    }

    @Test
    void aRecordBreakingTheSchemaIsTheRegistrysInvalidResponse() throws Exception {
        start(2, 2, null);
        behaviour = e -> AnswerSupport.found(e, record("not twelve digits"));

        assertThat(read(5000).status()).isEqualTo(ReadStatus.INVALID_RESPONSE);
        assertThat(breaker().getNumberOfFailedCalls()).isEqualTo(1);
        assertThat(allOwnFaults()).isZero();
    }

    @Test
    void camelsJsonValidatorRejectingTheRecordIsTheRegistrysInvalidResponse() throws Exception {
        start(2, 2, null);
        behaviour = e -> {
            JsonSchema schema = schemas.schema(SCHEMA);
            throw new JsonValidationException(e, schema, schema.validate(record("not twelve digits")));
        };

        assertThat(read(5000).status()).isEqualTo(ReadStatus.INVALID_RESPONSE);
        assertThat(breaker().getNumberOfFailedCalls()).isEqualTo(1);
        assertThat(allOwnFaults()).isZero();
    }

    @Test
    void aRefusalNeitherFailsNorSucceedsAndIsNotOurs() throws Exception {
        start(2, 2, null);
        behaviour = throwing(() -> new RegistryException.Rejected("HTTP 403"));

        assertThat(read(5000).status()).isEqualTo(ReadStatus.REJECTED);
        assertThat(breaker().getNumberOfBufferedCalls()).isZero();
        assertThat(allOwnFaults()).isZero();
    }

    @Test
    void aRouteThatSetsNoOutcomeIsAnAnswerHandlerBug() throws Exception {
        start(2, 2, null);
        behaviour = e -> e.getMessage().setBody("{}");

        assertThat(read(5000).status()).isEqualTo(ReadStatus.UNAVAILABLE);
        assertThat(breaker().getNumberOfFailedCalls()).isZero();
        assertThat(ownFaults("answer-handler")).isEqualTo(1);
    }

    @Test
    void aRecordIsASuccess() throws Exception {
        start(2, 2, null);
        behaviour = e -> AnswerSupport.found(e, record("001090000001"));

        SourceOutcome outcome = read(5000);

        assertThat(outcome.status()).isEqualTo(ReadStatus.OK);
        assertThat(outcome.record().path("SoDinhDanh").asText()).isEqualTo("001090000001");
        assertThat(breaker().getNumberOfSuccessfulCalls()).isEqualTo(1);
        assertThat(allOwnFaults()).isZero();
    }

    @Test
    void aBugInAnAnswerHandlerNeverOpensTheBreakerButRegistryTimeoutsDo() throws Exception {
        start(2, 2, null);
        behaviour = throwing(NullPointerException::new);
        for (int i = 0; i < 12; i++) {
            assertThat(read(5000).status()).isEqualTo(ReadStatus.UNAVAILABLE);
        }
        assertThat(fetcher.breaker(SOURCE).getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker().getNumberOfFailedCalls()).isZero();
        assertThat(ownFaults("answer-handler")).isEqualTo(12);

        behaviour = throwing(() -> new SocketTimeoutException("Read timed out"));
        for (int i = 0; i < 12; i++) {
            read(5000);
        }
        assertThat(fetcher.breaker(SOURCE).getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(read(5000).reason()).isEqualTo("circuit breaker open");
    }

    @Test
    void aFullBulkheadIsOursAndNotCounted() throws Exception {
        start(1, 1, null);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        behaviour = e -> {
            entered.countDown();
            release.await(10, TimeUnit.SECONDS);
            AnswerSupport.found(e, record("001090000001"));
        };
        CompletableFuture<SourceOutcome> running = readLater(8000);
        assertThat(entered.await(5, TimeUnit.SECONDS)).as("the first read holds the only thread").isTrue();
        CompletableFuture<SourceOutcome> queued = readLater(8000);

        SourceOutcome refused = read(8000);

        assertThat(refused.status()).isEqualTo(ReadStatus.UNAVAILABLE);
        assertThat(refused.reason()).isEqualTo("bulkhead full");
        assertThat(ownFaults("bulkhead")).isEqualTo(1);
        release.countDown();
        assertThat(running.get(10, TimeUnit.SECONDS).status()).isEqualTo(ReadStatus.OK);
        assertThat(queued.get(10, TimeUnit.SECONDS).status()).isEqualTo(ReadStatus.OK);
        assertThat(breaker().getNumberOfFailedCalls()).isZero();
        assertThat(breaker().getNumberOfSuccessfulCalls()).isEqualTo(2);
    }

    @Test
    void aDeadlineSpentWaitingInTheQueueIsOursAndTheRegistryIsNeverAsked() throws Exception {
        start(1, 1, null);
        AtomicInteger asked = new AtomicInteger();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        behaviour = e -> {
            asked.incrementAndGet();
            entered.countDown();
            release.await(10, TimeUnit.SECONDS);
            AnswerSupport.found(e, record("001090000001"));
        };
        CompletableFuture<SourceOutcome> running = readLater(8000);
        assertThat(entered.await(5, TimeUnit.SECONDS)).as("the first read holds the only thread").isTrue();

        // its deadline passes while the held read keeps it queued: the registry is never asked for it
        SourceOutcome late = read(100);

        assertThat(late.status()).isEqualTo(ReadStatus.TIMEOUT);
        assertThat(ownFaults("deadline")).isEqualTo(1);
        release.countDown();
        assertThat(running.get(10, TimeUnit.SECONDS).status()).isEqualTo(ReadStatus.OK);
        assertThat(asked.get()).isEqualTo(1);
        assertThat(breaker().getNumberOfFailedCalls()).isZero();
        assertThat(breaker().getNumberOfSuccessfulCalls()).isEqualTo(1);
    }

    @Test
    void noTimeLeftIsOursAndNotCounted() throws Exception {
        start(2, 2, null);
        behaviour = e -> AnswerSupport.found(e, record("001090000001"));

        assertThat(read(-1).status()).isEqualTo(ReadStatus.TIMEOUT);
        assertThat(ownFaults("deadline")).isEqualTo(1);
        assertThat(breaker().getNumberOfBufferedCalls()).isZero();
    }

    @Test
    void camelHttpsFullConnectionPoolIsOursWhileTheSlowReadThatHoldsItIsFine() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        CountDownLatch answer = new CountDownLatch(1);
        AtomicInteger requests = new AtomicInteger();
        server.createContext("/slow", exchange -> {
            requests.incrementAndGet();
            try {
                answer.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        // one connection in camel-http's pool, leased for at most 200 ms
        start(2, 2, "http://127.0.0.1:" + server.getAddress().getPort() + "/slow?connectionsPerRoute=1&maxTotalConnections=1"
                + "&connectionRequestTimeout=200&throwExceptionOnFailure=false");

        CompletableFuture<SourceOutcome> holding = readLater(8000);
        for (int i = 0; requests.get() == 0; i++) {
            assertThat(i).as("the holding read reached the server").isLessThan(1000);
            Thread.sleep(10);
        }
        SourceOutcome starved = read(8000);

        assertThat(starved.status()).isEqualTo(ReadStatus.UNAVAILABLE);
        assertThat(starved.reason()).isEqualTo("ConnectionRequestTimeoutException");
        assertThat(ownFaults("connection-pool")).isEqualTo(1);
        assertThat(breaker().getNumberOfFailedCalls()).isZero();
        answer.countDown();
        assertThat(holding.get(10, TimeUnit.SECONDS).status()).isEqualTo(ReadStatus.OK);
        assertThat(requests.get()).isEqualTo(1);
    }
}
