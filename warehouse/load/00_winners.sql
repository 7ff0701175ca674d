-- The copy of each article this run loads: the first batch that produced it.
CREATE OR REPLACE TEMP TABLE winners AS
SELECT article_id, min(_batch) AS _batch
FROM staged_articles
GROUP BY article_id;
