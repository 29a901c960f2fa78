package vn.gov.prefill.audit;

import org.springframework.jdbc.core.RowMapper;

/** The {@code disclosure_chain_head} row: the seq and hash of the last record appended (0 and 64 zeros when none). */
record ChainHead(long seq, String hash) {

    static final RowMapper<ChainHead> ROW = (rs, n) -> new ChainHead(rs.getLong("seq"), rs.getString("hash"));
}
