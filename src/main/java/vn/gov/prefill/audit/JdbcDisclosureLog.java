package vn.gov.prefill.audit;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import javax.sql.DataSource;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.IncorrectUpdateSemanticsDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The disclosure log in a relational database (H2 or PostgreSQL, schema by Flyway). Concurrent
 * prefills' records are written together by one writer ({@link GroupCommit}); each transaction locks
 * the {@code disclosure_chain_head} row ({@code SELECT … FOR UPDATE}), so gateway instances sharing one
 * database take turns and never fork the chain. A failure of any kind becomes
 * {@link AuditUnavailableException}: fail closed.
 */
@Component
class JdbcDisclosureLog implements DisclosureLog, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JdbcDisclosureLog.class);
    /** The longest a statement, or the wait for the chain head, may take before the prefill is refused. */
    static final int TIMEOUT_SECONDS = 5;

    private static final String INSERT = "INSERT INTO disclosure (" + LoggedDisclosure.COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The most records one transaction takes: bounds a batch's statement and its time holding the chain head. */
    static final int MAX_BATCH_RECORDS = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final GroupCommit commits;
    private final Timer appendedOk;
    private final Timer appendFailed;
    private static final Duration[] APPEND_BUCKETS = LongStream.of(1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 5000)
            .mapToObj(Duration::ofMillis).toArray(Duration[]::new);

    JdbcDisclosureLog(DataSource dataSource) {
        this(dataSource, new SimpleMeterRegistry());
    }

    @Autowired
    JdbcDisclosureLog(DataSource dataSource, MeterRegistry meters) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout(TIMEOUT_SECONDS);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.appendedOk = appendTimer(meters, "ok");
        this.appendFailed = appendTimer(meters, "failed");
        DistributionSummary records = DistributionSummary.builder("gateway.audit.append.batch")
                .description("Records per transaction of the disclosure log (group commit)").baseUnit("records").register(meters);
        DistributionSummary prefills = DistributionSummary.builder("gateway.audit.append.prefills")
                .description("Prefills whose records went in one transaction of the disclosure log").register(meters);
        this.commits = new GroupCommit(this::transaction, MAX_BATCH_RECORDS, (n, r) -> {
            prefills.record(n);
            records.record(r);
        });
    }

    private static Timer appendTimer(MeterRegistry meters, String outcome) {
        return Timer.builder("gateway.audit.append.duration").description("Appends to the disclosure log, the wait for the batch included")
                .tag("outcome", outcome).serviceLevelObjectives(APPEND_BUCKETS).register(meters);
    }

    @Override
    public void destroy() {
        commits.close(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
    }

    @Override
    public void record(List<Disclosure> disclosures, long deadlineNanos) {
        if (disclosures.isEmpty()) {
            return;
        }
        List<LoggedDisclosure> unchained = new ArrayList<>(disclosures.size());
        for (Disclosure d : disclosures) {
            unchained.add(unchained(d));
        }
        long started = System.nanoTime();
        long wait = Math.min(TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS),
                Math.max(deadlineNanos - started, TimeUnit.MILLISECONDS.toNanos(LEAST_WAIT_MS)));
        boolean ok = false;
        try {
            commits.append(unchained, wait);
            ok = true;
        } finally {
            (ok ? appendedOk : appendFailed).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    /** One transaction: the records chained after the head, the head moved past them. */
    private long transaction(List<LoggedDisclosure> unchained) {
        try {
            Long head = transactions.execute(status -> append(unchained));
            log.debug("disclosure log: {} record(s) appended, head at seq {}", unchained.size(), head);
            return head == null ? 0 : head;
        } catch (DataAccessException | TransactionException e) {
            // the exception's class and SQL state only: a driver's message may quote a value
            log.error("disclosure log unavailable: {}{}", e.getClass().getSimpleName(), sqlState(e));
            throw new AuditUnavailableException("the disclosure log could not be written", e);
        }
    }

    private long append(List<LoggedDisclosure> unchained) {
        ChainHead head = jdbc.queryForObject("SELECT seq, hash FROM disclosure_chain_head WHERE id = 1 FOR UPDATE",
                ChainHead.ROW);
        long seq = head.seq();
        String previous = head.hash();
        List<LoggedDisclosure> chained = new ArrayList<>(unchained.size());
        for (LoggedDisclosure d : unchained) {
            seq++;
            LoggedDisclosure link = new LoggedDisclosure(seq, d.recordedAt(), d.requestId(), d.client(), d.actorId(),
                    d.subjectId(), d.subjectRole(), d.actingFor(), d.formId(), d.formVersion(), d.procedureCode(),
                    d.consentedSources(), d.sources(), d.releasedPointers(), previous, null, d.desk());
            link = link.withHash(DisclosureHash.of(link));
            chained.add(link);
            previous = link.hash();
        }
        jdbc.batchUpdate(INSERT, chained, chained.size(), JdbcDisclosureLog::bind);
        int moved = jdbc.update("UPDATE disclosure_chain_head SET seq = ?, hash = ? WHERE id = 1", seq, previous);
        if (moved != 1) {
            throw new IncorrectUpdateSemanticsDataAccessException("the chain head row is missing");
        }
        return seq;
    }

    private static void bind(PreparedStatement ps, LoggedDisclosure d) throws SQLException {
        ps.setLong(1, d.seq());
        ps.setObject(2, OffsetDateTime.ofInstant(d.recordedAt(), ZoneOffset.UTC));
        ps.setString(3, d.requestId());
        ps.setString(4, d.client());
        ps.setString(5, d.actorId());
        ps.setString(6, d.subjectId());
        ps.setString(7, d.subjectRole());
        ps.setString(8, d.actingFor());
        ps.setString(9, d.formId());
        ps.setString(10, d.formVersion());
        ps.setString(11, d.procedureCode());
        ps.setString(12, d.consentedSources());
        ps.setString(13, d.sources());
        ps.setString(14, d.releasedPointers());
        ps.setString(15, d.prevHash());
        ps.setString(16, d.hash());
        ps.setString(17, d.desk());
    }

    /** A disclosure as it will be stored, before it is given its place in the chain. */
    static LoggedDisclosure unchained(Disclosure d) {
        Objects.requireNonNull(d.requestId(), "requestId");
        Objects.requireNonNull(d.actorId(), "actorId");
        Objects.requireNonNull(d.subjectId(), "subjectId");
        Objects.requireNonNull(d.subjectRole(), "subjectRole");
        Objects.requireNonNull(d.formId(), "formId");
        Instant at = DisclosureHash.truncate(d.at() == null ? Instant.now() : d.at());
        return new LoggedDisclosure(0, at, d.requestId(), d.client(), d.actorId(), d.subjectId(), d.subjectRole(),
                d.actingFor(), d.formId(), d.formVersion(), d.procedureCode(),
                d.consentedSources() == null ? null : CanonicalJson.write(d.consentedSources().stream().sorted().toList()),
                CanonicalJson.write(d.sources() == null ? Map.of() : d.sources()),
                CanonicalJson.write(d.releasedPointers() == null ? List.of() : List.copyOf(d.releasedPointers())),
                null, null, d.desk() == null ? null : CanonicalJson.write(deskOf(d.desk())));
    }

    /** The desk as the log keeps it: the officer's and the unit's codes, and the unit's name when known. */
    private static Map<String, String> deskOf(vn.gov.prefill.identity.Desk desk) {
        Map<String, String> out = new java.util.TreeMap<>();
        out.put("officer", desk.officer());
        out.put("unit", desk.unit());
        if (desk.unitName() != null) {
            out.put("unitName", desk.unitName());
        }
        return out;
    }

    /** The records about one subject, newest first. */
    List<LoggedDisclosure> about(String subjectId, long offset, int limit) {
        return jdbc.query("SELECT " + LoggedDisclosure.COLUMNS + " FROM disclosure WHERE subject_id = ? "
                + "ORDER BY seq DESC LIMIT ? OFFSET ?", LoggedDisclosure.ROW, subjectId, limit, offset);
    }

    long countAbout(String subjectId) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM disclosure WHERE subject_id = ?", Long.class, subjectId);
        return n == null ? 0 : n;
    }

    private static String sqlState(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return " (SQL state " + sql.getSQLState() + ")";
            }
        }
        return "";
    }
}
