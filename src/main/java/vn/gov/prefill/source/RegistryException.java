package vn.gov.prefill.source;

/**
 * A registry's answer that is not a record. Routes throw the subclasses (YAML {@code throwException});
 * the fetcher turns each into its {@link ReadStatus}. Messages name the registry's own error code,
 * never personal data.
 */
public abstract class RegistryException extends Exception {

    protected RegistryException(String message) {
        super(message, null, false, false);
    }

    public abstract ReadStatus status();

    /** Connection refused or reset, 5xx, a fault of the agency's own: counts against the circuit breaker. */
    public static class Unavailable extends RegistryException {
        public Unavailable(String message) { super(message); }
        @Override public ReadStatus status() { return ReadStatus.UNAVAILABLE; }
    }

    /** The agency refused us (authorisation, purpose, quota): a configuration matter, not an outage. */
    public static class Rejected extends RegistryException {
        public Rejected(String message) { super(message); }
        @Override public ReadStatus status() { return ReadStatus.REJECTED; }
    }

    /** Unparseable, or not the shape the contract promises. */
    public static class InvalidAnswer extends RegistryException {
        public InvalidAnswer(String message) { super(message); }
        @Override public ReadStatus status() { return ReadStatus.INVALID_RESPONSE; }
    }

    /** HTTP 401 from an NDXP-fronted registry: the token is expired or unknown. Refreshed and retried once. */
    public static class TokenRejected extends RegistryException {
        public TokenRejected(String message) { super(message); }
        @Override public ReadStatus status() { return ReadStatus.REJECTED; }
    }
}
