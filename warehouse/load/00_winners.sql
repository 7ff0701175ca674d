-- A ledger key (a file, or a JSONL file and document id) that an earlier batch of this run
-- already used: the later document is a duplicate, whatever its content.
CREATE OR REPLACE TEMP TABLE reused AS
SELECT d.record_key, d.article_id, d._batch
FROM staged_documents d
JOIN (SELECT record_key, min(_batch) AS first_batch FROM staged_documents GROUP BY record_key) f USING (record_key)
WHERE d._batch > f.first_batch AND d.article_id IS NOT NULL;

-- The copy of each article this run loads: the first batch that produced it.
CREATE OR REPLACE TEMP TABLE winners AS
SELECT s.article_id, min(s._batch) AS _batch
FROM staged_articles s
ANTI JOIN reused r ON s.article_id = r.article_id AND s._batch = r._batch
GROUP BY s.article_id;
