package vn.gov.prefill.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.gov.prefill.RequiredTool;

/**
 * The backup procedure of deploy/backup, run as an operator runs it: backed up while prefills run,
 * restored into a fresh database, the restored chain verified against the backup's checkpoints, and
 * a gateway serving from it. Needs PostgreSQL ({@code AUDIT_DB_URL}) and its pg_dump and pg_restore: skipped
 * without them, except on CI ({@code CI=true}).
 */
class BackupRestoreIT {

    @TempDir
    Path root;

    @BeforeAll
    static void requirePostgresAndItsClients() {
        Cluster.requirePostgres();
        RequiredTool.find("pg_dump", "Debian's postgresql package, with postgresql-client");
        RequiredTool.find("pg_restore", "Debian's postgresql package, with postgresql-client");
    }

    @Test
    void aBackupTakenUnderLoadRestoresIntoAFreshDatabaseThatVerifiesAndServes() throws Exception {
        try (Cluster cluster = new Cluster(root)) {
            LaunchedGateway a = cluster.start("a", "--gateway.rate-limits.per-person=100000",
                    "--gateway.audit.checkpoint.records=5", "--gateway.audit.checkpoint.poll=200ms");
            Cluster.awaitServing(a);
            String hoa = cluster.citizen(Cluster.HOA);
            for (int i = 0; i < 5; i++) {
                assertThat(Cluster.prefill(a.port(), hoa).status()).isEqualTo(200);
            }
            Thread.sleep(1000); // a checkpoint or more before the backup
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger served = new AtomicInteger();
            ExecutorService load = Executors.newFixedThreadPool(2);
            Future<?>[] workers = new Future<?>[2];
            for (int w = 0; w < 2; w++) {
                workers[w] = load.submit(() -> {
                    while (running.get()) {
                        if (Cluster.prefill(a.port(), hoa).status() == 200) {
                            served.incrementAndGet();
                        }
                    }
                });
            }
            Path backup = root.resolve("backup");
            int before = served.get();
            String output;
            try {
                Thread.sleep(500);
                output = Cluster.script(root, "deploy/backup/backup.sh", Cluster.libpq(Cluster.URL),
                        cluster.checkpoints.toString(), backup.toString(), cluster.schema);
                Thread.sleep(500);
            } finally {
                running.set(false);
                for (Future<?> f : workers) {
                    f.get();
                }
                load.shutdown();
            }
            assertThat(served.get()).as("prefills answered while the backup ran").isGreaterThan(before);
            assertThat(output).contains("prefill.dump");
            assertThat(Files.list(backup.resolve("checkpoints")).count()).isPositive();

            String database = "restored_" + cluster.schema;
            String restoredUrl = Cluster.URL.substring(0, Cluster.URL.lastIndexOf('/') + 1) + database;
            Cluster.sql(Cluster.URL, "CREATE DATABASE " + database);
            try {
                Path restoredCheckpoints = root.resolve("restored-checkpoints");
                Cluster.script(root, "deploy/backup/restore.sh", backup.toString(), Cluster.libpq(restoredUrl),
                        restoredCheckpoints.toString());
                long restored = cluster.count(restoredUrl, "SELECT count(*) FROM disclosure");
                assertThat(restored).isPositive();

                LaunchedGateway r = cluster.startOn(restoredUrl, "restored",
                        "--gateway.audit.checkpoint.directory=" + restoredCheckpoints);
                Cluster.awaitServing(r);
                JsonNode chain = cluster.chain(r.port(), true);
                assertThat(chain.get("valid").asBoolean()).as(chain.toString()).isTrue();
                assertThat(chain.get("records").asLong()).isEqualTo(restored);
                assertThat(chain.get("checkpoints").asInt()).as("verified through the backup's checkpoints").isPositive();

                Cluster.Reply prefill = Cluster.prefill(r.port(), hoa);
                assertThat(prefill.status()).as(prefill.text()).isEqualTo(200);
                JsonNode after = cluster.chain(r.port(), true);
                assertThat(after.get("valid").asBoolean()).as(after.toString()).isTrue();
                assertThat(after.get("records").asLong()).isGreaterThan(restored);
                r.close();
            } finally {
                Cluster.sql(Cluster.URL, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }
}
