-- The ledger's articles exist, and every outcome is an article or a quarantine.
SELECT d.record_key, d.outcome, d.article_id
FROM documents d
WHERE d.outcome NOT IN ('article', 'quarantined')
   OR (d.outcome = 'article' AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.article_id = d.article_id))
