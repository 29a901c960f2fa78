package vn.gov.prefill.indicators;

import java.time.Instant;
import java.util.List;

/**
 * One dossier's journey as the indicator tables keep it (V11__journey_indicators.sql): {@code deliveredAt} and
 * {@code resultAt} null while not reached; {@code failures} the times its delivery failed within the period read;
 * {@code attachmentsByReference} and {@code attachmentsFiled} (V12) the form's attachment slots filed by reference, and
 * all its attachment slots, at filing; {@code filerKey} (V13) the filer's keyed HMAC, null before it was kept;
 * {@code rated} whether the citizen rated it at any stage.
 */
record Journey(String formId, String procedureCode, String channel, String unit, Instant filedAt, Instant deliveredAt,
               Instant resultAt, List<Instant> failures, int attachmentsByReference, int attachmentsFiled, String filerKey,
               boolean rated) {

    Journey(String formId, String procedureCode, String channel, String unit, Instant filedAt, Instant deliveredAt,
            Instant resultAt, List<Instant> failures, int attachmentsByReference, int attachmentsFiled) {
        this(formId, procedureCode, channel, unit, filedAt, deliveredAt, resultAt, failures, attachmentsByReference,
                attachmentsFiled, null, false);
    }

    /** A journey whose filing had no attachment slot. */
    Journey(String formId, String procedureCode, String channel, String unit, Instant filedAt, Instant deliveredAt,
            Instant resultAt, List<Instant> failures) {
        this(formId, procedureCode, channel, unit, filedAt, deliveredAt, resultAt, failures, 0, 0);
    }
}
