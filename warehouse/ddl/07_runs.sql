-- One row per flow run, with the document accounting and counts per stage.
CREATE TABLE IF NOT EXISTS runs (
    run_id          VARCHAR PRIMARY KEY,
    flow_run_id     VARCHAR,
    started_at      TIMESTAMPTZ NOT NULL,
    finished_at     TIMESTAMPTZ,
    status          VARCHAR NOT NULL,
    documents_in    INTEGER,
    unchanged       INTEGER,
    raw_articles    INTEGER,
    clean_articles  INTEGER,
    articles_loaded INTEGER,
    quarantined     INTEGER,  -- documents
    records_quarantined INTEGER,  -- extracted records (mentions, events, ...)
    duplicates      INTEGER,
    mentions        INTEGER,
    actors          INTEGER,
    events          INTEGER,
    citations       INTEGER,
    error           VARCHAR
);
