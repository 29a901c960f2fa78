-- Assisted filing at a one-stop desk, and the citizen's verdict. Written for both PostgreSQL and H2
-- (MODE=PostgreSQL).

-- The desk whose officer read for the citizen beside them, as canonical JSON {"officer","unit","unitName"};
-- null when the citizen read alone. A row with a desk is hashed as disclosure/v2 (see DisclosureHash).
ALTER TABLE disclosure ADD COLUMN desk TEXT;

-- The officer (MaCanBo) who filed a DESK dossier with the citizen, and the unit's name (TenDonVi) when the
-- officer's token gave it; the unit's code is in dossier.unit.
ALTER TABLE dossier ADD COLUMN officer VARCHAR(64);
ALTER TABLE dossier ADD COLUMN unit_name VARCHAR(200);

-- Who filed, as a keyed HMAC (gateway.security.person-key, purpose "filer"), never the number: so that the
-- share of the people helped at a desk who later filed alone can be counted. Null for dossiers filed before.
ALTER TABLE indicator_dossier ADD COLUMN filer_key VARCHAR(64);
CREATE INDEX indicator_dossier_filer ON indicator_dossier (filer_key, channel, filed_at);

-- One rating per dossier and stage (FILING, RESULT), recorded without the person: the dossier's form,
-- procedure, channel and desk unit, the scores (1-5), and the comment masked of anything shaped like a
-- personal number, a phone number or an e-mail address. Outlives the dossier (no foreign key).
CREATE TABLE indicator_rating (
    dossier_id     VARCHAR(26)  NOT NULL,
    stage          VARCHAR(16)  NOT NULL,
    form_id        VARCHAR(128) NOT NULL,
    procedure_code VARCHAR(64),
    channel        VARCHAR(16)  NOT NULL,
    unit           VARCHAR(64),
    score          SMALLINT     NOT NULL,
    easy           SMALLINT,
    timeliness     SMALLINT,
    staff          SMALLINT,
    comment        TEXT,
    rated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (dossier_id, stage)
);
CREATE INDEX indicator_rating_at ON indicator_rating (rated_at);
