-- Documents and records that could not go on, with the stage and the reason.
CREATE TABLE IF NOT EXISTS quarantine (
    run_id         VARCHAR NOT NULL,
    stage          VARCHAR NOT NULL,
    record_key     VARCHAR NOT NULL,
    reason         VARCHAR NOT NULL,
    payload        VARCHAR,
    quarantined_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (stage, record_key, reason)
);
