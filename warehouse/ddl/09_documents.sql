-- Ledger of input documents by content hash, so unchanged documents are skipped.
CREATE TABLE IF NOT EXISTS documents (
    record_key VARCHAR PRIMARY KEY,
    raw_hash   VARCHAR NOT NULL,
    outcome    VARCHAR NOT NULL,
    article_id VARCHAR,
    run_id     VARCHAR NOT NULL,
    seen_at    TIMESTAMPTZ NOT NULL
);
