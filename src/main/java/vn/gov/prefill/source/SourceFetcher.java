package vn.gov.prefill.source;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import vn.gov.prefill.config.GatewayProperties;
import vn.gov.prefill.config.StartupCheckException;

/**
 * Reads one record from one registry through its Camel route, inside that registry's own circuit
 * breaker, its own bounded pool (a bulkhead: full means UNAVAILABLE at once, never a wait on the
 * request thread) and a timeout capped by the prefill's deadline. Only the registry's failures count
 * against its breaker; the gateway's own ({@link OwnFault}, told apart by {@link ReadFailure}) release
 * the permission instead.
 */
@Component
public class SourceFetcher implements RecordReader, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SourceFetcher.class);

    /** Exchange properties the routes read. */
    public static final String SUBJECT = "subjectId";
    public static final String REQUEST_ID = "requestId";
    public static final String PURPOSE = "purpose";
    public static final String NDXP_TOKEN = "ndxpToken";

    private final SourceCatalog catalog;
    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final NdxpTokens tokens;
    private final ObjectMapper json;
    private final Map<String, Guard> guards = new LinkedHashMap<>();
    private final ScheduledThreadPoolExecutor timer;

    /** Per-registry protection. */
    record Guard(String source, CircuitBreaker breaker, ThreadPoolExecutor pool, long timeoutMs) { }

    private final MeterRegistry meters;
    private final Map<String, OverloadLine> overload = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Endpoint> endpoints = new java.util.concurrent.ConcurrentHashMap<>();

    SourceFetcher(SourceCatalog catalog, GatewayProperties properties, CamelContext camel, ProducerTemplate producer,
                  NdxpTokens tokens, ObjectMapper json, MeterRegistry meters) {
        this.meters = meters;
        this.catalog = catalog;
        this.camel = camel;
        this.producer = producer;
        this.tokens = tokens;
        this.json = json;
        this.timer = new ScheduledThreadPoolExecutor(1, daemon("source-timeout"));
        this.timer.setRemoveOnCancelPolicy(true);
        for (String name : catalog.names()) {
            GatewayProperties.Source config = properties.getSources().get(name);
            if (catalog.get(name).local()) {
                // kept by the gateway: no address, the defaults unless configured
                config = config == null ? new GatewayProperties.Source() : config;
            } else if (config == null || config.getBaseUrl() == null || config.getBaseUrl().isBlank()) {
                throw new StartupCheckException(catalog.get(name).file() + ": source '" + name
                        + "' has no gateway.sources." + name + ".base-url");
            }
            guards.put(name, guard(name, config));
            SourceMeters.bind(meters, guards.get(name).breaker(), guards.get(name).pool(), name);
        }
    }

    private static Guard guard(String name, GatewayProperties.Source config) {
        GatewayProperties.CircuitBreaker cb = config.getCircuitBreaker();
        CircuitBreaker breaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .failureRateThreshold(cb.getFailureRateThreshold())
                .slidingWindowSize(cb.getSlidingWindowSize())
                .minimumNumberOfCalls(cb.getMinimumNumberOfCalls())
                .waitDurationInOpenState(cb.getWaitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(cb.getPermittedCallsInHalfOpenState())
                .build());
        ThreadPoolExecutor pool = new ThreadPoolExecutor(config.getThreads(), config.getThreads(), 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, config.getQueue())), daemon("source-" + name),
                new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        return new Guard(name, breaker, pool, config.getTimeout().toMillis());
    }

    public CircuitBreaker breaker(String source) {
        return guards.get(source).breaker();
    }

    /** Reads of {@code source} running now, and waiting for a thread of its pool. */
    public int[] load(String source) {
        ThreadPoolExecutor pool = guards.get(source).pool();
        return new int[] {pool.getActiveCount(), pool.getQueue().size()};
    }

    /**
     * Starts a read; the future always completes, with a record or a typed failure, no later than the
     * source's timeout or {@code deadlineNanos} (System.nanoTime), whichever comes first.
     */
    @Override
    public CompletableFuture<SourceOutcome> read(String source, String key, String requestId, String purpose, long deadlineNanos) {
        return read(source, catalog.get(source).endpoint(), key, requestId, purpose, deadlineNanos);
    }

    /** As {@link #read(String, String, String, String, long)}, through another route of the same registry (a lookup). */
    public CompletableFuture<SourceOutcome> read(String source, String endpoint, String key, String requestId, String purpose,
                                                 long deadlineNanos) {
        CompletableFuture<SourceOutcome> outcome = start(source, endpoint, key, requestId, purpose, deadlineNanos);
        outcome.thenAccept(o -> SourceMeters.read(meters, o));
        return outcome;
    }

    /** Where a read is: waiting for a thread of its pool, running, or decided (by its answer or its alarm). */
    private static final int QUEUED = 0;
    private static final int RUNNING = 1;
    private static final int DECIDED = 2;

    private CompletableFuture<SourceOutcome> start(String source, String endpoint, String key, String requestId, String purpose,
                                                   long deadlineNanos) {
        Guard guard = guards.get(source);
        long start = System.nanoTime();
        long budgetMs = Math.min(guard.timeoutMs(), TimeUnit.NANOSECONDS.toMillis(deadlineNanos - start));
        if (budgetMs <= 0) {
            return CompletableFuture.completedFuture(ownFault(source, OwnFault.DEADLINE, ReadStatus.TIMEOUT, 0,
                    "no time left before the deadline"));
        }
        if (!guard.breaker().tryAcquirePermission()) {
            return CompletableFuture.completedFuture(SourceOutcome.of(source, ReadStatus.UNAVAILABLE, 0, "circuit breaker open"));
        }
        CompletableFuture<SourceOutcome> result = new CompletableFuture<>();
        AtomicInteger state = new AtomicInteger(QUEUED);
        Future<?> task;
        try {
            task = guard.pool().submit(() -> {
                if (!state.compareAndSet(QUEUED, RUNNING)) {
                    return;
                }
                SourceOutcome outcome;
                ReadFailure failure = null;
                try {
                    outcome = call(guard.source(), endpoint, key, requestId, purpose, start);
                } catch (Throwable e) {
                    failure = ReadFailure.of(e);
                    outcome = SourceOutcome.of(source, failure.status(), elapsedMs(start), failure.reason());
                }
                // the breaker learns the outcome before the caller does
                if (state.compareAndSet(RUNNING, DECIDED)) {
                    settle(guard, outcome, failure, start);
                    result.complete(outcome);
                }
            });
        } catch (RejectedExecutionException e) {
            guard.breaker().releasePermission();
            return CompletableFuture.completedFuture(ownFault(source, OwnFault.BULKHEAD, ReadStatus.UNAVAILABLE, 0, "bulkhead full"));
        }
        ScheduledFuture<?> alarm = timer.schedule(() -> {
            if (state.compareAndSet(QUEUED, DECIDED)) {
                // the registry was never asked: the time went waiting for a thread of its pool
                guard.breaker().releasePermission();
                result.complete(ownFault(source, OwnFault.DEADLINE, ReadStatus.TIMEOUT, elapsedMs(start),
                        "no thread of the pool within " + budgetMs + " ms"));
                task.cancel(false);
            } else if (state.compareAndSet(RUNNING, DECIDED)) {
                SourceOutcome timeout = SourceOutcome.of(source, ReadStatus.TIMEOUT, elapsedMs(start), "no answer within " + budgetMs + " ms");
                settle(guard, timeout, null, start);
                result.complete(timeout);
                task.cancel(true);
            }
        }, budgetMs, TimeUnit.MILLISECONDS);
        result.whenComplete((o, e) -> alarm.cancel(false));
        return result;
    }

    private void settle(Guard guard, SourceOutcome outcome, ReadFailure failure, long start) {
        if (failure != null && failure.isOwn()) {
            guard.breaker().releasePermission();
            ownFault(guard.source(), failure.ownFault(), failure.status(), outcome.latencyMs(), failure.reason());
            return;
        }
        long nanos = System.nanoTime() - start;
        switch (outcome.status()) {
            case OK, NOT_FOUND -> guard.breaker().onSuccess(nanos, TimeUnit.NANOSECONDS);
            // a refusal is a configuration matter; opening the breaker would not mend it
            case REJECTED -> guard.breaker().releasePermission();
            default -> guard.breaker().onError(nanos, TimeUnit.NANOSECONDS, new RegistryFailure(outcome.status()));
        }
        if (failure != null) {
            log.warn("source {} failed: {} ({})", guard.source(), failure.status(), failure.reason());
        }
    }

    /** Logs and counts a failure of the gateway's own; the registry's breaker never hears of it. */
    private SourceOutcome ownFault(String source, OwnFault fault, ReadStatus status, long latencyMs, String reason) {
        if (fault == OwnFault.BULKHEAD || fault == OwnFault.DEADLINE) {
            // load, not a bug: under a flood one line a second per source and kind says it (the metric counts each)
            long suppressed = overload.computeIfAbsent(source + "/" + fault.tag, k -> new OverloadLine()).admit(System.nanoTime());
            if (suppressed >= 0) {
                log.warn("source {}: the gateway's own fault, not the registry's: {} ({}), answered {}{}", source, fault.tag, reason,
                        status, suppressed > 0 ? " (and " + suppressed + " more in the last second)" : "");
            }
        } else {
            log.error("source {}: the gateway's own fault, not the registry's: {} ({}), answered {}", source, fault.tag, reason, status);
        }
        SourceMeters.ownFault(meters, source, fault);
        return SourceOutcome.of(source, status, latencyMs, reason);
    }

    /** The record, or NOT_FOUND; anything else is thrown, and {@link ReadFailure} says what it comes to. */
    private SourceOutcome call(String source, String endpoint, String key, String requestId, String purpose, long start)
            throws Exception {
        Exchange exchange = send(endpoint, key, requestId, purpose);
        if (exchange.getException() instanceof RegistryException.TokenRejected) {
            tokens.refreshAfterRejection(exchange.getProperty(NDXP_TOKEN, String.class));
            exchange = send(endpoint, key, requestId, purpose);
        }
        if (exchange.getException() != null) {
            throw exchange.getException();
        }
        String outcome = exchange.getProperty(AnswerSupport.OUTCOME, String.class);
        if (ReadStatus.NOT_FOUND.name().equals(outcome)) {
            return SourceOutcome.of(source, ReadStatus.NOT_FOUND, elapsedMs(start), null);
        }
        if (!ReadStatus.OK.name().equals(outcome)) {
            throw new IllegalStateException("the route set no outcome");
        }
        // the answer handlers leave the parsed tree; a route that reshaped it may leave text
        Object body = exchange.getMessage().getBody();
        JsonNode record;
        try {
            record = body instanceof JsonNode tree ? tree : json.readTree(exchange.getMessage().getBody(String.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // text a route step wrote after the record was checked: not the registry's bytes
            throw new IllegalStateException("the route's record is not JSON");
        }
        return new SourceOutcome(source, ReadStatus.OK, record, elapsedMs(start), null);
    }

    private Exchange send(String endpoint, String key, String requestId, String purpose) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(SUBJECT, key);
        exchange.setProperty(REQUEST_ID, requestId);
        exchange.setProperty(PURPOSE, purpose);
        return producer.send(resolved(endpoint), exchange);
    }

    /** The route's endpoint, looked up by its URI once rather than on every read. */
    private Endpoint resolved(String uri) {
        Endpoint known = endpoints.get(uri);
        return known != null ? known : endpoints.computeIfAbsent(uri, camel::getEndpoint);
    }

    private static long elapsedMs(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void destroy() {
        guards.values().forEach(g -> g.pool().shutdownNow());
        timer.shutdownNow();
    }

    /** Overload lines of one source and kind: at most one a second, saying how many it stands for. */
    static final class OverloadLine {
        private final AtomicLong lastNanos = new AtomicLong(System.nanoTime() - TimeUnit.SECONDS.toNanos(2));
        private final AtomicLong held = new AtomicLong();

        /** -1: do not log (counted for the next line); otherwise log, with this many held back before it. */
        long admit(long now) {
            long last = lastNanos.get();
            if (now - last >= TimeUnit.SECONDS.toNanos(1) && lastNanos.compareAndSet(last, now)) {
                return held.getAndSet(0);
            }
            held.incrementAndGet();
            return -1;
        }
    }

    /** What the breaker records for a failed read: the status, never the registry's words. */
    static final class RegistryFailure extends Exception {
        RegistryFailure(ReadStatus status) {
            super(status.name(), null, false, false);
        }
    }
}
