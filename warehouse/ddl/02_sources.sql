-- Outlets, news agencies and other sources that publish or are cited.
CREATE TABLE IF NOT EXISTS sources (
    source_id    VARCHAR PRIMARY KEY,
    name         VARCHAR NOT NULL,
    kind         VARCHAR NOT NULL,
    domain       VARCHAR,
    country_code VARCHAR
);
