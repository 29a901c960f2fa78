package vn.gov.prefill.audit;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** The tamper-evident record of every read of a person's data. */
public interface DisclosureLog {

    /**
     * Writes the disclosures of one prefill, chained to the log, in one transaction (shared with other
     * prefills' records), before any data is released; waits at most until {@code deadlineNanos}
     * ({@link System#nanoTime()}), or {@link #LEAST_WAIT_MS} when the reads have used the deadline up.
     *
     * @throws AuditUnavailableException when they cannot be written in time: the caller releases nothing
     */
    void record(List<Disclosure> disclosures, long deadlineNanos);

    /** The least a prefill whose reads took its whole deadline still waits for its records to be written. */
    long LEAST_WAIT_MS = 1000;

    /** As {@link #record(List, long)}, waiting at most five seconds. */
    default void record(List<Disclosure> disclosures) {
        record(disclosures, System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
    }
}
