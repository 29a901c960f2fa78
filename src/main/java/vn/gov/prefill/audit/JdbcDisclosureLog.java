package vn.gov.prefill.audit;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.IncorrectUpdateSemanticsDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The disclosure log in a relational database (H2 or PostgreSQL, schema by Flyway). Appends are
 * serialised twice: by a lock in this JVM, and by the {@code disclosure_chain_head} row, locked with
 * {@code SELECT … FOR UPDATE} in the append's transaction, so gateway instances sharing one database
 * never fork the chain. A failure of any kind becomes {@link AuditUnavailableException}: fail closed.
 */
@Component
class JdbcDisclosureLog implements DisclosureLog {

    private static final Logger log = LoggerFactory.getLogger(JdbcDisclosureLog.class);
    /** The longest a statement, or the wait for the chain head, may take before the prefill is refused. */
    static final int TIMEOUT_SECONDS = 5;

    private static final String INSERT = "INSERT INTO disclosure (" + LoggedDisclosure.COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ReentrantLock appendLock = new ReentrantLock(true);

    private final MeterRegistry meters;
    private static final java.time.Duration[] APPEND_BUCKETS = java.util.stream.LongStream.of(5, 10, 25, 50, 100, 250, 500, 1000, 5000)
            .mapToObj(java.time.Duration::ofMillis).toArray(java.time.Duration[]::new);

    JdbcDisclosureLog(DataSource dataSource) {
        this(dataSource, new SimpleMeterRegistry());
    }

    @Autowired
    JdbcDisclosureLog(DataSource dataSource, MeterRegistry meters) {
        this.meters = meters;
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout(TIMEOUT_SECONDS);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Override
    public void record(List<Disclosure> disclosures) {
        if (disclosures.isEmpty()) {
            return;
        }
        List<LoggedDisclosure> unchained = disclosures.stream().map(JdbcDisclosureLog::unchained).toList();
        long started = System.nanoTime();
        String outcome = "failed";
        try {
            appendInTurn(unchained);
            outcome = "ok";
        } finally {
            Timer.builder("gateway.audit.append.duration").description("Appends to the disclosure log, waiting for the turn included")
                    .tag("outcome", outcome).serviceLevelObjectives(APPEND_BUCKETS).register(meters)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            DistributionSummary.builder("gateway.audit.append.batch").description("Records per append to the disclosure log")
                    .baseUnit("records").register(meters).record(unchained.size());
        }
    }

    private void appendInTurn(List<LoggedDisclosure> unchained) {
        boolean locked;
        try {
            locked = appendLock.tryLock(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailableException("interrupted while waiting to append to the disclosure log", e);
        }
        if (!locked) {
            log.error("disclosure log unavailable: no turn to append within {}s", TIMEOUT_SECONDS);
            throw new AuditUnavailableException("no turn to append to the disclosure log within " + TIMEOUT_SECONDS + "s", null);
        }
        try {
            Long head = transactions.execute(status -> append(unchained));
            log.debug("disclosure log: {} record(s) appended, head at seq {}", unchained.size(), head);
        } catch (DataAccessException | TransactionException e) {
            // the exception's class and SQL state only: a driver's message may quote a value
            log.error("disclosure log unavailable: {}{}", e.getClass().getSimpleName(), sqlState(e));
            throw new AuditUnavailableException("the disclosure log could not be written", e);
        } finally {
            appendLock.unlock();
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
                    d.consentedSources(), d.sources(), d.releasedPointers(), previous, null);
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
                null, null);
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
