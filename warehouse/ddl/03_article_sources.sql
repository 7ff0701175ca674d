-- Which source published an article, which it cites, whose photos it carries.
CREATE TABLE IF NOT EXISTS article_sources (
    article_id VARCHAR NOT NULL,
    source_id  VARCHAR NOT NULL,
    role       VARCHAR NOT NULL,
    PRIMARY KEY (article_id, source_id, role)
);
