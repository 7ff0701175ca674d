-- Every mention of an actor, with character offsets into articles.body.
CREATE TABLE IF NOT EXISTS actor_mentions (
    article_id  VARCHAR NOT NULL,
    actor_id    VARCHAR NOT NULL,
    mention     VARCHAR NOT NULL,
    "start"     INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    sentence_id INTEGER NOT NULL,
    type        VARCHAR NOT NULL,
    role        VARCHAR,
    PRIMARY KEY (article_id, "start", "end", actor_id)
);
