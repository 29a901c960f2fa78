package vn.gov.prefill.audit;

import java.util.List;

/** The tamper-evident record of every read of a person's data. */
public interface DisclosureLog {

    /**
     * Writes the disclosures of one prefill, chained to the log, in one transaction, before any data is
     * released.
     *
     * @throws AuditUnavailableException when they cannot be written: the caller releases nothing
     */
    void record(List<Disclosure> disclosures);
}
