-- The ledger: what each input document became, under its content hash.
INSERT OR REPLACE INTO documents
SELECT DISTINCT ON (record_key) record_key, raw_hash, outcome, article_id, $run_id, current_timestamp
FROM staged_documents;
