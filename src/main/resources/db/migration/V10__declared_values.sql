-- What citizens declared and agreed to have kept (vn.gov.prefill.profile): one row per subject and declared key.
-- The subject is keyed by its PersonKeys HMAC, never its number; the value is AES-GCM ciphertext, with the id of
-- the key that sealed it (gateway.profile.encryption-key-id) so keys can be rotated. Erasing deletes the row.
-- Written for both PostgreSQL and H2 (MODE=PostgreSQL).
CREATE TABLE declared_value (
    subject_key  VARCHAR(64)  NOT NULL,
    decl_key     VARCHAR(64)  NOT NULL,                  -- contact.phone, contact.email, occupation…
    key_id       VARCHAR(32)  NOT NULL,
    ciphertext   TEXT         NOT NULL,                  -- base64 of nonce, ciphertext and tag
    declared_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    form_id      VARCHAR(128) NOT NULL,                  -- the form it was declared in
    PRIMARY KEY (subject_key, decl_key)
);

-- a dossier filed with declare.keep: the declared keys kept with it (comma-separated), so that its receipt, answered
-- again for the same Idempotency-Key, is the first one; null when the filer did not ask to keep anything
ALTER TABLE dossier ADD COLUMN declared_kept VARCHAR(512);
