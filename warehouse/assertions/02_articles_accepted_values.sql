-- Articles: precisions from the vocabulary, ids and hashes of the right shape.
SELECT article_id, published_precision, content_hash
FROM articles
WHERE NOT regexp_full_match(article_id, '[0-9a-f]{16}')
   OR NOT regexp_full_match(content_hash, '[0-9a-f]{64}')
   OR (published_precision IS NOT NULL AND NOT list_contains($published_precisions, published_precision))
   OR (published_at IS NULL) <> (published_precision IS NULL)
