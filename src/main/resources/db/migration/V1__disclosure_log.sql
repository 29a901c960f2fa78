-- The disclosure log: one row per subject whose data one prefill read and released, hash-chained.
-- Written for both PostgreSQL and H2 (MODE=PostgreSQL). No field value is ever stored here.
CREATE TABLE disclosure (
    seq               BIGINT       NOT NULL PRIMARY KEY,  -- 1, 2, 3…: assigned by the log, no gaps
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL,  -- UTC, microseconds
    request_id        VARCHAR(64)  NOT NULL,
    client            VARCHAR(255),                       -- the token's azp (else its first aud)
    actor_id          VARCHAR(32)  NOT NULL,              -- who signed in: personal number or enterprise code
    subject_id        VARCHAR(32)  NOT NULL,              -- whose data was read
    subject_role      VARCHAR(64)  NOT NULL,              -- self, spouse, father, child, enterprise…
    acting_for        VARCHAR(16),                        -- CHILD, ENTERPRISE or null
    form_id           VARCHAR(128) NOT NULL,
    form_version      VARCHAR(64),
    procedure_code    VARCHAR(64),
    consented_sources TEXT,                               -- canonical JSON array; null: the request set no limit
    sources           TEXT         NOT NULL,              -- canonical JSON object: source -> outcome
    released_pointers TEXT         NOT NULL,              -- canonical JSON array of JSON Pointers
    prev_hash         VARCHAR(64)  NOT NULL,              -- hash of seq - 1 (64 zeros for seq 1)
    hash              VARCHAR(64)  NOT NULL               -- SHA-256, hex: see DisclosureHash
);

-- GET /api/v1/me/disclosures: a subject's records, newest first
CREATE INDEX disclosure_subject_seq ON disclosure (subject_id, seq DESC);

-- The last link of the chain, one row, locked (SELECT … FOR UPDATE) by every append so that gateway
-- instances sharing the database never fork the chain; also tells a deleted tail from an empty log.
CREATE TABLE disclosure_chain_head (
    id   SMALLINT    NOT NULL PRIMARY KEY CHECK (id = 1),
    seq  BIGINT      NOT NULL,
    hash VARCHAR(64) NOT NULL
);

INSERT INTO disclosure_chain_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
