package vn.gov.prefill.indicators;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import com.zaxxer.hikari.HikariDataSource;

import vn.gov.prefill.RequiredTool;

/**
 * {@link JourneyStoreTest} on PostgreSQL, in a schema of its own: {@code ON CONFLICT DO NOTHING}, and a failed step
 * undone to its savepoint in a transaction PostgreSQL would otherwise refuse to go on with. Needs {@code AUDIT_DB_URL}
 * (and {@code AUDIT_DB_USER}/{@code AUDIT_DB_PASSWORD}); skipped without it, except on CI.
 */
class JourneyPostgresIT extends JourneyStoreTest {

    static final String URL = System.getenv("AUDIT_DB_URL");

    String schema;
    HikariDataSource pool;

    @BeforeAll
    static void requirePostgres() {
        if (URL == null || URL.isBlank()) {
            RequiredTool.missing("AUDIT_DB_URL is not set: no PostgreSQL to test the journey's indicator tables against",
                    ".ci/run starts PostgreSQL and sets AUDIT_DB_URL");
        }
    }

    @Override
    DataSource newDatabase() {
        schema = "journey_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (HikariDataSource admin = pool(); Connection c = admin.getConnection(); var s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test schema in " + URL, e);
        }
        pool = pool();
        pool.setSchema(schema);
        return pool;
    }

    @AfterEach
    void dropSchema() throws SQLException {
        pool.close();
        try (HikariDataSource admin = pool(); Connection c = admin.getConnection(); var s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    static HikariDataSource pool() {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(URL);
        ds.setUsername(System.getenv().getOrDefault("AUDIT_DB_USER", "prefill"));
        ds.setPassword(System.getenv().getOrDefault("AUDIT_DB_PASSWORD", "prefill"));
        ds.setMaximumPoolSize(4);
        return ds;
    }
}
