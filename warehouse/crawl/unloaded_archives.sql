-- WARC files holding fetched pages that no `warta run` has read yet (neither a documents nor
-- a quarantine row for their record key): a crawl whose load failed is loaded by the next one.
SELECT DISTINCT f.warc_file
FROM fetches f
WHERE f.kind = 'article' AND f.record_key IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.record_key = f.record_key)
  AND NOT EXISTS (SELECT 1 FROM quarantine q WHERE q.record_key = f.record_key)
ORDER BY 1;
