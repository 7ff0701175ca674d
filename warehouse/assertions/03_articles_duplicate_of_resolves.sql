-- A near-duplicate points at an article that exists.
SELECT a.article_id, a.duplicate_of
FROM articles a
WHERE a.duplicate_of IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM articles b WHERE b.article_id = a.duplicate_of)
