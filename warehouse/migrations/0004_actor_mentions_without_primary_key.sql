-- Version 4: actor_mentions loses its primary key (see ddl/05_actor_mentions.sql): the table
-- is rebuilt with the same columns and rows. Rebuilding a table that has no key (a new
-- warehouse) changes nothing, so the migration is idempotent.
CREATE TABLE actor_mentions_rebuilt (
    article_id  VARCHAR NOT NULL,
    actor_id    VARCHAR NOT NULL,
    mention     VARCHAR NOT NULL,
    "start"     INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    sentence_id INTEGER NOT NULL,
    type        VARCHAR NOT NULL,
    role        VARCHAR
);
INSERT INTO actor_mentions_rebuilt
SELECT article_id, actor_id, mention, "start", "end", sentence_id, type, role FROM actor_mentions;
DROP TABLE actor_mentions;
ALTER TABLE actor_mentions_rebuilt RENAME TO actor_mentions;
