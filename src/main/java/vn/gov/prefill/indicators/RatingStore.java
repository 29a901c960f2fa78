package vn.gov.prefill.indicators;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The ratings (V13: {@code indicator_rating}), one per dossier and stage. Unlike the other indicator
 * records, a rating is the citizen's answer, not a statistic: it is stored or the citizen is told it
 * was not (a database failure is thrown, never swallowed).
 */
@Component
public class RatingStore {

    private static final String COLUMNS = "dossier_id, stage, form_id, procedure_code, channel, unit, score, easy, timeliness, "
            + "staff, comment, rated_at";

    private final JdbcTemplate jdbc;

    RatingStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout(10);
    }

    /** Stores the rating, its comment masked; false when this stage of this dossier was rated already. */
    public boolean record(Rating r) {
        try {
            jdbc.update("INSERT INTO indicator_rating (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", r.dossierId(),
                    r.stage().name(), r.formId(), r.procedureCode(), r.channel(), r.unit(), r.score(), r.easy(), r.time(), r.staff(),
                    CommentMasking.mask(r.comment()), utc(r.ratedAt()));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** The stages of this dossier already rated. */
    public List<Rating.Stage> stagesOf(String dossierId) {
        return jdbc.query("SELECT stage FROM indicator_rating WHERE dossier_id = ? ORDER BY stage",
                (rs, i) -> Rating.Stage.valueOf(rs.getString(1)), dossierId);
    }

    /** The ratings made in [from, until), oldest first. */
    List<Rating> within(Instant from, Instant until) {
        return jdbc.query("SELECT " + COLUMNS + " FROM indicator_rating WHERE rated_at >= ? AND rated_at < ? "
                + "ORDER BY rated_at, dossier_id, stage", RatingStore::rating, utc(from), utc(until));
    }

    /** One page of the ratings made in [from, until), newest first. */
    List<Rating> page(Instant from, Instant until, long offset, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM indicator_rating WHERE rated_at >= ? AND rated_at < ? "
                + "ORDER BY rated_at DESC, dossier_id, stage LIMIT ? OFFSET ?", RatingStore::rating, utc(from), utc(until), limit, offset);
    }

    long count(Instant from, Instant until) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM indicator_rating WHERE rated_at >= ? AND rated_at < ?", Long.class,
                utc(from), utc(until));
        return n == null ? 0 : n;
    }

    private static Rating rating(ResultSet rs, int row) throws SQLException {
        return new Rating(rs.getString(1), Rating.Stage.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getInt(7), (Integer) rs.getObject(8, Integer.class), (Integer) rs.getObject(9, Integer.class),
                (Integer) rs.getObject(10, Integer.class), rs.getString(11), rs.getObject(12, OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
