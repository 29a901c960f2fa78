package vn.gov.prefill.dossier;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import vn.gov.prefill.edge.RequestIds;
import vn.gov.prefill.profile.ProfileCipher;
import vn.gov.prefill.source.SourceFetcher;

/**
 * One attempt to deliver one dossier, run by db-scheduler (each pending delivery is one execution of
 * the task {@value #TASK_NAME}, keyed by the dossier's id, picked by one node at a time). The route
 * {@code direct:handling-deliver} does the talking; this decides what its answer means for the
 * dossier: delivered, failed for good, or tried again after the next delay of the retry schedule.
 * The dossier's row is updated before the execution is completed: a node that dies in between leaves
 * an execution that is revived and finds the dossier already delivered (or delivers it again, under
 * the same Idempotency-Key, which the handling system answers with its first answer).
 */
@Component
class HandlingDelivery {

    private final Clock clock;
    static final String TASK_NAME = "handling-delivery";
    static final TaskDescriptor<Void> TASK = TaskDescriptor.of(TASK_NAME);
    static final String ROUTE = "direct:handling-deliver";

    private static final Logger log = LoggerFactory.getLogger(HandlingDelivery.class);

    private final DossierStore store;
    private final ProducerTemplate camel;
    private final HandlingSettings settings;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final Counter failures;
    private final ProfileCipher cipher;
    private final TransactionTemplate transactions;

    HandlingDelivery(DossierStore store, ProducerTemplate camel, HandlingSettings settings, ObjectMapper json, MeterRegistry meters,
                     Clock clock, ProfileCipher cipher,
                     TransactionTemplate transactions) {
        this.cipher = cipher;
        this.transactions = transactions;
        this.clock = clock;
        this.store = store;
        this.camel = camel;
        this.settings = settings;
        this.json = json;
        this.meters = meters;
        // registered at start: an alert on its increase sees the first failure
        this.failures = meters.counter("gateway.dossier.delivery.failures");
    }

    static TaskInstance<Void> of(String dossierId) {
        return TASK.instance(dossierId).build();
    }

    CompletionHandler<Void> attempt(TaskInstance<Void> instance, ExecutionContext context) {
        DossierStore.Pending pending = store.pending(instance.getId()).orElse(null);
        if (pending == null || pending.status() != DossierStatus.RECEIVED || pending.payload() == null) {
            return (done, ops) -> ops.remove();
        }
        int attempt = pending.attempts() + 1;
        HandlingAnswer answer = send(pending);
        Instant now = clock.instant();
        meters.counter("gateway.dossier.delivery.attempts", "outcome", answer.verdict().name().toLowerCase()).increment();
        switch (answer.verdict()) {
            case RECEIVED -> {
                // the status, its timeline entry and the indicators in one commit
                transactions.executeWithoutResult(tx -> store.delivered(pending, attempt, answer.handlingCode(), now));
                log.info("dossier delivered dossier={} attempt={}", pending.id(), attempt);
                return (done, ops) -> ops.remove();
            }
            case REFUSED -> {
                fail(pending, attempt, answer.kind(), now, "Hệ thống giải quyết thủ tục không tiếp nhận hồ sơ (" + answer.kind() + ")");
                return (done, ops) -> ops.remove();
            }
            default -> {
                List<Duration> schedule = settings.retrySchedule();
                if (attempt > schedule.size()) {
                    fail(pending, attempt, answer.kind(), now, "Chưa chuyển được hồ sơ sau " + attempt + " lần thử (lần cuối: " + answer.kind() + ")");
                    return (done, ops) -> ops.remove();
                }
                store.attemptFailed(pending.id(), attempt, answer.kind(), now);
                // the dossier's times are the gateway's clock; the scheduler's are the machine's
                Instant next = Instant.now().plus(delay(schedule.get(attempt - 1), answer.retryAfter()));
                log.info("dossier delivery will be retried dossier={} attempt={} kind={} at={}", pending.id(), attempt, answer.kind(), next);
                return (done, ops) -> ops.reschedule(done, next);
            }
        }
    }

    private void fail(DossierStore.Pending pending, int attempt, String kind, Instant now, String note) {
        transactions.executeWithoutResult(tx -> store.failed(pending, attempt, kind, now, note));
        failures.increment();
        // the alert: an operator lists these at GET /api/v1/admin/dossiers?status=DELIVERY_FAILED and redelivers
        log.error("dossier DELIVERY_FAILED dossier={} attempts={} kind={}", pending.id(), attempt, kind);
    }

    private HandlingAnswer send(DossierStore.Pending pending) {
        Exchange exchange = camel.send(ROUTE, e -> {
            e.setProperty("dossierId", pending.id());
            e.setProperty(SourceFetcher.REQUEST_ID, RequestIds.newId());
            e.setProperty(SourceFetcher.PURPOSE, pending.procedureCode());
            e.getMessage().setBody(PendingPayload.open(cipher, pending.id(), pending.payload()).getBytes(StandardCharsets.UTF_8));
        });
        return HandlingAnswer.of(exchange, json);
    }

    /** The schedule's delay lengthened by up to retry-jitter of itself, and never shorter than the system's Retry-After. */
    private Duration delay(Duration scheduled, Duration retryAfter) {
        long millis = scheduled.toMillis();
        long jitter = (long) (millis * settings.retryJitter() * ThreadLocalRandom.current().nextDouble());
        Duration delay = Duration.ofMillis(millis + jitter);
        return retryAfter != null && retryAfter.compareTo(delay) > 0 ? retryAfter : delay;
    }
}
