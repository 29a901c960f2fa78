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
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The indicator tables of V3__indicators.sql, V4__suggestion_indicators.sql and V11__journey_indicators.sql, in the
 * disclosure log's database (H2 or PostgreSQL).
 */
@Component
class IndicatorStore {

    private static final String INSERT_PREFILL = "INSERT INTO indicator_prefill (recorded_at, form_id, form_version, "
            + "procedure_code, outcome, bound, prefilled, failed, declared_prefilled, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
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

    private static final String INSERT_JOURNEY = "INSERT INTO indicator_dossier (dossier_id, form_id, procedure_code, channel, "
            + "unit, filed_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    private static final String DELIVERED = "UPDATE indicator_dossier SET delivered_at = ? WHERE dossier_id = ? AND delivered_at IS NULL";
    private static final String RESULT = "UPDATE indicator_dossier SET result_at = ? WHERE dossier_id = ? AND result_at IS NULL";
    private static final String INSERT_FILED = "INSERT INTO indicator_dossier (dossier_id, form_id, procedure_code, channel, "
            + "unit, filed_at, attachments_by_reference, attachments_filed, filer_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT DO NOTHING";
    private static final String INSERT_FAILURE = "INSERT INTO indicator_dossier_failure (dossier_id, failed_at) VALUES (?, ?) "
            + "ON CONFLICT DO NOTHING";
    private static final String JOURNEYS = "SELECT d.dossier_id, d.form_id, d.procedure_code, d.channel, d.unit, d.filed_at, "
            + "d.delivered_at, d.result_at, d.attachments_by_reference, d.attachments_filed, d.filer_key, "
            + "CASE WHEN EXISTS (SELECT 1 FROM indicator_rating r WHERE r.dossier_id = d.dossier_id) THEN 1 ELSE 0 END "
            + "FROM indicator_dossier d WHERE (d.filed_at >= ? AND d.filed_at < ?) "
            + "OR (d.delivered_at >= ? AND d.delivered_at < ?) OR (d.result_at >= ? AND d.result_at < ?) "
            + "OR EXISTS (SELECT 1 FROM indicator_dossier_failure f WHERE f.dossier_id = d.dossier_id AND f.failed_at >= ? AND f.failed_at < ?) "
            + "ORDER BY d.dossier_id";
    private static final String FAILURES = "SELECT dossier_id, failed_at FROM indicator_dossier_failure WHERE failed_at >= ? AND failed_at < ?";
    /** Of the people who filed at a desk in the period, the last time each filed online, whenever that was. */
    private static final String LAST_ONLINE = "SELECT o.filer_key, MAX(o.filed_at) FROM indicator_dossier o WHERE o.channel = 'ONLINE' "
            + "AND o.filer_key IN (SELECT d.filer_key FROM indicator_dossier d WHERE d.channel = 'DESK' AND d.filed_at >= ? "
            + "AND d.filed_at < ? AND d.filer_key IS NOT NULL) GROUP BY o.filer_key";

    /** Prefills of one form in a period, and the fields they prefilled from declared values. */
    record PrefillCount(String formId, String procedureCode, long prefills, long declaredPrefilled) {

        PrefillCount(String formId, String procedureCode, long prefills) {
            this(formId, procedureCode, prefills, 0);
        }
    }

    /** Suggestions of one life event shown in a period, and how many of them were followed. */
    record SuggestionCount(String lifeEvent, long shown, long followed) { }

    private record Waiting(long id, String lifeEvent) { }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    /** Inside a dossier's own transaction, a savepoint: what goes wrong here is undone alone. */
    private final TransactionTemplate savepoint;
    private final Clock clock;

    IndicatorStore(DataSource dataSource, Clock clock) {
        this.clock = clock;
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout(10);
        DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
        this.transactions = new TransactionTemplate(manager);
        this.savepoint = new TransactionTemplate(manager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
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
                        p.bound(), p.prefilled(), p.failed(), p.declaredPrefilled(), (int) Math.min(Integer.MAX_VALUE, p.durationMs())});
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

    /**
     * A step of a dossier's journey: its row made if it has none yet (the first step told may be a later one,
     * for a dossier filed before the table existed), then the step's time kept if it is the first of its kind.
     * Written in the dossier's transaction when it has one (the step counts if and only if the move commits),
     * under a savepoint so that a failure here (thrown as a DataAccessException) leaves the move to
     * commit without it; a row or failure already there is no error.
     */
    void insertJourney(JourneyStep s) {
        savepoint.executeWithoutResult(tx -> journeyStep(s));
    }

    private void journeyStep(JourneyStep s) {
        JourneyStep.Filing f = s.filing();
        if (f != null) {
            // the filing itself: its row with its attachments and filer, one statement
            jdbc.update(INSERT_FILED, s.dossierId(), s.formId(), s.procedureCode(), s.channel(), s.unit(), utc(s.filedAt()),
                    f.byReference(), f.slots(), f.filerKey());
        } else {
            jdbc.update(INSERT_JOURNEY, s.dossierId(), s.formId(), s.procedureCode(), s.channel(), s.unit(), utc(s.filedAt()));
        }
        switch (s.step()) {
            case FILED -> { }
            case DELIVERED -> jdbc.update(DELIVERED, utc(s.at()), s.dossierId());
            case RESULT_READY -> {
                // a result handed over without news of it being ready is ready all the same, and was delivered
                jdbc.update(DELIVERED, utc(s.at()), s.dossierId());
                jdbc.update(RESULT, utc(s.at()), s.dossierId());
            }
            case DELIVERY_FAILED -> jdbc.update(INSERT_FAILURE, s.dossierId(), utc(s.at()));
        }
    }

    /** The journeys of the dossiers filed, delivered, failed or with a result in the period; their failures within it. */
    List<Journey> journeys(Instant from, Instant until) {
        OffsetDateTime start = utc(from);
        OffsetDateTime end = utc(until);
        Map<String, List<Instant>> failures = new LinkedHashMap<>();
        jdbc.query(FAILURES, (ResultSet rs) -> {
            failures.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(instant(rs, 2));
        }, start, end);
        return jdbc.query(JOURNEYS, (rs, i) -> new Journey(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        instant(rs, 6), instant(rs, 7), instant(rs, 8), failures.getOrDefault(rs.getString(1), List.of()), rs.getInt(9), rs.getInt(10),
                        rs.getString(11), rs.getInt(12) == 1),
                start, end, start, end, start, end, start, end);
    }

    /** The people helped at a desk in [from, until) (by their keyed HMAC) who filed online at some time: when they last did. */
    Map<String, Instant> lastOnline(Instant from, Instant until) {
        Map<String, Instant> out = new LinkedHashMap<>();
        jdbc.query(LAST_ONLINE, (ResultSet rs) -> {
            out.put(rs.getString(1), instant(rs, 2));
        }, utc(from), utc(until));
        return out;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    List<PrefillCount> prefills(Instant from, Instant until) {
        return jdbc.query("SELECT form_id, MAX(procedure_code), COUNT(*), SUM(declared_prefilled) FROM indicator_prefill "
                        + "WHERE recorded_at >= ? AND recorded_at < ? GROUP BY form_id ORDER BY form_id",
                (rs, i) -> new PrefillCount(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)), utc(from), utc(until));
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
