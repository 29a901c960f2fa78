package vn.gov.prefill.dossier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The deliveries still to make, as gauges read from the audit database when scraped (the same on every
 * node): {@code gateway_dossiers_pending} and {@code gateway_dossier_oldest_pending_seconds}. A scrape
 * within a second of the last one reuses its answer; when the database cannot answer, both are NaN.
 */
@Component
class DeliveryBacklog {

    private static final Duration FRESH = Duration.ofSeconds(1);

    private final DossierStore store;
    private final Clock clock;
    private volatile DossierStore.Backlog last;
    private volatile Instant readAt = Instant.EPOCH;

    DeliveryBacklog(DossierStore store, MeterRegistry meters, Clock clock) {
        this.store = store;
        this.clock = clock;
        Gauge.builder("gateway.dossiers.pending", this, DeliveryBacklog::pending)
                .description("filed dossiers not yet delivered (RECEIVED)").register(meters);
        Gauge.builder("gateway.dossier.oldest.pending", this, DeliveryBacklog::oldestSeconds).baseUnit("seconds")
                .description("how long the oldest undelivered dossier has waited").register(meters);
    }

    private double pending() {
        DossierStore.Backlog backlog = read();
        return backlog == null ? Double.NaN : backlog.pending();
    }

    private double oldestSeconds() {
        DossierStore.Backlog backlog = read();
        if (backlog == null) {
            return Double.NaN;
        }
        return backlog.oldest() == null ? 0 : Duration.between(backlog.oldest(), clock.instant()).toMillis() / 1000.0;
    }

    private DossierStore.Backlog read() {
        Instant now = Instant.now();
        if (Duration.between(readAt, now).compareTo(FRESH) > 0) {
            try {
                last = store.backlog();
            } catch (DataAccessException e) {
                last = null;
            }
            readAt = now;
        }
        return last;
    }
}
