-- Later copies of an article already produced by an earlier batch of this run.
INSERT OR REPLACE INTO quarantine
SELECT $run_id, 'load', s.source_file,
       'duplicate document: same article_id ' || s.article_id || ' as an earlier document of this run',
       NULL, current_timestamp
FROM staged_articles s
ANTI JOIN winners w ON s.article_id = w.article_id AND s._batch = w._batch;
