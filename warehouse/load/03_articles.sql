-- Upsert this run's articles.
INSERT OR REPLACE INTO articles (article_id, doc_id, source_file, url, title, published_at, published_precision,
                                 outlet_id, dateline, editor, language, body, page_kind, content_hash,
                                 duplicate_of, run_id, ingested_at)
SELECT s.article_id, s.doc_id, s.source_file, s.url, s.title, s.published_at, s.published_precision,
       s.outlet_id, s.dateline, s.editor, s.language, s.body, s.page_kind, s.content_hash,
       s.duplicate_of,
       $run_id, current_timestamp
FROM staged_articles s
SEMI JOIN winners w ON s.article_id = w.article_id AND s._batch = w._batch;
