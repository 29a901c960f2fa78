-- The cluster's rate-limit buckets (gateway.rate-limits.store=database): the table Bucket4j's
-- PostgreSQL proxy manager reads and writes, one row per person or e-form client. Unused with the
-- default in-memory store. Written for both PostgreSQL and H2 (MODE=PostgreSQL).
CREATE TABLE rate_limit_buckets (
    id         VARCHAR(32) NOT NULL PRIMARY KEY,  -- hex of a SHA-256 of the bucket's key: no personal number
    state      BYTEA,                             -- Bucket4j's serialized bucket
    expires_at BIGINT                             -- epoch millis after which the bucket is full again and may go
);

CREATE INDEX rate_limit_buckets_expires_at ON rate_limit_buckets (expires_at);
