-- Mentions of this run's articles.
INSERT OR IGNORE INTO actor_mentions (article_id, actor_id, mention, "start", "end", sentence_id, type, role)
SELECT s.article_id, s.actor_id, s.mention, s."start", s."end", s.sentence_id, s.type, s.role
FROM staged_mentions s
SEMI JOIN winners w ON s.article_id = w.article_id AND s._batch = w._batch;
