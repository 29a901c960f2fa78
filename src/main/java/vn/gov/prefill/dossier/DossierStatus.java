package vn.gov.prefill.dossier;

/**
 * Where a dossier stands. The gateway itself reaches the first three (recorded, received by the handling
 * system, refused or never received); the handling system's callbacks bring the rest.
 */
public enum DossierStatus {
    RECEIVED, DELIVERED, DELIVERY_FAILED, IN_PROGRESS, SUPPLEMENT_REQUESTED, RESULT_READY, REJECTED, COMPLETED;

    /** A dossier in one of these has left the gateway's hands for good: handled to the end. */
    public boolean closed() {
        return this == REJECTED || this == COMPLETED;
    }
}
