package vn.gov.prefill.dossier;

import java.time.Instant;

import vn.gov.prefill.indicators.JourneyStep;

/**
 * Published (as a Spring application event, synchronously, in the transaction of the change when there is
 * one) each time a dossier reaches a status: when it is filed ({@code RECEIVED}), delivered, failed, reopened
 * by an operator, and at each step the handling system reports. No personal data: the dossier's id, its form,
 * procedure and channel, when it was filed and when it moved.
 *
 * @param channel {@code ONLINE} (filed by the citizen) or {@code DESK} (filed at a one-stop desk)
 * @param unit    the desk's unit code ({@code MaDonVi}) for a desk filing, else null
 * @param filing  when it is filed: its attachments by reference and its filer's keyed HMAC, for the indicators; else null
 */
public record DossierMoved(String dossierId, String formId, String procedureCode, String channel, String unit,
                           DossierStatus status, Instant filedAt, Instant at, JourneyStep.Filing filing) {

    /** Any move but the filing itself. */
    public DossierMoved(String dossierId, String formId, String procedureCode, String channel, String unit,
                        DossierStatus status, Instant filedAt, Instant at) {
        this(dossierId, formId, procedureCode, channel, unit, status, filedAt, at, null);
    }
}
