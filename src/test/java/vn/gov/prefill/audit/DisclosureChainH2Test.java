package vn.gov.prefill.audit;

import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;

/** The chain's guarantees on the embedded H2 (PostgreSQL mode) the gateway uses by default. */
class DisclosureChainH2Test extends DisclosureChainContract {

    @Override
    protected HikariDataSource newDataSource() {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl("jdbc:h2:mem:chain-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        ds.setUsername("sa");
        ds.setPassword("");
        ds.setMaximumPoolSize(20);
        return ds;
    }

    @Override
    protected void dispose(HikariDataSource dataSource) {
        // DB_CLOSE_DELAY=-1 keeps an in-memory database until it is shut down
        try (var c = java.sql.DriverManager.getConnection(dataSource.getJdbcUrl(), "sa", "");
             var s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
