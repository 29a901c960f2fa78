package vn.gov.prefill.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.RowMapper;

/**
 * One row of the {@code disclosure} table as stored: the sources, consent and pointers as their
 * canonical JSON text, which is what the hash covers.
 */
record LoggedDisclosure(long seq, Instant recordedAt, String requestId, String client, String actorId, String subjectId,
                        String subjectRole, String actingFor, String formId, String formVersion, String procedureCode,
                        String consentedSources, String sources, String releasedPointers, String prevHash, String hash,
                        String desk) {

    static final String COLUMNS = "seq, recorded_at, request_id, client, actor_id, subject_id, subject_role, acting_for, "
            + "form_id, form_version, procedure_code, consented_sources, sources, released_pointers, prev_hash, hash, desk";

    /** A record of a citizen's own reading, with no desk. */
    LoggedDisclosure(long seq, Instant recordedAt, String requestId, String client, String actorId, String subjectId,
                     String subjectRole, String actingFor, String formId, String formVersion, String procedureCode,
                     String consentedSources, String sources, String releasedPointers, String prevHash, String hash) {
        this(seq, recordedAt, requestId, client, actorId, subjectId, subjectRole, actingFor, formId, formVersion, procedureCode,
                consentedSources, sources, releasedPointers, prevHash, hash, null);
    }

    static final RowMapper<LoggedDisclosure> ROW = LoggedDisclosure::read;

    LoggedDisclosure withHash(String hash) {
        return new LoggedDisclosure(seq, recordedAt, requestId, client, actorId, subjectId, subjectRole, actingFor, formId,
                formVersion, procedureCode, consentedSources, sources, releasedPointers, prevHash, hash, desk);
    }

    private static LoggedDisclosure read(ResultSet rs, int row) throws SQLException {
        OffsetDateTime at = rs.getObject("recorded_at", OffsetDateTime.class);
        return new LoggedDisclosure(rs.getLong("seq"), at == null ? null : at.toInstant(), rs.getString("request_id"),
                rs.getString("client"), rs.getString("actor_id"), rs.getString("subject_id"), rs.getString("subject_role"),
                rs.getString("acting_for"), rs.getString("form_id"), rs.getString("form_version"),
                rs.getString("procedure_code"), rs.getString("consented_sources"), rs.getString("sources"),
                rs.getString("released_pointers"), rs.getString("prev_hash"), rs.getString("hash"), rs.getString("desk"));
    }
}
