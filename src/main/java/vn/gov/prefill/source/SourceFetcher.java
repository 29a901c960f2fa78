package vn.gov.prefill.source;

import java.net.SocketTimeoutException;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
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
 * request thread) and a timeout capped by the prefill's deadline.
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
            if (config == null || config.getBaseUrl() == null || config.getBaseUrl().isBlank()) {
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

    private CompletableFuture<SourceOutcome> start(String source, String endpoint, String key, String requestId, String purpose,
                                                   long deadlineNanos) {
        Guard guard = guards.get(source);
        long start = System.nanoTime();
        long budgetMs = Math.min(guard.timeoutMs(), TimeUnit.NANOSECONDS.toMillis(deadlineNanos - start));
        if (budgetMs <= 0) {
            return CompletableFuture.completedFuture(SourceOutcome.of(source, ReadStatus.TIMEOUT, 0, "no time left before the deadline"));
        }
        if (!guard.breaker().tryAcquirePermission()) {
            return CompletableFuture.completedFuture(SourceOutcome.of(source, ReadStatus.UNAVAILABLE, 0, "circuit breaker open"));
        }
        CompletableFuture<SourceOutcome> result = new CompletableFuture<>();
        AtomicBoolean decided = new AtomicBoolean();
        Future<?> task;
        try {
            task = guard.pool().submit(() -> {
                SourceOutcome outcome = call(guard.source(), endpoint, key, requestId, purpose, start);
                // the breaker learns the outcome before the caller does
                if (decided.compareAndSet(false, true)) {
                    settle(guard, outcome, start);
                    result.complete(outcome);
                }
            });
        } catch (RejectedExecutionException e) {
            guard.breaker().releasePermission();
            return CompletableFuture.completedFuture(SourceOutcome.of(source, ReadStatus.UNAVAILABLE, 0, "bulkhead full"));
        }
        ScheduledFuture<?> alarm = timer.schedule(() -> {
            SourceOutcome timeout = SourceOutcome.of(source, ReadStatus.TIMEOUT, elapsedMs(start), "no answer within " + budgetMs + " ms");
            if (decided.compareAndSet(false, true)) {
                settle(guard, timeout, start);
                result.complete(timeout);
                task.cancel(true);
            }
        }, budgetMs, TimeUnit.MILLISECONDS);
        result.whenComplete((o, e) -> alarm.cancel(false));
        return result;
    }

    private void settle(Guard guard, SourceOutcome outcome, long start) {
        long nanos = System.nanoTime() - start;
        switch (outcome.status()) {
            case OK, NOT_FOUND -> guard.breaker().onSuccess(nanos, TimeUnit.NANOSECONDS);
            // a refusal is a configuration matter; opening the breaker would not mend it
            case REJECTED -> guard.breaker().releasePermission();
            default -> guard.breaker().onError(nanos, TimeUnit.NANOSECONDS, new RegistryFailure(outcome.status()));
        }
    }

    private SourceOutcome call(String source, String endpoint, String key, String requestId, String purpose, long start) {
        try {
            Exchange exchange = send(endpoint, key, requestId, purpose);
            if (exchange.getException() instanceof RegistryException.TokenRejected) {
                tokens.refreshAfterRejection(exchange.getProperty(NDXP_TOKEN, String.class));
                exchange = send(endpoint, key, requestId, purpose);
            }
            if (exchange.getException() != null) {
                return failure(source, exchange.getException(), start);
            }
            String outcome = exchange.getProperty(AnswerSupport.OUTCOME, String.class);
            if (ReadStatus.NOT_FOUND.name().equals(outcome)) {
                return SourceOutcome.of(source, ReadStatus.NOT_FOUND, elapsedMs(start), null);
            }
            if (!ReadStatus.OK.name().equals(outcome)) {
                return SourceOutcome.of(source, ReadStatus.INVALID_RESPONSE, elapsedMs(start), "the route set no outcome");
            }
            // the answer handlers leave the parsed tree; a route that reshaped it may leave text
            Object body = exchange.getMessage().getBody();
            JsonNode record = body instanceof JsonNode tree ? tree : json.readTree(exchange.getMessage().getBody(String.class));
            return new SourceOutcome(source, ReadStatus.OK, record, elapsedMs(start), null);
        } catch (Exception e) {
            return failure(source, e, start);
        }
    }

    private Exchange send(String endpoint, String key, String requestId, String purpose) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(SUBJECT, key);
        exchange.setProperty(REQUEST_ID, requestId);
        exchange.setProperty(PURPOSE, purpose);
        return producer.send(endpoint, exchange);
    }

    private static SourceOutcome failure(String source, Throwable e, long start) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof RegistryException)) {
            cause = cause.getCause();
        }
        ReadStatus status;
        String reason;
        if (e.getClass().getSimpleName().equals("JsonValidationException")) {
            status = ReadStatus.INVALID_RESPONSE;
            reason = "the record breaks the source's schema";
        } else if (cause instanceof RegistryException re) {
            status = re.status();
            reason = re.getMessage();
        } else if (cause instanceof SocketTimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
            status = ReadStatus.TIMEOUT;
            reason = cause.getClass().getSimpleName();
        } else {
            // connection refused or reset, an empty reply, anything else on the wire
            status = ReadStatus.UNAVAILABLE;
            reason = cause.getClass().getSimpleName();
        }
        log.warn("source {} failed: {} ({})", source, status, reason);
        return SourceOutcome.of(source, status, elapsedMs(start), reason);
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

    /** What the breaker records for a failed read: the status, never the registry's words. */
    static final class RegistryFailure extends Exception {
        RegistryFailure(ReadStatus status) {
            super(status.name(), null, false, false);
        }
    }
}
