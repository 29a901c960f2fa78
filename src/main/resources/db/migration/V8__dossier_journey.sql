-- The dossier's journey after delivery (vn.gov.prefill.dossier): the handling system's callbacks and the
-- reconciliation that catches up on lost ones. Written for both PostgreSQL and H2 (MODE=PostgreSQL).

-- ONLINE (filed by the citizen) or DESK (at a one-stop desk, with the desk's unit code)
ALTER TABLE dossier ADD COLUMN channel VARCHAR(16) DEFAULT 'ONLINE' NOT NULL;
ALTER TABLE dossier ADD COLUMN unit VARCHAR(64);
-- the handling system's time (ThoiDiem) of the newest event applied: an older one never moves the dossier
ALTER TABLE dossier ADD COLUMN event_at TIMESTAMP WITH TIME ZONE;
-- the last news of the dossier from the handling system (an answer, an event, a reconciliation)
ALTER TABLE dossier ADD COLUMN news_at TIMESTAMP WITH TIME ZONE;
-- the result document (KetQua of DA_CO_KET_QUA) as the handling system described it: a reference, as JSON
ALTER TABLE dossier ADD COLUMN result TEXT;
CREATE INDEX dossier_news ON dossier (status, news_at);

-- The callbacks received, by their MaSuKien: a repeated event is answered and changes nothing.
CREATE TABLE handling_event (
    event_id    VARCHAR(128) PRIMARY KEY,
    dossier_id  VARCHAR(26)  NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX handling_event_dossier ON handling_event (dossier_id);

-- dossiers delivered before this migration had their news when they were last changed
UPDATE dossier SET news_at = updated_at WHERE status <> 'RECEIVED';
