-- Quarantine rows of this run (a record quarantined again keeps one row). Rows of the
-- ingest, raw and clean stages stand for whole documents; later ones for extracted records.
INSERT OR REPLACE INTO quarantine (run_id, stage, record_key, reason, payload, quarantined_at, kind)
SELECT DISTINCT ON (stage, record_key, reason)
       $run_id, stage, record_key, reason, payload, current_timestamp,
       CASE WHEN stage IN ('ingest', 'raw_articles', 'clean_articles') THEN 'document' ELSE 'record' END
FROM staged_quarantine;
