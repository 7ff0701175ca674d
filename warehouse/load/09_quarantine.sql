-- Quarantine rows of this run (a record quarantined again keeps one row).
INSERT OR REPLACE INTO quarantine
SELECT DISTINCT ON (stage, record_key, reason) $run_id, stage, record_key, reason, payload, current_timestamp
FROM staged_quarantine;
