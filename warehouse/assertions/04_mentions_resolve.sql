-- Every mention belongs to an article and resolves to an actor.
SELECT m.article_id, m.actor_id, m.mention
FROM actor_mentions m
WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.article_id = m.article_id)
   OR NOT EXISTS (SELECT 1 FROM actors x WHERE x.actor_id = m.actor_id)
