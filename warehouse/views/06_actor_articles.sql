-- The articles each actor appears in: how often, under which names, and in how many events.
CREATE OR REPLACE VIEW actor_articles AS
WITH in_events AS (
    SELECT article_id, actor_id, count(*) AS events
    FROM (SELECT article_id, actor1_id AS actor_id FROM events
          UNION ALL
          SELECT article_id, actor2_id FROM events)
    WHERE actor_id IS NOT NULL
    GROUP BY ALL
), mentioned AS (
    SELECT article_id,
           actor_id,
           count(*)                                  AS mentions,
           list(DISTINCT mention ORDER BY mention)   AS forms,
           min(sentence_id)                          AS first_sentence
    FROM actor_mentions
    GROUP BY ALL
)
SELECT m.actor_id,
       ac.name         AS actor_name,
       ac.actor_type,
       ac.country_code,
       ac.sector,
       m.article_id,
       ar.title,
       ar.outlet_id,
       ar.published_at,
       ar.url,
       ar.source_file,
       m.mentions,
       m.forms,
       m.first_sentence,
       coalesce(ev.events, 0) AS events
FROM mentioned m
JOIN articles ar ON ar.article_id = m.article_id
LEFT JOIN actors ac ON ac.actor_id = m.actor_id
LEFT JOIN in_events ev ON ev.article_id = m.article_id AND ev.actor_id = m.actor_id;
