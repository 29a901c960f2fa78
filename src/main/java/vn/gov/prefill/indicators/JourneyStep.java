package vn.gov.prefill.indicators;

import java.time.Instant;

/**
 * A step of a dossier's journey as the indicators count it, told by the dossiers as they move. Several
 * statuses may be one step (any status the handling system reports means the dossier reached it); a step
 * told again for the same dossier is counted once. No personal data: the dossier's id, form, channel and
 * desk unit, and times.
 *
 * @param channel {@code ONLINE} or {@code DESK}
 * @param unit    the desk's unit code for a desk filing, else null
 * @param at      when the step was reached
 * @param filing  at filing, its attachments and filer; else null
 */
public record JourneyStep(String dossierId, String formId, String procedureCode, String channel, String unit, Step step,
                          Instant filedAt, Instant at, Filing filing) {

    /** A step without what only a filing tells. */
    public JourneyStep(String dossierId, String formId, String procedureCode, String channel, String unit, Step step,
                       Instant filedAt, Instant at) {
        this(dossierId, formId, procedureCode, channel, unit, step, filedAt, at, null);
    }

    /**
     * What a filing adds to its FILED step: of the form's {@code slots} attachment slots, those filed with a document by
     * reference ({@code byReference}), and the filer's keyed HMAC ({@code filerKey}, null when unknown), to match a person
     * helped at a desk with their later filings.
     */
    public record Filing(int byReference, int slots, String filerKey) { }

    public enum Step {
        /** Recorded by the gateway (filed, or filed again for redelivery). */
        FILED,
        /** Received by the handling system, or any later status it reported. */
        DELIVERED,
        /** Refused for good, or never received within the retry schedule. */
        DELIVERY_FAILED,
        /** The result ready, or handed over. */
        RESULT_READY
    }
}
