package vn.gov.prefill.indicators;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The indicator tables of V3__indicators.sql, in the disclosure log's database (H2 or PostgreSQL). */
@Component
class IndicatorStore {

    private static final String INSERT_PREFILL = "INSERT INTO indicator_prefill (recorded_at, form_id, form_version, "
            + "procedure_code, outcome, bound, prefilled, failed, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_READS = "INSERT INTO indicator_source_read (recorded_at, form_id, source, status, reads) "
            + "VALUES (?, ?, ?, ?, ?)";
    private static final String INSERT_SUBMISSION = "INSERT INTO indicator_submission (recorded_at, form_id, form_version, "
            + "procedure_code, outcome, violations, bound, prefilled, kept, changed, after_prefill, seconds_since_prefill, "
            + "seconds_since_sign_in) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String INSERT_SUGGESTION = "INSERT INTO indicator_suggestion (recorded_at, life_event, form_id, "
            + "match_key, match_until) VALUES (?, ?, ?, ?, ?)";
    private static final String FORGET_KEY = "UPDATE indicator_suggestion SET match_key = NULL, match_until = NULL WHERE match_key = ?";
    private static final String WAITING = "SELECT id, life_event FROM indicator_suggestion WHERE match_key = ? AND match_until >= ? "
            + "ORDER BY id DESC FETCH FIRST 1 ROWS ONLY";
    private static final String FOLLOWED = "UPDATE indicator_suggestion SET followed_at = ?, match_key = NULL, match_until = NULL "
            + "WHERE id = ? AND followed_at IS NULL";
    private static final String EXPIRE = "UPDATE indicator_suggestion SET match_key = NULL, match_until = NULL WHERE match_until < ?";

    /** Prefills of one form in a period. */
    record PrefillCount(String formId, String procedureCode, long prefills) { }

    /** Suggestions of one life event shown in a period, and how many of them were followed. */
    record SuggestionCount(String lifeEvent, long shown, long followed) { }

    private record Waiting(long id, String lifeEvent) { }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    IndicatorStore(DataSource dataSource, Clock clock) {
        this.clock = clock;
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout(10);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /**
     * Stores a batch in one transaction, in order (a suggestion shown, then the prefill that follows it):
     * the life events of the suggestions found followed.
     */
    List<String> insert(List<Tally> batch) {
        List<Object[]> prefills = new ArrayList<>();
        List<Object[]> reads = new ArrayList<>();
        List<Tally> suggestions = new ArrayList<>();
        for (Tally t : batch) {
            if (t instanceof PrefillTally p) {
                OffsetDateTime at = utc(p.recordedAt());
                prefills.add(new Object[] {at, p.formId(), p.formVersion(), p.procedureCode(), p.partial() ? "PARTIAL" : "COMPLETE",
                        p.bound(), p.prefilled(), p.failed(), (int) Math.min(Integer.MAX_VALUE, p.durationMs())});
                p.readsBySource().forEach((source, statuses) -> statuses.forEach((status, n) ->
                        reads.add(new Object[] {at, p.formId(), source, status, n})));
            } else {
                suggestions.add(t);
            }
        }
        return transactions.execute(tx -> {
            if (!prefills.isEmpty()) {
                jdbc.batchUpdate(INSERT_PREFILL, prefills);
            }
            if (!reads.isEmpty()) {
                jdbc.batchUpdate(INSERT_READS, reads);
            }
            return suggestions.isEmpty() ? List.<String>of() : suggestions(suggestions);
        });
    }

    private List<String> suggestions(List<Tally> batch) {
        List<String> followed = new ArrayList<>();
        for (Tally t : batch) {
            if (t instanceof SuggestionShown s) {
                if (s.matchKey() != null) {
                    // shown again: the earlier showing is no longer the one a prefill follows
                    jdbc.update(FORGET_KEY, s.matchKey());
                }
                jdbc.update(INSERT_SUGGESTION, utc(s.recordedAt()), s.lifeEvent(), s.formId(), s.matchKey(),
                        s.matchUntil() == null ? null : utc(s.matchUntil()));
            } else if (t instanceof SuggestionFollowed f) {
                for (Waiting waiting : jdbc.query(WAITING, (rs, i) -> new Waiting(rs.getLong(1), rs.getString(2)),
                        f.matchKey(), utc(f.at()))) {
                    // another instance may have matched it meanwhile
                    if (jdbc.update(FOLLOWED, utc(f.recordedAt()), waiting.id()) == 1) {
                        followed.add(waiting.lifeEvent());
                    }
                }
            }
        }
        jdbc.update(EXPIRE, utc(clock.instant()));
        return followed;
    }

    void insertSubmission(SubmissionTally s) {
        jdbc.update(INSERT_SUBMISSION, utc(s.recordedAt()), s.formId(), s.formVersion(), s.procedureCode(),
                s.valid() ? "VALID" : "INVALID", s.violations().isEmpty() ? null : String.join(",", s.violations()),
                s.bound(), s.prefilled(), s.kept(), s.changed(), s.afterPrefill(), s.secondsSincePrefill(), s.secondsSinceSignIn());
    }

    List<PrefillCount> prefills(Instant from, Instant until) {
        return jdbc.query("SELECT form_id, MAX(procedure_code), COUNT(*) FROM indicator_prefill "
                        + "WHERE recorded_at >= ? AND recorded_at < ? GROUP BY form_id ORDER BY form_id",
                (rs, i) -> new PrefillCount(rs.getString(1), rs.getString(2), rs.getLong(3)), utc(from), utc(until));
    }

    /** Per life event: the suggestions shown in the period, and of those the ones followed. */
    List<SuggestionCount> suggestions(Instant from, Instant until) {
        return jdbc.query("SELECT life_event, COUNT(*), COUNT(followed_at) FROM indicator_suggestion "
                        + "WHERE recorded_at >= ? AND recorded_at < ? GROUP BY life_event ORDER BY life_event",
                (rs, i) -> new SuggestionCount(rs.getString(1), rs.getLong(2), rs.getLong(3)), utc(from), utc(until));
    }

    /** Per source, per status: the number of reads in the period. */
    Map<String, Map<String, Long>> reads(Instant from, Instant until) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        jdbc.query("SELECT source, status, SUM(reads) FROM indicator_source_read "
                        + "WHERE recorded_at >= ? AND recorded_at < ? GROUP BY source, status ORDER BY source, status",
                (ResultSet rs) -> {
                    out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3));
                }, utc(from), utc(until));
        return out;
    }

    List<SubmissionTally> submissions(Instant from, Instant until) {
        return jdbc.query("SELECT recorded_at, form_id, form_version, procedure_code, outcome, violations, bound, prefilled, "
                        + "kept, changed, after_prefill, seconds_since_prefill, seconds_since_sign_in FROM indicator_submission "
                        + "WHERE recorded_at >= ? AND recorded_at < ? ORDER BY id",
                IndicatorStore::submission, utc(from), utc(until));
    }

    private static SubmissionTally submission(ResultSet rs, int row) throws SQLException {
        String violations = rs.getString(6);
        Set<String> kinds = violations == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(violations.split(",")));
        return new SubmissionTally(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2), rs.getString(3),
                rs.getString(4), "VALID".equals(rs.getString(5)), kinds, rs.getInt(7), rs.getInt(8), rs.getInt(9),
                rs.getInt(10), rs.getBoolean(11), (Long) rs.getObject(12, Long.class), (Long) rs.getObject(13, Long.class));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
