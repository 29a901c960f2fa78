package vn.gov.prefill.mapping;

/** What became of one bound field (GATEWAY-API.md, "Prefill"). */
public enum FieldStatus {
    PREFILLED, EMPTY, SOURCE_FAILED, NOT_CONSENTED, CONFLICT;

    /** Whether the field carries a value. */
    public boolean released() {
        return this == PREFILLED || this == CONFLICT;
    }
}
