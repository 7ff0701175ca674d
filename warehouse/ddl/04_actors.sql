-- One row per real-world actor (PLOVER actor block), stable across runs.
CREATE TABLE IF NOT EXISTS actors (
    actor_id     VARCHAR PRIMARY KEY,
    name         VARCHAR NOT NULL,
    actor_type   VARCHAR NOT NULL,
    country_code VARCHAR,
    sector       VARCHAR,
    aliases      VARCHAR[],
    wikidata_id  VARCHAR,
    role         VARCHAR
);
