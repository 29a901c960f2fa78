package vn.gov.prefill.audit;

/**
 * The outcome of walking the disclosure log.
 *
 * @param valid          every record's hash matches its content, each links to its predecessor, and the chain
 *                       head names the last record
 * @param records        the records checked (those up to the chain head when the walk began)
 * @param headSeq        the chain head's seq: the number of records ever appended
 * @param headHash       the chain head's hash; written down elsewhere, it also proves later that the log was not
 *                       truncated and rebuilt
 * @param firstBrokenSeq the first record whose link is broken (missing, altered, out of place), or null
 * @param reason         what broke, or null
 * @param checkpoints    the signed checkpoints (of every node) the chain was checked against
 * @param verifiedFrom   the first record walked: 1 for the whole log, else the one after the last signed
 *                       checkpoint (whose record was checked against it)
 */
public record ChainReport(boolean valid, long records, long headSeq, String headHash, Long firstBrokenSeq, String reason,
                          int checkpoints, long verifiedFrom) {

    static ChainReport valid(long records, ChainHead head, int checkpoints, long from) {
        return new ChainReport(true, records, head.seq(), head.hash(), null, null, checkpoints, from);
    }

    static ChainReport broken(long records, ChainHead head, long seq, String reason, int checkpoints, long from) {
        return new ChainReport(false, records, head.seq(), head.hash(), seq, reason, checkpoints, from);
    }
}
