package vn.gov.prefill.identity;

/**
 * Where the rate limits' token buckets live ({@code gateway.rate-limits.store}): in this JVM
 * ({@code memory}, the single-node default) or in the audit database, shared by every node
 * ({@code database}).
 */
interface RateBuckets {

    /**
     * Takes one request from the bucket of {@code key}, which holds {@code perMinute} and refills at
     * that rate; returns 0 when granted, else the seconds until one is free.
     */
    long take(String key, int perMinute);
}
