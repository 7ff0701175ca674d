-- Mentions of this run's articles, one row per (article, span, actor); their old mentions
-- were deleted by 02_replace_children.sql, so no key check is needed.
INSERT INTO actor_mentions (article_id, actor_id, mention, "start", "end", sentence_id, type, role)
SELECT DISTINCT ON (s.article_id, s."start", s."end", s.actor_id)
       s.article_id, s.actor_id, s.mention, s."start", s."end", s.sentence_id, s.type, s.role
FROM staged_mentions s
SEMI JOIN winners w ON s.article_id = w.article_id AND s._batch = w._batch;
