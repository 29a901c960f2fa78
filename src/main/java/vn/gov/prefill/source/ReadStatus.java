package vn.gov.prefill.source;

/** What a registry read came to; the names are the {@code sources.*.status} of the API. */
public enum ReadStatus {
    OK, NOT_FOUND, TIMEOUT, UNAVAILABLE, REJECTED, INVALID_RESPONSE, NOT_CONSENTED, SKIPPED;

    /** The source answered, with or without a record: its fields are PREFILLED or EMPTY, not SOURCE_FAILED. */
    public boolean answered() {
        return this == OK || this == NOT_FOUND;
    }
}
