package vn.gov.prefill.dossier;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.SchedulerClient;

import vn.gov.prefill.edge.RequestIds;
import vn.gov.prefill.submission.SubmissionCheck;

/**
 * Files a checked form: the dossier and its pending delivery written in one transaction of the audit
 * database (the outbox). db-scheduler's client writes through a transaction-aware DataSource, so its
 * execution row commits or rolls back with the dossier's.
 */
@Component
class Filing {

    private final Clock clock;
    private final DossierStore store;
    private final SchedulerClient scheduler;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;

    Filing(DossierStore store, SchedulerClient scheduler, TransactionTemplate transactions, ObjectMapper json, Clock clock) {
        this.clock = clock;
        this.store = store;
        this.scheduler = scheduler;
        this.transactions = transactions;
        this.json = json;
    }

    /** The new dossier; or, when another filing with the same key got there first, that one. */
    DossierStore.Dossier file(SubmissionCheck.Checked checked, String filerName, String personKey, String idempotencyKey) {
        Instant now = clock.instant();
        String id = RequestIds.newId();
        String payload;
        try {
            payload = json.writeValueAsString(HandlingRequest.of(id, now, checked, filerName, json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the dossier's body cannot be written", e);
        }
        SubmissionCheck.Reuse reuse = checked.reuse();
        DossierStore.Dossier dossier = new DossierStore.Dossier(id, checked.form().id(), checked.form().version(),
                checked.form().procedureCode(), DossierStatus.RECEIVED, now, now, null, 0, null, reuse.bound(), reuse.prefilled(),
                reuse.kept());
        try {
            transactions.executeWithoutResult(tx -> {
                store.insert(dossier, personKey, idempotencyKey, payload);
                // the dossier's times are the gateway's clock; the scheduler's are the machine's
                scheduler.schedule(HandlingDelivery.of(id), Instant.now());
            });
            return dossier;
        } catch (DuplicateKeyException e) {
            Optional<DossierStore.Dossier> first = idempotencyKey == null ? Optional.empty()
                    : store.byIdempotencyKey(personKey, idempotencyKey);
            return first.orElseThrow(() -> e);
        }
    }

    /** An operator's redelivery of a failed dossier: RECEIVED again and its delivery pending, together. */
    boolean redeliver(String id) {
        Instant now = clock.instant();
        Boolean reopened = transactions.execute(tx -> {
            if (!store.reopen(id, now)) {
                return false;
            }
            scheduler.schedule(HandlingDelivery.of(id), Instant.now());
            return true;
        });
        return Boolean.TRUE.equals(reopened);
    }
}
