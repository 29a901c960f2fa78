package vn.gov.prefill.identity;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The buckets of one node, in a map that forgets idle buckets. */
final class MemoryBuckets implements RateBuckets {

    /** A token bucket of {@code capacity}, refilled at capacity per minute. */
    static final class Bucket {
        private final double capacity;
        private double tokens;
        private long last;

        Bucket(double capacity, long now) {
            this.capacity = capacity;
            this.tokens = capacity;
            this.last = now;
        }

        /** Takes one token; returns 0 when granted, else the seconds until one is free. */
        synchronized long take(long now) {
            tokens = Math.min(capacity, tokens + (now - last) * capacity / 60_000_000_000.0);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) * 60.0 / capacity));
        }

        synchronized boolean idleSince(long now, long nanos) {
            return now - last > nanos;
        }
    }

    private static final long SWEEP_EVERY = 60_000_000_000L;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile long lastSweep = System.nanoTime();

    @Override
    public long take(String key, int perMinute) {
        long now = System.nanoTime();
        sweep(now);
        return buckets.computeIfAbsent(key, k -> new Bucket(Math.max(1, perMinute), now)).take(now);
    }

    /** Forgets buckets idle for two minutes (they would be full again anyway), so the map does not grow. */
    private void sweep(long now) {
        if (now - lastSweep > SWEEP_EVERY) {
            lastSweep = now;
            buckets.entrySet().removeIf(e -> e.getValue().idleSince(now, 2 * SWEEP_EVERY));
        }
    }
}
