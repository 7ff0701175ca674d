-- Exact copies across batches and runs: every article whose body hash it shares with an
-- earlier article (earliest published, then smallest id) points at that one.
UPDATE articles SET duplicate_of = first.article_id
FROM (
    SELECT content_hash, arg_min(article_id, (coalesce(published_at, TIMESTAMPTZ '9999-12-31'), article_id)) AS article_id
    FROM articles
    WHERE content_hash IN (SELECT a.content_hash FROM articles a SEMI JOIN winners w USING (article_id))
    GROUP BY content_hash
    HAVING count(*) > 1
) AS first
WHERE articles.content_hash = first.content_hash
  AND articles.article_id <> first.article_id
  AND articles.duplicate_of IS DISTINCT FROM first.article_id;
