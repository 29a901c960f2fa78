package vn.gov.prefill.indicators;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import vn.gov.prefill.form.FormDefinition;
import vn.gov.prefill.mapping.FieldOutcome;
import vn.gov.prefill.mapping.FieldStatus;
import vn.gov.prefill.plan.SourceSummary;
import vn.gov.prefill.source.ReadStatus;

/**
 * Where the prefill endpoint, the submission check and the suggestions report what they came to: into
 * the indicator tables (prefills and suggestions through a queue, off the request thread; submissions at
 * once) and into the metrics. Tags are forms, sources, statuses, outcomes and life events only: never a
 * person, a number or a request; a person reaches the tables only inside a {@link SuggestionMatchKey}.
 */
@Component
public class IndicatorLog {

    private static final Logger log = LoggerFactory.getLogger(IndicatorLog.class);
    /** Bucket bounds of the latency histograms, around the prefill deadline (2.5 s by default). */
    static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(1500), Duration.ofSeconds(2), Duration.ofMillis(2500),
            Duration.ofSeconds(3), Duration.ofSeconds(5)};

    /** How long a suggestion shown waits for the prefill that follows it. */
    public static final Duration FOLLOW_WINDOW = Duration.ofHours(24);

    private final PrefillTallyQueue prefills;
    private final IndicatorStore store;
    private final IndicatorClock clock;
    private final MeterRegistry meters;
    private final SuggestionMatchKey matchKeys;

    IndicatorLog(PrefillTallyQueue prefills, IndicatorStore store, IndicatorClock clock, MeterRegistry meters,
                 SuggestionMatchKey matchKeys) {
        this.prefills = prefills;
        this.store = store;
        this.clock = clock;
        this.meters = meters;
        this.matchKeys = matchKeys;
    }

    /**
     * A suggestion of {@code lifeEvent} shown to {@code person}: its form ({@code formId} null for a procedure
     * without one) may be followed by that person for {@code actingForId} (null for oneself) within {@link #FOLLOW_WINDOW}.
     */
    public void suggestionShown(String lifeEvent, String formId, String person, String actingForId) {
        String key = formId == null ? null : matchKeys.of(formId, person, actingForId);
        prefills.offer(new SuggestionShown(clock.now(), lifeEvent, formId, key, key == null ? null : clock.real().plus(FOLLOW_WINDOW)));
    }

    /** A recorded prefill of {@code formId} by {@code person} for {@code actingForId}: it follows the suggestion waiting for it, if any. */
    public void prefillCompleted(String formId, String person, String actingForId) {
        prefills.offer(new SuggestionFollowed(clock.now(), matchKeys.of(formId, person, actingForId), clock.real()));
    }

    /** An answered prefill of {@code form}, started at {@code startedNanos} (System.nanoTime). */
    public void prefilled(FormDefinition form, Map<String, FieldOutcome> fields, Map<String, SourceSummary> sources,
                          long startedNanos) {
        long nanos = System.nanoTime() - startedNanos;
        Map<FieldStatus, Integer> byStatus = new EnumMap<>(FieldStatus.class);
        int declared = 0;
        for (FieldOutcome f : fields.values()) {
            byStatus.merge(f.status(), 1, Integer::sum);
            if ((f.status() == FieldStatus.PREFILLED || f.status() == FieldStatus.CONFLICT)
                    && FormDefinition.DECLARED_SOURCE.equals(f.source())) {
                declared++;
            }
        }
        Map<String, Map<String, Integer>> reads = new LinkedHashMap<>();
        boolean partial = byStatus.containsKey(FieldStatus.SOURCE_FAILED);
        for (Map.Entry<String, SourceSummary> e : sources.entrySet()) {
            Map<String, Integer> statuses = new LinkedHashMap<>();
            e.getValue().reads().forEach(r -> statuses.merge(r.status(), 1, Integer::sum));
            reads.put(e.getKey(), statuses);
            partial |= statuses.keySet().stream().anyMatch(IndicatorLog::failure);
        }
        String outcome = partial ? "partial" : "complete";
        Timer.builder("gateway.prefill.duration").description("Prefills answered, from the request to the answer")
                .tags("form", form.id(), "outcome", outcome).serviceLevelObjectives(LATENCY_BUCKETS)
                .register(meters).record(nanos, TimeUnit.NANOSECONDS);
        byStatus.forEach((status, n) -> fieldCounter(form.id(), status.name()).increment(n));
        int released = byStatus.getOrDefault(FieldStatus.PREFILLED, 0) + byStatus.getOrDefault(FieldStatus.CONFLICT, 0);
        prefills.offer(new PrefillTally(clock.now(), form.id(), form.version(), form.procedureCode(), partial, fields.size(),
                released, byStatus.getOrDefault(FieldStatus.SOURCE_FAILED, 0), declared, TimeUnit.NANOSECONDS.toMillis(nanos), reads));
    }

    /**
     * A checked submission of {@code form}: {@code violations} empty when it is valid; {@code prefilledAt}
     * and {@code signedInAt} null when unknown.
     */
    public void submitted(FormDefinition form, Set<String> violations, int bound, int prefilled, int kept,
                          Instant prefilledAt, Instant signedInAt) {
        Instant now = clock.real();
        boolean valid = violations.isEmpty();
        int changed = prefilled - kept;
        meters.counter("gateway.submissions", "form", form.id(), "outcome", valid ? "valid" : "invalid",
                "reentered", changed == 0 ? "nothing" : "something").increment();
        if (valid) {
            meters.counter("gateway.submission.fields", "form", form.id(), "outcome", "kept").increment(kept);
            meters.counter("gateway.submission.fields", "form", form.id(), "outcome", "changed").increment(changed);
        }
        SubmissionTally tally = new SubmissionTally(clock.now(), form.id(), form.version(), form.procedureCode(), valid,
                violations, bound, prefilled, kept, changed, prefilledAt != null, secondsBetween(prefilledAt, now),
                secondsBetween(signedInAt, now));
        try {
            store.insertSubmission(tally);
        } catch (DataAccessException e) {
            // statistics: the citizen's submission is checked all the same
            meters.counter("gateway.indicators.dropped").increment();
            log.warn("indicators: a submission of form {} not stored: {}", form.id(), e.getClass().getSimpleName());
        }
    }

    /**
     * A step of a dossier's journey, into the indicator tables at once (in the dossier's transaction when it has
     * one). Statistics: if it cannot be stored, the dossier moves all the same and {@code gateway.indicators.dropped}
     * counts the loss.
     */
    public void journey(JourneyStep step) {
        try {
            store.insertJourney(step);
        } catch (DataAccessException e) {
            meters.counter("gateway.indicators.dropped").increment();
            log.warn("indicators: a {} step of form {} not stored: {}", step.step(), step.formId(), e.getClass().getSimpleName());
        }
    }

    private Counter fieldCounter(String form, String status) {
        return Counter.builder("gateway.prefill.fields").description("Bound fields of answered prefills, by what became of them")
                .tags("form", form, "status", status).register(meters);
    }

    private static boolean failure(String status) {
        return switch (ReadStatus.valueOf(status)) {
            case TIMEOUT, UNAVAILABLE, REJECTED, INVALID_RESPONSE -> true;
            default -> false;
        };
    }

    private static Long secondsBetween(Instant earlier, Instant later) {
        return earlier == null ? null : Math.max(0, Duration.between(earlier, later).toSeconds());
    }
}
