package vn.gov.prefill.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

import vn.gov.prefill.config.StartupCheckException;

/**
 * Checkpoints of the chain head outside the database: someone who can write the database rewrites
 * a record and recomputes every later hash and the head. Link by link the chain is valid again; the
 * checkpoints signed before the rewrite tell.
 */
class ChainCheckpointsTest {

    static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @TempDir
    Path directory;

    HikariDataSource dataSource;
    JdbcDisclosureLog log;
    JdbcTemplate sql;
    Checkpoints checkpoints;

    @BeforeEach
    void migrate() {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:mem:checkpoints-" + UUID.randomUUID() + ";MODE=PostgreSQL");
        dataSource.setUsername("sa");
        dataSource.setPassword("");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        log = new JdbcDisclosureLog(dataSource);
        sql = new JdbcTemplate(dataSource);
        checkpoints = new Checkpoints(directory, new CheckpointKey(KEY));
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    void prefills(int n) {
        for (int i = 0; i < n; i++) {
            log.record(DisclosureChainContract.prefill("REQ" + UUID.randomUUID()));
        }
    }

    CheckpointWriter writer(String node, long records) {
        return new CheckpointWriter(dataSource, checkpoints, node, Duration.ofHours(1), records);
    }

    /** Changes record {@code seq}, then recomputes its hash, every later link and the head: a consistent forgery. */
    void rewriteFrom(long seq) {
        sql.update("UPDATE disclosure SET released_pointers = '[]' WHERE seq = ?", seq);
        String previous = sql.queryForObject("SELECT prev_hash FROM disclosure WHERE seq = ?", String.class, seq);
        List<LoggedDisclosure> rows = sql.query("SELECT " + LoggedDisclosure.COLUMNS + " FROM disclosure WHERE seq >= ? ORDER BY seq",
                LoggedDisclosure.ROW, seq);
        long last = 0;
        for (LoggedDisclosure r : rows) {
            LoggedDisclosure relinked = new LoggedDisclosure(r.seq(), r.recordedAt(), r.requestId(), r.client(), r.actorId(),
                    r.subjectId(), r.subjectRole(), r.actingFor(), r.formId(), r.formVersion(), r.procedureCode(),
                    r.consentedSources(), r.sources(), r.releasedPointers(), previous, null);
            previous = DisclosureHash.of(relinked);
            sql.update("UPDATE disclosure SET prev_hash = ?, hash = ? WHERE seq = ?", relinked.prevHash(), previous, r.seq());
            last = r.seq();
        }
        sql.update("UPDATE disclosure_chain_head SET hash = ? WHERE id = 1 AND seq = ?", previous, last);
    }

    @Test
    void aRewriteWithEveryLaterHashAndTheHeadRecomputedIsCaughtByTheCheckpoints() {
        CheckpointWriter writer = writer("node-a", 6);
        prefills(2);
        assertThat(writer.tick()).as("6 records: a checkpoint is due").isNotNull();
        prefills(2);
        assertThat(writer.tick().seq()).isEqualTo(12);

        rewriteFrom(8);

        ChainReport recomputed = new ChainVerifier(dataSource).verify();
        assertThat(recomputed.valid()).as("without checkpoints the forgery is invisible: %s", recomputed).isTrue();
        ChainReport report = new ChainVerifier(dataSource, checkpoints).verify();
        assertThat(report.valid()).isFalse();
        assertThat(report.checkpoints()).isEqualTo(2);
        assertThat(report.firstBrokenSeq()).as("after the checkpoint at 6, which still matches").isEqualTo(7);
        assertThat(report.reason()).contains("record 12").contains("node-a-00000000000000000012.jws").contains("rewritten after record 6");
    }

    @Test
    void anUntouchedChainPassesEveryCheckpointOfEveryNode() {
        CheckpointWriter a = writer("node-a", 3);
        CheckpointWriter b = writer("node-b", 3);
        prefills(1);
        a.tick();
        prefills(1);
        b.tick();
        a.tick();
        prefills(1);
        assertThat(b.tick()).isNotNull();
        assertThat(b.tick()).as("nothing appended since").isNull();

        ChainReport report = new ChainVerifier(dataSource, checkpoints).verify();

        assertThat(report.valid()).as(report.toString()).isTrue();
        assertThat(report.checkpoints()).isEqualTo(4);
        assertThat(directory.resolve("node-a-00000000000000000003.jws")).exists();
        assertThat(directory.resolve("node-b-00000000000000000009.jws")).exists();
    }

    @Test
    void aChainCutAndRebuiltShorterIsCaught() {
        CheckpointWriter writer = writer("node-a", 1);
        prefills(3);
        writer.tick();
        sql.update("DELETE FROM disclosure WHERE seq > 6");
        String hash6 = sql.queryForObject("SELECT hash FROM disclosure WHERE seq = 6", String.class);
        sql.update("UPDATE disclosure_chain_head SET seq = 6, hash = ? WHERE id = 1", hash6);

        assertThat(new ChainVerifier(dataSource).verify().valid()).isTrue();
        ChainReport report = new ChainVerifier(dataSource, checkpoints).verify();
        assertThat(report.valid()).isFalse();
        assertThat(report.reason()).contains("saw record 9").contains("chain head is at 6");
    }

    @Test
    void aCheckpointNotSignedWithTheKeyIsReported() throws Exception {
        prefills(1);
        Checkpoints other = new Checkpoints(directory,
                new CheckpointKey(Base64.getEncoder().encodeToString("another key of thirty-two bytes!".getBytes())));
        other.write(Checkpoints.of("intruder", new ChainHead(3, "0".repeat(64))));

        ChainReport report = new ChainVerifier(dataSource, checkpoints).verify();

        assertThat(report.valid()).isFalse();
        assertThat(report.reason()).contains("intruder-00000000000000000003.jws").contains("not signed");
        assertThat(Files.readString(directory.resolve("intruder-00000000000000000003.jws"))).doesNotContain(DisclosureChainContract.HOA);
    }

    @Test
    void theKeyIsRequiredAndLongEnough() {
        assertThatThrownBy(() -> new CheckpointKey("")).isInstanceOf(StartupCheckException.class)
                .hasMessageContaining("gateway.audit.checkpoint.key is required");
        assertThatThrownBy(() -> new CheckpointKey("c2hvcnQ=")).hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> CheckpointConfig.nodeId("a/b")).hasMessageContaining("gateway.audit.node-id");
    }

    @Test
    void sinceTheLastCheckpointOnlyTheRecordsAfterItAreWalked() {
        CheckpointWriter a = writer("node-a", 6);
        CheckpointWriter b = writer("node-b", 6);
        prefills(2);
        a.tick();
        prefills(2);
        b.tick();
        prefills(1);

        ChainReport report = new ChainVerifier(dataSource, checkpoints).verifySinceCheckpoint();

        assertThat(report.valid()).as(report.toString()).isTrue();
        assertThat(report.verifiedFrom()).as("the record after node-b's checkpoint at 12").isEqualTo(13);
        assertThat(report.records()).isEqualTo(3);
        assertThat(report.headSeq()).isEqualTo(15);
        assertThat(new ChainVerifier(dataSource, checkpoints).verify().records()).isEqualTo(15);
    }

    @Test
    void sinceTheLastCheckpointARewriteBeforeItWithEveryHashRecomputedIsCaught() {
        CheckpointWriter writer = writer("node-a", 6);
        prefills(2);
        writer.tick();
        prefills(1);

        rewriteFrom(2);

        ChainReport report = new ChainVerifier(dataSource, checkpoints).verifySinceCheckpoint();
        assertThat(report.valid()).isFalse();
        assertThat(report.firstBrokenSeq()).isEqualTo(6);
        assertThat(report.reason()).contains("record 6's hash is not the one checkpoint node-a-00000000000000000006.jws");
    }

    @Test
    void sinceTheLastCheckpointAnAlteredRecordAfterItOrAtItIsCaught() {
        CheckpointWriter writer = writer("node-a", 6);
        prefills(2);
        writer.tick();
        prefills(1);
        sql.update("UPDATE disclosure SET released_pointers = '[]' WHERE seq = 8");

        ChainReport after = new ChainVerifier(dataSource, checkpoints).verifySinceCheckpoint();
        assertThat(after.valid()).isFalse();
        assertThat(after.firstBrokenSeq()).isEqualTo(8);
        assertThat(after.reason()).contains("record 8's hash does not match its content");

        sql.update("UPDATE disclosure SET released_pointers = '[]' WHERE seq = 6");
        ChainReport at = new ChainVerifier(dataSource, checkpoints).verifySinceCheckpoint();
        assertThat(at.valid()).isFalse();
        assertThat(at.firstBrokenSeq()).isEqualTo(6);
        assertThat(at.reason()).contains("record 6's hash does not match its content");
    }

    @Test
    void sinceTheLastCheckpointAForgedNewestCheckpointFallsBackToTheWholeWalkAndIsReported() throws Exception {
        CheckpointWriter writer = writer("node-a", 3);
        prefills(1);
        writer.tick();
        prefills(1);
        Files.writeString(directory.resolve("node-a-00000000000000000006.jws"), "forged\n");

        ChainReport report = new ChainVerifier(dataSource, checkpoints).verifySinceCheckpoint();
        assertThat(report.valid()).isFalse();
        assertThat(report.verifiedFrom()).isEqualTo(1);
        assertThat(report.reason()).contains("node-a-00000000000000000006.jws").contains("not signed");
    }

    @Test
    void withoutCheckpointsTheWholeLogIsWalked() {
        prefills(2);
        ChainReport report = new ChainVerifier(dataSource).verifySinceCheckpoint();
        assertThat(report.valid()).isTrue();
        assertThat(report.verifiedFrom()).isEqualTo(1);
        assertThat(report.records()).isEqualTo(6);
    }
}
