-- Two more of the province's indicators (GET /api/v1/admin/indicators): per prefill, how many of its fields
-- came prefilled (PREFILLED or CONFLICT) from the citizen's declared values; per filed dossier, how many of its
-- form's attachment slots were filed with a document by reference, and how many attachment slots the form has
-- (a slot left empty is filed without a reference). Counts only. Rows written before this migration count 0.
-- Written for both PostgreSQL and H2 (MODE=PostgreSQL).
ALTER TABLE indicator_prefill ADD COLUMN declared_prefilled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE indicator_dossier ADD COLUMN attachments_by_reference INTEGER NOT NULL DEFAULT 0;
ALTER TABLE indicator_dossier ADD COLUMN attachments_filed INTEGER NOT NULL DEFAULT 0;
