-- The ledger: what each input document became, under its content hash (the first copy wins).
INSERT OR REPLACE INTO documents (record_key, raw_hash, outcome, article_id, run_id, seen_at)
SELECT DISTINCT ON (record_key) record_key, raw_hash, outcome, article_id, $run_id, current_timestamp
FROM staged_documents
ORDER BY record_key, _batch;
