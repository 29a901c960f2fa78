package vn.gov.prefill.source;

import java.time.Duration;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Each registry's reads, breaker, pool and the gateway's own faults as metrics, tagged by source and status or kind only. */
final class SourceMeters {

    private static final Duration[] BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(1500), Duration.ofSeconds(2), Duration.ofMillis(2500)};

    private SourceMeters() {
    }

    static void read(MeterRegistry meters, SourceOutcome outcome) {
        String status = outcome.status().name();
        Timer.builder("gateway.source.read.duration").description("Reads of a registry, from the start to the outcome")
                .tags("source", outcome.source(), "status", status).serviceLevelObjectives(BUCKETS)
                .register(meters).record(outcome.latencyMs(), TimeUnit.MILLISECONDS);
        Counter.builder("gateway.source.reads").description("Reads of a registry, by outcome")
                .tags("source", outcome.source(), "status", status).register(meters).increment();
    }

    static void ownFault(MeterRegistry meters, String source, OwnFault fault) {
        ownFaults(meters, source, fault).increment();
    }

    private static Counter ownFaults(MeterRegistry meters, String source, OwnFault fault) {
        return Counter.builder("gateway.source.own.faults")
                .description("Reads that failed because of the gateway, not the registry; not counted by the registry's breaker")
                .tags("source", source, "kind", fault.tag).register(meters);
    }

    static void bind(MeterRegistry meters, CircuitBreaker breaker, ThreadPoolExecutor pool, String source) {
        // every kind from the start, so that an alert on an increase sees the first one
        for (OwnFault fault : OwnFault.values()) {
            ownFaults(meters, source, fault);
        }
        for (CircuitBreaker.State state : new CircuitBreaker.State[] {CircuitBreaker.State.CLOSED, CircuitBreaker.State.OPEN,
                CircuitBreaker.State.HALF_OPEN}) {
            Gauge.builder("gateway.source.breaker.state", breaker, b -> b.getState() == state ? 1 : 0)
                    .description("1 for the state the registry's circuit breaker is in")
                    .tags("source", source, "state", state.name().toLowerCase(java.util.Locale.ROOT)).register(meters);
        }
        Gauge.builder("gateway.source.pool.active", pool, ThreadPoolExecutor::getActiveCount)
                .description("Reads of the registry running now").tag("source", source).register(meters);
        Gauge.builder("gateway.source.pool.queued", pool, p -> p.getQueue().size())
                .description("Reads of the registry waiting for a thread of its pool").tag("source", source).register(meters);
        Gauge.builder("gateway.source.pool.capacity", pool, p -> p.getMaximumPoolSize() + p.getQueue().remainingCapacity() + p.getQueue().size())
                .description("Reads of the registry that may be running or waiting at once (threads + queue)")
                .tag("source", source).register(meters);
    }
}
