-- Version 2: say whether a quarantine row stands for a whole input document or for one
-- extracted record, so that the run accounting (documents in = articles + quarantined
-- documents + unchanged) can be checked in SQL. Old rows are classified by their stage.
ALTER TABLE quarantine ADD COLUMN IF NOT EXISTS kind VARCHAR;
UPDATE quarantine
SET kind = CASE WHEN stage IN ('ingest', 'raw_articles', 'clean_articles', 'load') THEN 'document' ELSE 'record' END
WHERE kind IS NULL;
