-- Upsert this run's articles.
INSERT OR REPLACE INTO articles
SELECT s.article_id, s.doc_id, s.source_file, s.url, s.title, s.published_at, s.published_precision,
       s.outlet_id, s.dateline, s.editor, s.language, s.body, s.content_hash, s.duplicate_of,
       $run_id, current_timestamp
FROM staged_articles s
SEMI JOIN winners w ON s.article_id = w.article_id AND s._batch = w._batch;
