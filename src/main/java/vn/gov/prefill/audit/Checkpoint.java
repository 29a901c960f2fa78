package vn.gov.prefill.audit;

import java.time.Instant;

/**
 * A signed note of the chain head, written outside the database: node {@code node} saw record
 * {@code seq} with hash {@code hash} at {@code at}. {@code file} is where it was read from (null before it is written).
 */
public record Checkpoint(String node, long seq, String hash, Instant at, String file) { }
