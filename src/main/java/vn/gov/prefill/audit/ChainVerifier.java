package vn.gov.prefill.audit;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Walks the disclosure log in seq order and recomputes every link. The chain head is read first: rows
 * appended while the walk runs lie beyond it and are left for the next walk, and legitimate appends
 * never change a row below it, so no locking is needed.
 */
@Component
class ChainVerifier {

    static final int BATCH = 500;

    private final JdbcTemplate jdbc;

    ChainVerifier(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    ChainReport verify() {
        ChainHead head = jdbc.queryForObject("SELECT seq, hash FROM disclosure_chain_head WHERE id = 1", ChainHead.ROW);
        long records = 0;
        long expected = 1;
        String previous = DisclosureHash.GENESIS;
        Long brokenAt = null;
        String reason = null;
        long after = Long.MIN_VALUE;
        while (true) {
            List<LoggedDisclosure> batch = jdbc.query("SELECT " + LoggedDisclosure.COLUMNS
                    + " FROM disclosure WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?",
                    LoggedDisclosure.ROW, after, head.seq(), BATCH);
            for (LoggedDisclosure r : batch) {
                records++;
                if (brokenAt == null) {
                    reason = check(r, expected, previous);
                    if (reason != null) {
                        brokenAt = Math.min(r.seq(), expected);
                    }
                }
                expected = r.seq() + 1;
                previous = r.hash();
            }
            if (batch.size() < BATCH) {
                break;
            }
            after = batch.get(batch.size() - 1).seq();
        }
        if (brokenAt != null) {
            return ChainReport.broken(records, head, brokenAt, reason);
        }
        long last = expected - 1;
        if (last != head.seq()) {
            return ChainReport.broken(records, head, last + 1, last == 0
                    ? "the chain head counts " + head.seq() + " record(s) but the log is empty: records were deleted"
                    : "the chain head counts " + head.seq() + " record(s) but the log ends at record " + last
                            + ": records at its end were deleted");
        }
        if (!head.hash().equals(previous)) {
            return ChainReport.broken(records, head, last, "the chain head's hash is not the hash of record " + last
                    + ": the last record was replaced");
        }
        return ChainReport.valid(records, head);
    }

    /** What is wrong with this record's link, or null. */
    private static String check(LoggedDisclosure r, long expected, String previous) {
        if (r.seq() != expected) {
            return expected == 1
                    ? "the log starts at record " + r.seq() + " instead of 1: records were deleted"
                    : "record " + expected + " is missing (the log goes from " + (expected - 1) + " to " + r.seq()
                            + "): records were deleted";
        }
        if (!previous.equals(r.prevHash())) {
            return expected == 1
                    ? "record 1's prev_hash is not the genesis hash: the record was replaced"
                    : "record " + r.seq() + "'s prev_hash is not the hash of record " + (expected - 1)
                            + ": a record was deleted, replaced or moved here";
        }
        if (!DisclosureHash.of(r).equals(r.hash())) {
            return "record " + r.seq() + "'s hash does not match its content: the record was altered";
        }
        return null;
    }
}
