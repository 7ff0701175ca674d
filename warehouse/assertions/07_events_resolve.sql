-- Every event belongs to an article, and its actors exist.
SELECT e.event_id, e.article_id, e.actor1_id, e.actor2_id
FROM events e
WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.article_id = e.article_id)
   OR (e.actor1_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM actors x WHERE x.actor_id = e.actor1_id))
   OR (e.actor2_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM actors x WHERE x.actor_id = e.actor2_id))
