-- The dossier's journey in the province's indicators (GET /api/v1/admin/indicators): one row per filed
-- dossier with its form, channel and desk unit, when it was filed, when it first reached the handling
-- system and when its result was first ready; and each time its delivery failed. Recorded as the dossier
-- moves, so that a month's figures outlive the dossiers (forgotten after gateway.handling.retention).
-- The dossier's id (a random ULID the gateway made, which the operators' listing shows too) keeps one row
-- per dossier, so a move told twice is counted once. No personal number, name, value or token.
-- Written for both PostgreSQL and H2 (MODE=PostgreSQL).
CREATE TABLE indicator_dossier (
    dossier_id     VARCHAR(26)  PRIMARY KEY,
    form_id        VARCHAR(128) NOT NULL,
    procedure_code VARCHAR(64),
    channel        VARCHAR(16)  NOT NULL,                 -- ONLINE or DESK
    unit           VARCHAR(64),                           -- the desk's unit code (MaDonVi); null online
    filed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at   TIMESTAMP WITH TIME ZONE,              -- first reached the handling system; null while not
    result_at      TIMESTAMP WITH TIME ZONE               -- its result first ready; null while not
);
CREATE INDEX indicator_dossier_filed ON indicator_dossier (filed_at);
CREATE INDEX indicator_dossier_delivered ON indicator_dossier (delivered_at);
CREATE INDEX indicator_dossier_result ON indicator_dossier (result_at);

-- each time a dossier's delivery failed for good (again after an operator's redelivery)
CREATE TABLE indicator_dossier_failure (
    dossier_id VARCHAR(26) NOT NULL REFERENCES indicator_dossier (dossier_id),
    failed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (dossier_id, failed_at)
);
CREATE INDEX indicator_dossier_failure_time ON indicator_dossier_failure (failed_at);
