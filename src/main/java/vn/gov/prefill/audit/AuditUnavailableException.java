package vn.gov.prefill.audit;

/** The disclosure log cannot be written: no personal data may be released. */
public class AuditUnavailableException extends RuntimeException {

    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
