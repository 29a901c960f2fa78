package vn.gov.prefill.audit;

import java.util.Comparator;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Walks the disclosure log in seq order and recomputes every link. The chain head is read first: rows
 * appended while the walk runs lie beyond it and are left for the next walk, and legitimate appends
 * never change a row below it, so no locking is needed.
 * <p>
 * With checkpoints ({@link Checkpoints}), the chain must also pass through every one: a rewrite that
 * recomputed every later hash and the head is valid link by link, but not at the checkpoint signed
 * before it. Checkpoints of several nodes are reconciled: two that name one seq must name one hash.
 */
@Component
class ChainVerifier {

    static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final Checkpoints checkpoints;

    ChainVerifier(DataSource dataSource) {
        this(dataSource, (Checkpoints) null);
    }

    @Autowired
    ChainVerifier(DataSource dataSource, ObjectProvider<Checkpoints> checkpoints) {
        this(dataSource, checkpoints.getIfAvailable());
    }

    ChainVerifier(DataSource dataSource, Checkpoints checkpoints) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.checkpoints = checkpoints;
    }

    /** Walks the whole log from record 1, through every checkpoint of every node. */
    ChainReport verify() {
        Checkpoints.Read read = checkpoints == null ? new Checkpoints.Read(List.of(), List.of()) : checkpoints.read();
        ChainHead head = head();
        return walk(head, read, null);
    }

    /**
     * Walks the log from the last signed checkpoint (of any node) that the chain head has reached, so the
     * cost follows the records written since, not the size of the log: that record must still carry the
     * checkpoint's hash and its own content's hash, and every record after it must link to it. Each
     * node's latest checkpoint is also looked up at its seq. What lies before the checkpoint was checked
     * when the checkpoint was signed (the writer signs what the chain head says, and a rewrite before
     * it changes that record's hash); {@link #verify()} walks it all again. Without checkpoints, this is
     * {@link #verify()}.
     */
    ChainReport verifySinceCheckpoint() {
        if (checkpoints == null) {
            return verify();
        }
        Checkpoints.Read latest = checkpoints.latest();
        ChainHead head = head();
        Checkpoint anchor = latest.checkpoints().stream().filter(c -> c.seq() <= head.seq())
                .max(Comparator.comparingLong(Checkpoint::seq)).orElse(null);
        if (anchor == null || !latest.unsigned().isEmpty()) {
            return walk(head, checkpoints.read(), null);
        }
        return walk(head, latest, anchor);
    }

    private ChainHead head() {
        return jdbc.queryForObject("SELECT seq, hash FROM disclosure_chain_head WHERE id = 1", ChainHead.ROW);
    }

    /** Walks from record 1, or from {@code anchor} (a checkpoint at or below the head) when there is one. */
    private ChainReport walk(ChainHead head, Checkpoints.Read read, Checkpoint anchor) {
        CheckpointTrail trail = new CheckpointTrail(read.checkpoints(), head.seq());
        int checked = read.checkpoints().size();
        long from = 1;
        long records = 0;
        long expected = 1;
        String previous = DisclosureHash.GENESIS;
        Long brokenAt = null;
        String reason = null;
        long after = Long.MIN_VALUE;
        if (anchor != null) {
            for (Checkpoint c : read.checkpoints()) {
                String problem = c.seq() > head.seq() ? null : checkedAgainst(c);
                if (problem != null) {
                    return ChainReport.broken(0, head, c.seq(), problem, checked, c.seq());
                }
            }
            from = anchor.seq() + 1;
            expected = from;
            previous = anchor.hash();
            after = anchor.seq();
            trail = new CheckpointTrail(List.of(), head.seq());
        }
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
                String rewritten = trail.passes(r);
                if (brokenAt == null && rewritten != null) {
                    brokenAt = trail.brokenFrom();
                    reason = rewritten;
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
            return ChainReport.broken(records, head, brokenAt, reason, checked, from);
        }
        if (!read.unsigned().isEmpty()) {
            return ChainReport.broken(records, head, 1, "checkpoint file(s) " + String.join(", ", read.unsigned())
                    + " are not signed with gateway.audit.checkpoint.key: forged or damaged", checked, from);
        }
        String beyond = new CheckpointTrail(read.checkpoints(), head.seq()).beyondTheHead();
        if (beyond != null) {
            return ChainReport.broken(records, head, head.seq() + 1, beyond, checked, from);
        }
        long last = expected - 1;
        if (last != head.seq()) {
            return ChainReport.broken(records, head, last + 1, last == 0
                    ? "the chain head counts " + head.seq() + " record(s) but the log is empty: records were deleted"
                    : "the chain head counts " + head.seq() + " record(s) but the log ends at record " + last
                            + ": records at its end were deleted", checked, from);
        }
        if (!head.hash().equals(previous)) {
            return ChainReport.broken(records, head, last, "the chain head's hash is not the hash of record " + last
                    + ": the last record was replaced", checked, from);
        }
        return ChainReport.valid(records, head, checked, from);
    }

    /** Null when the record at the checkpoint's seq is there, intact, with the hash the checkpoint signed. */
    private String checkedAgainst(Checkpoint c) {
        List<LoggedDisclosure> rows = jdbc.query("SELECT " + LoggedDisclosure.COLUMNS + " FROM disclosure WHERE seq = ?",
                LoggedDisclosure.ROW, c.seq());
        if (rows.isEmpty()) {
            return "record " + c.seq() + ", which checkpoint " + c.file() + " (node " + c.node() + ", " + c.at()
                    + ") signed, is missing: records were deleted";
        }
        LoggedDisclosure r = rows.get(0);
        if (!c.hash().equals(r.hash())) {
            return "record " + c.seq() + "'s hash is not the one checkpoint " + c.file() + " (node " + c.node() + ", " + c.at()
                    + ") signed: the chain was rewritten up to there and its hashes recomputed";
        }
        if (!DisclosureHash.of(r).equals(r.hash())) {
            return "record " + c.seq() + "'s hash does not match its content: the record was altered";
        }
        return null;
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
