-- Events in readable form: actor names, countries and sectors, and the article that reports them.
CREATE OR REPLACE VIEW event_details AS
SELECT e.event_id,
       e.cluster_id,
       e.event_date,
       e.date_precision,
       e.event_type,
       e.mode,
       e.context,
       e.cameo_root,
       e.quad_class,
       e.actor1_id,
       a1.name         AS actor1_name,
       a1.country_code AS actor1_country,
       a1.sector       AS actor1_sector,
       e.actor2_id,
       a2.name         AS actor2_name,
       a2.country_code AS actor2_country,
       a2.sector       AS actor2_sector,
       e.location,
       e.location_country,
       e.latitude,
       e.longitude,
       e.negated,
       e.future,
       e.confidence,
       e.sentence_id,
       e.sentence,
       e.article_id,
       ar.title,
       ar.outlet_id,
       ar.published_at,
       ar.url
FROM events e
JOIN articles ar ON ar.article_id = e.article_id
LEFT JOIN actors a1 ON a1.actor_id = e.actor1_id
LEFT JOIN actors a2 ON a2.actor_id = e.actor2_id;
