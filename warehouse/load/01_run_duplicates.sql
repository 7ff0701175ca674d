-- Later copies of an article (or of a document id) already produced by an earlier batch of this run.
INSERT OR REPLACE INTO quarantine (run_id, stage, record_key, reason, payload, quarantined_at, kind)
SELECT $run_id, 'load', s.source_file,
       CASE WHEN r.article_id IS NOT NULL
            THEN 'duplicate document id: ' || r.record_key || ' was used by an earlier document of this run'
            ELSE 'duplicate document: same article_id ' || s.article_id || ' as an earlier document of this run' END,
       NULL, current_timestamp, 'document'
FROM staged_articles s
LEFT JOIN reused r ON s.article_id = r.article_id AND s._batch = r._batch
ANTI JOIN winners w ON s.article_id = w.article_id AND s._batch = w._batch;
