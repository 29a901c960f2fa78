-- Every key stored about a person is an HMAC under gateway.security.person-key (vn.gov.prefill.config.PersonKeys).
-- Rate-limit rows were keyed by a truncated plain SHA-256 of the bucket's key: they are dropped (a bucket
-- is full again after a minute anyway), and the id widens to the HMAC's 64 hex digits. Suggestion match
-- keys written under the former key would never match again: they are cleared.
DELETE FROM rate_limit_buckets;
ALTER TABLE rate_limit_buckets ALTER COLUMN id SET DATA TYPE VARCHAR(64);
UPDATE indicator_suggestion SET match_key = NULL, match_until = NULL WHERE match_key IS NOT NULL;
