-- Publisher, cited and photo links of this run's articles.
INSERT OR IGNORE INTO article_sources (article_id, source_id, role)
SELECT DISTINCT s.article_id, s.source_id, s.role
FROM staged_citations s
SEMI JOIN winners w ON s.article_id = w.article_id AND s._batch = w._batch;
