package vn.gov.prefill.dossier;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

import vn.gov.prefill.edge.RequestIds;
import vn.gov.prefill.form.FormDefinition;
import vn.gov.prefill.indicators.JourneyStep;
import vn.gov.prefill.profile.DeclaredValues;
import vn.gov.prefill.profile.ProfileCipher;
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
    private final DeclaredValues declared;
    private final ProfileCipher cipher;

    /** A filing's outcome: the dossier, and the declared keys kept with it (null when the filer did not ask to keep any). */
    record Filed(DossierStore.Dossier dossier, List<String> kept) { }

    Filing(DossierStore store, SchedulerClient scheduler, TransactionTemplate transactions, ObjectMapper json, Clock clock,
           DeclaredValues declared, ProfileCipher cipher) {
        this.declared = declared;
        this.cipher = cipher;
        this.clock = clock;
        this.store = store;
        this.scheduler = scheduler;
        this.transactions = transactions;
        this.json = json;
    }

    /**
     * The new dossier, with (when {@code keep}) the values of its {@code x-declare} fields kept for the filer in the
     * same transaction; or, when another filing with the same key got there first, that one. {@code attached}: the
     * documents referred to, checked, sent in {@code ThanhPhanHoSo}. {@code filerKey}: the filer's keyed HMAC for the
     * indicators (who, helped at a desk, later filed alone).
     */
    Filed file(SubmissionCheck.Checked checked, String filerName, String personKey, String filerKey, String idempotencyKey,
               boolean keep, List<vn.gov.prefill.flow.PrefillTokens.Offer> attached) {
        Instant now = clock.instant();
        String id = RequestIds.newId();
        String payload;
        try {
            payload = PendingPayload.seal(cipher, id, json.writeValueAsString(HandlingRequest.of(id, now, checked, filerName, attached, json)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the dossier's body cannot be written", e);
        }
        SubmissionCheck.Reuse reuse = checked.reuse();
        DossierStore.Dossier dossier = new DossierStore.Dossier(id, checked.form().id(), checked.form().version(),
                checked.form().procedureCode(), DossierStatus.RECEIVED, now, now, null, 0, null, reuse.bound(), reuse.prefilled(),
                reuse.kept(), checked.citizen().desk());
        try {
            List<String> kept = transactions.execute(tx -> {
                // with its FILED step for the indicators, in one row: the attachment slots, those filed by reference, the filer's key
                store.insert(dossier, personKey, idempotencyKey, payload,
                        new JourneyStep.Filing(attached.size(), checked.form().attachments().size(), filerKey));
                // the dossier's times are the gateway's clock; the scheduler's are the machine's. A new dossier's id has no
                // execution yet: inserted as it is (schedule() would first look for one, a round trip more per filing)
                scheduler.scheduleBatch(List.<TaskInstance<?>>of(HandlingDelivery.of(id)), Instant.now());
                if (!keep) {
                    return null;
                }
                List<String> keys = new ArrayList<>();
                declaredValues(checked).forEach((subject, values) -> keys.addAll(declared.keep(subject, values, checked.form().id(), now)));
                store.declaredKept(id, keys);
                return keys;
            });
            return new Filed(dossier, kept);
        } catch (DuplicateKeyException e) {
            Optional<DossierStore.Dossier> first = idempotencyKey == null ? Optional.empty()
                    : store.byIdempotencyKey(personKey, idempotencyKey);
            DossierStore.Dossier earlier = first.orElseThrow(() -> e);
            return new Filed(earlier, store.declaredKept(earlier.id()));
        }
    }

    /**
     * The declared fields' values as filed, by whose they are: the filer's own (subject self), and those of a child or
     * an enterprise the prefill verified the filer may act for (its identifier carried by the prefill token); a
     * subject the token does not name keeps nothing.
     */
    private static Map<String, Map<String, JsonNode>> declaredValues(
            SubmissionCheck.Checked checked) {
        Map<String, Map<String, JsonNode>> bySubject = new LinkedHashMap<>();
        checked.form().declared().forEach((pointer, d) -> {
            JsonNode value = checked.data().at(pointer);
            String subject = "self".equals(d.subject()) ? filerId(checked)
                    : checked.prefill() == null ? null : checked.prefill().subjects().get(d.subject());
            if (subject != null && !value.isMissingNode() && !value.isNull()) {
                bySubject.computeIfAbsent(subject, s -> new LinkedHashMap<>()).put(d.key(), value);
            }
        });
        return bySubject;
    }

    /** Whose declared values a filing keeps: the citizen, or on an organisation account the enterprise. */
    private static String filerId(SubmissionCheck.Checked checked) {
        return checked.citizen().isOrganisation() ? checked.citizen().enterpriseCode() : checked.citizen().citizenId();
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
