package vn.gov.prefill.dossier;

/** Where a dossier stands. This slice reaches the first three; the handling system's callbacks bring the rest. */
enum DossierStatus {
    RECEIVED, DELIVERED, DELIVERY_FAILED, IN_PROGRESS, SUPPLEMENT_REQUESTED, RESULT_READY, REJECTED, COMPLETED
}
