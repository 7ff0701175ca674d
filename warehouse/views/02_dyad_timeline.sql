-- Event timeline by dyad: actor1 country x actor2 country x month, split by quad class.
-- A NULL country means the actor is unknown or has no country (e.g. an IGO); events without a date are left out.
CREATE OR REPLACE VIEW dyad_timeline AS
SELECT date_trunc('month', e.event_date)::DATE AS month,
       a1.country_code                         AS actor1_country,
       a2.country_code                         AS actor2_country,
       count(*)                                AS events,
       count(*) FILTER (WHERE e.quad_class = 1) AS verbal_cooperation,
       count(*) FILTER (WHERE e.quad_class = 2) AS material_cooperation,
       count(*) FILTER (WHERE e.quad_class = 3) AS verbal_conflict,
       count(*) FILTER (WHERE e.quad_class = 4) AS material_conflict,
       count(DISTINCT e.cluster_id)            AS clusters,
       count(DISTINCT e.article_id)            AS articles,
       list(DISTINCT e.event_type ORDER BY e.event_type) AS event_types
FROM events e
LEFT JOIN actors a1 ON a1.actor_id = e.actor1_id
LEFT JOIN actors a2 ON a2.actor_id = e.actor2_id
WHERE e.event_date IS NOT NULL
GROUP BY ALL;
