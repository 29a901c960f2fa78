package vn.gov.prefill.identity;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariDataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import vn.gov.prefill.config.PersonKeys;

/**
 * The cluster's buckets: Bucket4j's PostgreSQL proxy manager over the table {@code rate_limit_buckets}
 * (migration V5), one row per person or client, locked with SELECT … FOR UPDATE while a request takes
 * from it. A row is keyed by the {@link PersonKeys} HMAC of the key, so the table holds no personal
 * number and no plain hash of one.
 * <p>
 * Fails open: when the database does not answer within its pool's timeout the request is let through,
 * counted in {@code gateway.rate_limits.store.failures} and logged once per outage. The limits protect
 * the registries' quotas, which their own breakers and bulkheads also guard; refusing every citizen
 * because a counter is unreachable would turn a database hiccup into an outage of the service. The
 * disclosure log, on the same database, still fails closed: nothing is released unrecorded.
 */
final class DatabaseBuckets implements RateBuckets, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseBuckets.class);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final Counter failures;
    private final AtomicBoolean failing = new AtomicBoolean();
    private final HikariDataSource pool;
    private final PersonKeys keys;
    private final ScheduledExecutorService cleaner = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rate-limits-cleaner");
        t.setDaemon(true);
        return t;
    });

    DatabaseBuckets(HikariDataSource dataSource, PersonKeys keys, MeterRegistry meters) {
        this.pool = dataSource;
        this.keys = keys;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
        this.failures = Counter.builder("gateway.rate_limits.store.failures")
                .description("Requests let through because the shared rate-limit store did not answer")
                .register(meters);
        cleaner.scheduleWithFixedDelay(this::removeExpired, 1, 1, TimeUnit.MINUTES);
    }

    @Override
    public long take(String key, int perMinute) {
        int capacity = Math.max(1, perMinute);
        try {
            ConsumptionProbe probe = buckets.builder().build(rowOf(key, capacity), () -> BucketConfiguration.builder()
                    .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, Duration.ofMinutes(1)))
                    .build()).tryConsumeAndReturnRemaining(1);
            if (failing.compareAndSet(true, false)) {
                LOG.info("the shared rate-limit store answers again");
            }
            return probe.isConsumed() ? 0 : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        } catch (RuntimeException e) {
            failures.increment();
            if (failing.compareAndSet(false, true)) {
                LOG.warn("the shared rate-limit store does not answer ({}): requests are let through unlimited until it does",
                        e.getClass().getSimpleName());
            }
            return 0;
        }
    }

    /** Removes rows whose bucket would be full again by now, so that the table does not grow. */
    private void removeExpired() {
        try {
            while (buckets.removeExpired(1000) == 1000) {
                // the next batch
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot remove expired rate-limit buckets ({})", e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        cleaner.shutdownNow();
        pool.close();
    }

    /** The row of a bucket: the HMAC of its key and its size, so that changing a limit starts a fresh bucket. */
    private String rowOf(String key, int capacity) {
        return keys.of("rate-bucket", key, Integer.toString(capacity));
    }
}
