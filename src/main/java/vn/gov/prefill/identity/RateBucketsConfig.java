package vn.gov.prefill.identity;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.micrometer.core.instrument.MeterRegistry;
import vn.gov.prefill.config.GatewayProperties;
import vn.gov.prefill.config.PersonKeys;
import vn.gov.prefill.config.StartupCheckException;

/** Chooses the rate limits' store from {@code gateway.rate-limits.store}. */
@Configuration
class RateBucketsConfig {

    @Bean
    RateBuckets rateBuckets(GatewayProperties properties, DataSource audit, PersonKeys keys, MeterRegistry meters) {
        GatewayProperties.RateLimits limits = properties.getRateLimits();
        return switch (limits.getStore()) {
            case "memory" -> new MemoryBuckets();
            case "database" -> new DatabaseBuckets(poolOf(audit, limits), keys, meters);
            default -> throw new StartupCheckException("gateway.rate-limits.store: '" + limits.getStore()
                    + "' is not a store; memory (this node) or database (every node, PostgreSQL)");
        };
    }

    /**
     * The audit database, through a small pool of its own: a slow database makes a rate-limit check
     * give up after {@code database-timeout} instead of the disclosure log's longer wait, and the
     * limiter never takes a connection the disclosure log needs.
     */
    private static HikariDataSource poolOf(DataSource audit, GatewayProperties.RateLimits limits) {
        if (!(audit instanceof HikariDataSource hikari) || hikari.getJdbcUrl() == null
                || !hikari.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            throw new StartupCheckException("gateway.rate-limits.store: database needs the audit database in PostgreSQL "
                    + "(profile postgres); spring.datasource.url is not a jdbc:postgresql: URL");
        }
        HikariConfig config = new HikariConfig();
        hikari.copyStateTo(config);
        long millis = Math.max(250, limits.getDatabaseTimeout().toMillis());
        config.setPoolName("rate-limits");
        config.setMaximumPoolSize(Math.max(1, limits.getDatabasePoolSize()));
        config.setMinimumIdle(1);
        config.setConnectionTimeout(millis);
        config.setValidationTimeout(millis);
        config.setInitializationFailTimeout(-1);
        config.setMetricRegistry(null);
        config.setMetricsTrackerFactory(null);
        config.setConnectionInitSql("SET statement_timeout = " + millis + "; SET lock_timeout = " + millis);
        return new HikariDataSource(config);
    }
}
