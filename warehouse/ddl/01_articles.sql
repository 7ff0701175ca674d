-- One row per clean article; ids are derived from the normalised URL or body.
CREATE TABLE IF NOT EXISTS articles (
    article_id          VARCHAR PRIMARY KEY,
    doc_id              VARCHAR,
    source_file         VARCHAR,
    url                 VARCHAR,
    title               VARCHAR,
    published_at        TIMESTAMPTZ,
    published_precision VARCHAR,
    outlet_id           VARCHAR,
    dateline            VARCHAR,
    editor              VARCHAR,
    language            VARCHAR,
    body                VARCHAR NOT NULL,
    content_hash        VARCHAR NOT NULL,
    duplicate_of        VARCHAR,
    run_id              VARCHAR NOT NULL,
    ingested_at         TIMESTAMPTZ NOT NULL
);
