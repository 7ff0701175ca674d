-- A mention span of an article is stored once.
SELECT article_id, "start", "end", actor_id, count(*) AS copies
FROM actor_mentions
GROUP BY ALL
HAVING count(*) > 1
