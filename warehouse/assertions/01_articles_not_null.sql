-- Every article has its id, provenance, language, a body and its hash.
SELECT article_id, source_file, language, content_hash
FROM articles
WHERE article_id IS NULL OR source_file IS NULL OR language IS NULL OR length(body) = 0
   OR content_hash IS NULL OR run_id IS NULL
