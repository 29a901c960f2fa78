package vn.gov.prefill.audit;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

/**
 * For bench/auditchain.sh: appends N synthetic disclosure records to an empty PostgreSQL database through
 * the gateway's own writer (chained, in transactions of {@value JdbcDisclosureLog#MAX_BATCH_RECORDS}), and
 * signs a checkpoint every {@code every} records and at {@code N - tail}, as a node's checkpoint writer
 * would have. Subjects are made-up numbers, no persona's.
 * <p>
 * {@code java -cp … vn.gov.prefill.audit.ChainFiller <jdbc-url> <user> <password> <records> <tail> <every>
 * <checkpoint-dir> <checkpoint-key>}
 */
public final class ChainFiller {

    private ChainFiller() { }

    public static void main(String[] args) {
        long records = Long.parseLong(args[3]);
        long tail = Long.parseLong(args[4]);
        long every = Long.parseLong(args[5]);
        Checkpoints checkpoints = new Checkpoints(Path.of(args[6]), new CheckpointKey(args[7]));
        try (HikariDataSource db = new HikariDataSource()) {
            db.setJdbcUrl(args[0]);
            db.setUsername(args[1]);
            db.setPassword(args[2]);
            db.setMaximumPoolSize(2);
            Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
            JdbcDisclosureLog log = new JdbcDisclosureLog(db);
            JdbcTemplate sql = new JdbcTemplate(db);
            long started = System.nanoTime();
            long written = 0;
            while (written < records) {
                int n = (int) Math.min(JdbcDisclosureLog.MAX_BATCH_RECORDS, records - written);
                List<Disclosure> batch = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    long k = written + i;
                    String subject = String.format("0992%08d", k % 100_000_000L);
                    batch.add(new Disclosure("BENCH" + k, Instant.now(), "bench", subject, subject, "self", null,
                            "criminal-record-request", "2026.1", "2.000488", null, Map.of("population", "OK"),
                            List.of("/applicant/fullName", "/applicant/dateOfBirth")));
                }
                log.record(batch, System.nanoTime() + 30_000_000_000L);
                written += n;
                if ((written % every == 0 && written < records - tail) || written == records - tail) {
                    ChainHead head = sql.queryForObject("SELECT seq, hash FROM disclosure_chain_head WHERE id = 1", ChainHead.ROW);
                    checkpoints.write(Checkpoints.of("bench", head));
                }
                if (written % 100_000 == 0) {
                    System.out.printf("%d records, %.0f s%n", written, (System.nanoTime() - started) / 1e9);
                }
            }
            log.destroy();
        }
    }
}
