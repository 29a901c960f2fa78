package vn.gov.prefill.profile;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The table of declared values: sealed values by subject key and declared key. */
@Component
class DeclaredStore {

    record Row(String key, ProfileCipher.Sealed sealed, Instant declaredAt, String formId) { }

    private final JdbcTemplate jdbc;

    DeclaredStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Keeps a value, replacing what the subject declared before under that key. */
    void put(String subjectKey, String key, ProfileCipher.Sealed sealed, Instant at, String formId) {
        OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
        int updated = jdbc.update("UPDATE declared_value SET key_id = ?, ciphertext = ?, declared_at = ?, form_id = ? "
                + "WHERE subject_key = ? AND decl_key = ?", sealed.keyId(), sealed.ciphertext(), when, formId, subjectKey, key);
        if (updated == 0) {
            jdbc.update("INSERT INTO declared_value (subject_key, decl_key, key_id, ciphertext, declared_at, form_id) VALUES (?,?,?,?,?,?)",
                    subjectKey, key, sealed.keyId(), sealed.ciphertext(), when, formId);
        }
    }

    List<Row> of(String subjectKey) {
        return jdbc.query("SELECT decl_key, key_id, ciphertext, declared_at, form_id FROM declared_value WHERE subject_key = ? "
                + "ORDER BY decl_key", (rs, n) -> new Row(rs.getString(1), new ProfileCipher.Sealed(rs.getString(2), rs.getString(3)),
                rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5)), subjectKey);
    }

    int erase(String subjectKey, String key) {
        return jdbc.update("DELETE FROM declared_value WHERE subject_key = ? AND decl_key = ?", subjectKey, key);
    }

    int eraseAll(String subjectKey) {
        return jdbc.update("DELETE FROM declared_value WHERE subject_key = ?", subjectKey);
    }
}
