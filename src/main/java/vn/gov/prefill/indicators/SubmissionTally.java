package vn.gov.prefill.indicators;

import java.time.Instant;
import java.util.Set;

/**
 * What one checked submission came to, without anyone's data: the outcome and the kinds of violation,
 * the reuse counts, and how long after the prefill (and after signing in) it came.
 */
public record SubmissionTally(Instant recordedAt, String formId, String formVersion, String procedureCode, boolean valid,
                              Set<String> violations, int bound, int prefilled, int kept, int changed, boolean afterPrefill,
                              Long secondsSincePrefill, Long secondsSinceSignIn) {

    /** The kinds of violation a submission is refused for. */
    public static final String SCHEMA = "schema";
    public static final String LOCKED = "locked";
}
