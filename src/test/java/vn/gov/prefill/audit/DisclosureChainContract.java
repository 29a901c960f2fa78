package vn.gov.prefill.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The chain's guarantees, run against each database the log supports (H2 here, PostgreSQL in
 * {@code AuditPostgresIT}): each test gets an empty, freshly migrated schema.
 */
public abstract class DisclosureChainContract {

    static final String HOA = "027190001234";
    static final String BINH = "027088004321";
    static final String MAI = "027162000222";

    HikariDataSource dataSource;
    JdbcDisclosureLog log;
    ChainVerifier verifier;
    JdbcTemplate sql;

    /** A new, empty database (or schema) for one test. */
    protected abstract HikariDataSource newDataSource();

    /** Drops what {@link #newDataSource()} created, once the test's pool is closed. */
    protected void dispose(HikariDataSource dataSource) { }

    @BeforeEach
    void migrate() {
        dataSource = newDataSource();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        log = new JdbcDisclosureLog(dataSource);
        verifier = new ChainVerifier(dataSource);
        sql = new JdbcTemplate(dataSource);
    }

    @AfterEach
    void close() {
        log.destroy();
        dataSource.close();
        dispose(dataSource);
    }

    static Disclosure disclosure(String requestId, String actor, String subject, String role) {
        return new Disclosure(requestId, Instant.now(), "efill-portal", actor, subject, role, null,
                "criminal-record-request", "2026.1", "2.000488", null, Map.of("population", "OK"),
                List.of("/" + role + "/fullName", "/" + role + "/dateOfBirth"));
    }

    /** One prefill by Hoa: herself, her spouse, her mother. */
    static List<Disclosure> prefill(String requestId) {
        return List.of(disclosure(requestId, HOA, HOA, "self"), disclosure(requestId, HOA, BINH, "spouse"),
                disclosure(requestId, HOA, MAI, "mother"));
    }

    /** Four prefills: twelve records. */
    void appendTwelve() {
        for (int i = 1; i <= 4; i++) {
            log.record(prefill("REQ" + i));
        }
    }

    ChainReport verify() {
        return verifier.verify();
    }

    List<Long> seqs() {
        return sql.queryForList("SELECT seq FROM disclosure ORDER BY seq", Long.class);
    }

    @Test
    void anEmptyLogIsValid() {
        ChainReport report = verify();

        assertThat(report.valid()).isTrue();
        assertThat(report.records()).isZero();
        assertThat(report.headSeq()).isZero();
        assertThat(report.headHash()).isEqualTo(DisclosureHash.GENESIS);
    }

    @Test
    void appendedRecordsFormAValidChainWithConsecutiveSeqs() {
        appendTwelve();

        ChainReport report = verify();

        assertThat(report.valid()).as(report.reason()).isTrue();
        assertThat(report.records()).isEqualTo(12);
        assertThat(report.firstBrokenSeq()).isNull();
        assertThat(seqs()).containsExactlyElementsOf(LongStream.rangeClosed(1, 12).boxed().toList());
        assertThat(sql.queryForObject("SELECT prev_hash FROM disclosure WHERE seq = 1", String.class)).isEqualTo(DisclosureHash.GENESIS);
        assertThat(sql.queryForObject("SELECT prev_hash FROM disclosure WHERE seq = 7", String.class))
                .isEqualTo(sql.queryForObject("SELECT hash FROM disclosure WHERE seq = 6", String.class));
        assertThat(report.headSeq()).isEqualTo(12);
        assertThat(report.headHash()).isEqualTo(sql.queryForObject("SELECT hash FROM disclosure WHERE seq = 12", String.class));
    }

    @Test
    void theStoredRecordHoldsWhatWasDisclosedInCanonicalForm() {
        Instant at = Instant.parse("2026-03-01T02:03:04.123456789Z");
        log.record(List.of(new Disclosure("REQ", at, "efill-portal", BINH, "0100233488", "enterprise", "ENTERPRISE",
                "enterprise-change-notice", "2026.1", "1.010027", List.of("business", "population"),
                Map.of("population", "TIMEOUT", "business", "OK"), List.of("/enterprise/name", "/enterprise/code"))));

        LoggedDisclosure row = sql.queryForObject("SELECT " + LoggedDisclosure.COLUMNS + " FROM disclosure", LoggedDisclosure.ROW);

        assertThat(row.recordedAt()).as("truncated to microseconds, round-trips equal").isEqualTo(Instant.parse("2026-03-01T02:03:04.123456Z"));
        assertThat(row.actorId()).isEqualTo(BINH);
        assertThat(row.subjectId()).isEqualTo("0100233488");
        assertThat(row.actingFor()).isEqualTo("ENTERPRISE");
        assertThat(row.sources()).isEqualTo("{\"business\":\"OK\",\"population\":\"TIMEOUT\"}");
        assertThat(row.releasedPointers()).isEqualTo("[\"/enterprise/name\",\"/enterprise/code\"]");
        assertThat(row.consentedSources()).isEqualTo("[\"business\",\"population\"]");
        assertThat(row.hash()).isEqualTo(DisclosureHash.of(row)).matches("[0-9a-f]{64}");
        assertThat(verify().valid()).isTrue();
    }

    @Test
    void noConsentLimitIsStoredAsNullAndAnEmptyOneAsAnEmptyList() {
        Disclosure unlimited = disclosure("REQ1", HOA, HOA, "self");
        Disclosure none = new Disclosure("REQ2", Instant.now(), null, HOA, HOA, "self", null, "criminal-record-request",
                null, null, List.of(), Map.of(), List.of());
        log.record(List.of(unlimited, none));

        assertThat(sql.queryForList("SELECT consented_sources FROM disclosure ORDER BY seq", String.class))
                .containsExactly(null, "[]");
        assertThat(verify().valid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"request_id = 'FORGED'", "client = 'other-portal'", "client = NULL", "actor_id = '027088004321'",
            "subject_id = '001099009999'", "subject_role = 'father'", "acting_for = 'CHILD'", "form_id = 'residence-change'",
            "form_version = '2025.9'", "procedure_code = '1.000001'", "consented_sources = '[\"population\"]'",
            "sources = '{\"population\":\"NOT_FOUND\"}'", "released_pointers = '[]'",
            "recorded_at = TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+00'", "hash = '" + "ab" + "0000000000000000000000000000000000000000000000000000000000ab'"})
    void alteringAnyColumnOfARecordIsDetectedAtThatRecord(String change) {
        appendTwelve();

        assertThat(sql.update("UPDATE disclosure SET " + change + " WHERE seq = 5")).isEqualTo(1);
        ChainReport report = verify();

        assertThat(report.valid()).isFalse();
        assertThat(report.firstBrokenSeq()).isEqualTo(5);
        assertThat(report.reason()).contains("record 5").contains("altered");
        assertThat(report.records()).isEqualTo(12);
    }

    @Test
    void anAlteredRecordWhoseHashWasRecomputedBreaksTheNextLink() {
        appendTwelve();
        LoggedDisclosure row = sql.queryForObject("SELECT " + LoggedDisclosure.COLUMNS + " FROM disclosure WHERE seq = 4",
                LoggedDisclosure.ROW);
        LoggedDisclosure forged = new LoggedDisclosure(row.seq(), row.recordedAt(), row.requestId(), row.client(), row.actorId(),
                row.subjectId(), row.subjectRole(), row.actingFor(), row.formId(), row.formVersion(), row.procedureCode(),
                row.consentedSources(), row.sources(), "[]", row.prevHash(), null);
        sql.update("UPDATE disclosure SET released_pointers = '[]', hash = ? WHERE seq = 4", DisclosureHash.of(forged));

        ChainReport report = verify();

        assertThat(report.valid()).isFalse();
        assertThat(report.firstBrokenSeq()).isEqualTo(5);
        assertThat(report.reason()).contains("prev_hash");
    }

    @Test
    void aDeletedRecordInTheMiddleIsDetected() {
        appendTwelve();

        sql.update("DELETE FROM disclosure WHERE seq = 6");
        ChainReport report = verify();

        assertThat(report.valid()).isFalse();
        assertThat(report.firstBrokenSeq()).isEqualTo(6);
        assertThat(report.reason()).contains("record 6 is missing").contains("deleted");
    }

    @Test
    void aDeletedFirstRecordIsDetected() {
        appendTwelve();

        sql.update("DELETE FROM disclosure WHERE seq = 1");
        ChainReport report = verify();

        assertThat(report.valid()).isFalse();
        assertThat(report.firstBrokenSeq()).isEqualTo(1);
    }

    @Test
    void aDeletedRecordWhoseSuccessorsWereRenumberedIsDetected() {
        appendTwelve();

        sql.update("DELETE FROM disclosure WHERE seq = 6");
        for (long seq = 7; seq <= 12; seq++) {
            sql.update("UPDATE disclosure SET seq = ? WHERE seq = ?", seq - 1, seq);
        }
        sql.update("UPDATE disclosure_chain_head SET seq = 11, hash = (SELECT hash FROM disclosure WHERE seq = 11)");
        ChainReport report = verify();

        assertThat(report.valid()).isFalse();
        assertThat(report.firstBrokenSeq()).isEqualTo(6);
        assertThat(report.reason()).contains("prev_hash");
    }

    @Test
    void twoRecordsWithSwappedContentsAreDetected() {
        appendTwelve();
        String columns = LoggedDisclosure.COLUMNS.replace("seq, ", "");
        sql.execute("CREATE TABLE swap AS SELECT * FROM disclosure WHERE seq IN (3, 8)");

        sql.update("DELETE FROM disclosure WHERE seq IN (3, 8)");
        sql.update("INSERT INTO disclosure (seq, " + columns + ") SELECT 11 - seq, " + columns + " FROM swap");
        ChainReport report = verify();

        assertThat(seqs()).hasSize(12);
        assertThat(report.valid()).isFalse();
        assertThat(report.firstBrokenSeq()).isEqualTo(3);
        assertThat(report.reason()).contains("record 3");
    }

    @Test
    void twoRecordsSwappedWithoutTheirHashesAreDetected() {
        appendTwelve();
        String payload = "recorded_at, request_id, client, actor_id, subject_id, subject_role, acting_for, form_id, "
                + "form_version, procedure_code, consented_sources, sources, released_pointers";
        sql.execute("CREATE TABLE swap AS SELECT seq, " + payload + " FROM disclosure WHERE seq IN (2, 4)");

        for (String column : payload.split(", ")) {
            sql.update("UPDATE disclosure SET " + column + " = (SELECT s." + column + " FROM swap s WHERE s.seq = 6 - disclosure.seq) "
                    + "WHERE seq IN (2, 4)");
        }
        ChainReport report = verify();

        assertThat(sql.queryForObject("SELECT subject_role FROM disclosure WHERE seq = 2", String.class)).isEqualTo("self");
        assertThat(report.valid()).isFalse();
        assertThat(report.firstBrokenSeq()).isEqualTo(2);
        assertThat(report.reason()).contains("altered");
    }

    @Test
    void aDeletedLastRecordIsDetectedByTheChainHead() {
        appendTwelve();

        sql.update("DELETE FROM disclosure WHERE seq = 12");
        ChainReport report = verify();

        assertThat(report.valid()).isFalse();
        assertThat(report.firstBrokenSeq()).isEqualTo(12);
        assertThat(report.reason()).contains("ends at record 11").contains("deleted");
    }

    @Test
    void anEmptiedLogIsDetectedByTheChainHead() {
        appendTwelve();

        sql.update("DELETE FROM disclosure");
        ChainReport report = verify();

        assertThat(report.valid()).isFalse();
        assertThat(report.firstBrokenSeq()).isEqualTo(1);
    }

    @Test
    void aReplacedLastRecordIsDetectedByTheChainHead() {
        appendTwelve();
        LoggedDisclosure row = sql.queryForObject("SELECT " + LoggedDisclosure.COLUMNS + " FROM disclosure WHERE seq = 12",
                LoggedDisclosure.ROW);
        LoggedDisclosure forged = new LoggedDisclosure(row.seq(), row.recordedAt(), row.requestId(), row.client(), row.actorId(),
                row.subjectId(), row.subjectRole(), row.actingFor(), row.formId(), row.formVersion(), row.procedureCode(),
                row.consentedSources(), row.sources(), "[]", row.prevHash(), null);
        sql.update("UPDATE disclosure SET released_pointers = '[]', hash = ? WHERE seq = 12", DisclosureHash.of(forged));

        ChainReport report = verify();

        assertThat(report.valid()).isFalse();
        assertThat(report.firstBrokenSeq()).isEqualTo(12);
        assertThat(report.reason()).contains("chain head");
    }

    @Test
    void appendsGoOnFromTheHeadAfterARestart() {
        log.record(prefill("REQ1"));
        JdbcDisclosureLog restarted = new JdbcDisclosureLog(dataSource);

        restarted.record(prefill("REQ2"));

        assertThat(seqs()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(verify().valid()).isTrue();
    }

    @Test
    void aFailedAppendWritesNothingOfThePrefillAndLeavesTheChainValid() {
        appendTwelve();
        List<Disclosure> tooLong = new ArrayList<>(prefill("REQ5"));
        tooLong.set(2, disclosure("REQ5", HOA, "9".repeat(40), "mother"));

        assertThatThrownBy(() -> log.record(tooLong)).isInstanceOf(AuditUnavailableException.class);

        assertThat(seqs()).hasSize(12);
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM disclosure WHERE request_id = 'REQ5'", Long.class)).isZero();
        assertThat(verify().valid()).isTrue();
        log.record(prefill("REQ6"));
        assertThat(seqs()).hasSize(15);
        assertThat(verify().valid()).isTrue();
    }

    @Test
    void aMissingTableMakesTheLogUnavailable() {
        sql.execute("DROP TABLE disclosure");

        assertThatThrownBy(() -> log.record(prefill("REQ1"))).isInstanceOf(AuditUnavailableException.class);
    }

    @Test
    void sixteenThreadsAppendingAtOnceKeepOneChainWithConsecutiveSeqs() throws Exception {
        int threads = 16;
        int prefillsEach = 20;
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        JdbcDisclosureLog grouped = new JdbcDisclosureLog(dataSource, meters);
        appendConcurrently(Collections.nCopies(threads, grouped), prefillsEach);

        ChainReport report = verify();

        assertThat(report.valid()).as(report.reason()).isTrue();
        assertThat(report.records()).isEqualTo(threads * prefillsEach * 3L);
        assertThat(seqs()).containsExactlyElementsOf(LongStream.rangeClosed(1, threads * prefillsEach * 3L).boxed().toList());
        // the three records of one prefill are consecutive: never split between transactions
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM (SELECT request_id FROM disclosure GROUP BY request_id "
                + "HAVING MAX(seq) - MIN(seq) <> 2) spread", Long.class)).isZero();
        // group commit: prefills waiting while a transaction is written share the next one
        DistributionSummary perTransaction = meters.get("gateway.audit.append.prefills").summary();
        assertThat(perTransaction.totalAmount()).isEqualTo(threads * prefillsEach);
        assertThat(perTransaction.count()).as("transactions for %d prefills", threads * prefillsEach).isLessThan(threads * prefillsEach);
        assertThat(perTransaction.max()).isGreaterThan(1);
        grouped.destroy();
    }

    @Test
    void twoGatewayInstancesSharingTheDatabaseNeverForkTheChain() throws Exception {
        JdbcDisclosureLog other = new JdbcDisclosureLog(dataSource);
        List<JdbcDisclosureLog> logs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            logs.add(log);
            logs.add(other);
        }
        appendConcurrently(logs, 15);

        ChainReport report = verify();

        assertThat(report.valid()).as(report.reason()).isTrue();
        assertThat(report.records()).isEqualTo(16 * 15 * 3L);
        assertThat(seqs()).containsExactlyElementsOf(LongStream.rangeClosed(1, 16 * 15 * 3L).boxed().toList());
    }

    private static void appendConcurrently(List<JdbcDisclosureLog> logs, int prefillsEach) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(logs.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < logs.size(); t++) {
                JdbcDisclosureLog target = logs.get(t);
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < prefillsEach; i++) {
                        target.record(prefill("T" + thread + "R" + i));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
