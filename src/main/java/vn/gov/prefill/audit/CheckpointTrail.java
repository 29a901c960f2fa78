package vn.gov.prefill.audit;

import java.util.List;

/**
 * The checkpoints a walk of the chain must pass, in seq order. Each record whose seq a checkpoint
 * names must carry that checkpoint's hash; when one does not, the chain was rewritten after the last
 * checkpoint that matched.
 */
final class CheckpointTrail {

    private final List<Checkpoint> checkpoints;
    private final long headSeq;
    private int next;
    private long confirmed;

    CheckpointTrail(List<Checkpoint> checkpoints, long headSeq) {
        this.checkpoints = checkpoints;
        this.headSeq = headSeq;
    }

    /** Null when the record agrees with every checkpoint at its seq, else what disagrees. */
    String passes(LoggedDisclosure record) {
        while (next < checkpoints.size() && checkpoints.get(next).seq() < record.seq()) {
            next++; // a checkpoint of a seq the walk did not meet: the deletion is reported by the links
        }
        String problem = null;
        while (next < checkpoints.size() && checkpoints.get(next).seq() == record.seq()) {
            Checkpoint c = checkpoints.get(next++);
            if (problem == null && !c.hash().equals(record.hash())) {
                problem = "record " + record.seq() + "'s hash is not the one checkpoint " + c.file() + " (node " + c.node()
                        + ", " + c.at() + ") signed: the chain was rewritten after record " + confirmed
                        + " and its hashes recomputed";
            }
        }
        if (problem == null && next > 0 && checkpoints.get(next - 1).seq() == record.seq()) {
            confirmed = record.seq();
        }
        return problem;
    }

    /** The first record a rewrite can have touched: the one after the last checkpoint that matched. */
    long brokenFrom() {
        return confirmed + 1;
    }

    /** Null unless a checkpoint names a record beyond the chain head: the log was cut and rebuilt shorter. */
    String beyondTheHead() {
        Checkpoint last = checkpoints.isEmpty() ? null : checkpoints.get(checkpoints.size() - 1);
        if (last != null && last.seq() > headSeq) {
            return "checkpoint " + last.file() + " (node " + last.node() + ", " + last.at() + ") saw record " + last.seq()
                    + " but the chain head is at " + headSeq + ": records were deleted and the chain rebuilt";
        }
        return null;
    }
}
