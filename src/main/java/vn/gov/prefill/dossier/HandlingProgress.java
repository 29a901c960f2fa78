package vn.gov.prefill.dossier;

import java.time.Clock;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Applies what the handling system reports of a dossier, from a signed callback or a reconciliation's answer:
 * in one transaction, the callback's {@code MaSuKien} recorded (a repeat changes nothing) and the dossier
 * moved as {@link DossierStore#progress} allows.
 */
@Component
class HandlingProgress {

    /** What became of one report. */
    enum Outcome { MOVED, HISTORY, UNCHANGED, REPEATED, UNKNOWN }

    private final DossierStore store;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;
    private final MeterRegistry meters;

    HandlingProgress(DossierStore store, TransactionTemplate transactions, ObjectMapper json, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
    }

    /** @param via {@code callback} or {@code reconciliation}: the metric's label */
    Outcome apply(HandlingEvent event, String via) {
        Outcome outcome;
        try {
            outcome = transactions.execute(tx -> {
                if (store.byId(event.dossierId()).isEmpty()) {
                    return Outcome.UNKNOWN;
                }
                if (event.eventId() != null && !store.firstTimeSeen(event.eventId(), event.dossierId(), clock.instant())) {
                    return Outcome.REPEATED;
                }
                return Outcome.valueOf(store.progress(event, resultJson(event), clock.instant()).name());
            });
        } catch (DuplicateKeyException e) {
            // the same event, at the same moment, on another node: that one applied it
            outcome = Outcome.REPEATED;
        }
        meters.counter("gateway.handling.events", "via", via, "outcome", outcome.name().toLowerCase()).increment();
        return outcome;
    }

    private String resultJson(HandlingEvent event) {
        HandlingEvent.Result r = event.result();
        if (r == null) {
            return null;
        }
        try {
            return json.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a result reference is plain strings", e);
        }
    }

    /** The result reference stored with a dossier, read back. */
    HandlingEvent.Result result(String dossierId) {
        return store.result(dossierId).map(text -> {
            try {
                return json.readValue(text, HandlingEvent.Result.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the stored result reference of dossier " + dossierId + " is not JSON", e);
            }
        }).orElse(null);
    }

    static Map<String, Object> answer(HandlingEvent event, Outcome outcome) {
        return Map.of("MaSuKien", event.eventId(), "applied", outcome == Outcome.MOVED || outcome == Outcome.HISTORY,
                "outcome", outcome.name());
    }
}
