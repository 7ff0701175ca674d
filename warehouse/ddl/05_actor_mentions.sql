-- Every mention of an actor, with character offsets into articles.body.
CREATE TABLE IF NOT EXISTS actor_mentions (
    article_id  VARCHAR NOT NULL,
    actor_id    VARCHAR NOT NULL,
    mention     VARCHAR NOT NULL,
    "start"     INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    sentence_id INTEGER NOT NULL,
    type        VARCHAR NOT NULL,
    role        VARCHAR
);
-- No primary key: (article_id, start, end, actor_id) is unique because a load replaces all
-- mentions of each article it loads and de-duplicates them (load/07_actor_mentions.sql).
-- Kept up to date over millions of rows, the key was the slowest part of a large load.
