-- One row per event cluster (reports of the same event), with GDELT-style counts:
-- num_articles = distinct reporting articles; num_sources = distinct publishing outlets
-- (an article of unknown outlet counts as a source of its own); num_cited_sources = distinct
-- agencies and others cited by those articles.
CREATE OR REPLACE VIEW event_clusters AS
WITH article_outlet AS (
    SELECT a.article_id,
           a.published_at,
           coalesce(p.source_id, a.outlet_id, 'article:' || a.article_id) AS source_key
    FROM articles a
    LEFT JOIN article_sources p ON p.article_id = a.article_id AND p.role = 'publisher'
), cited AS (
    SELECT e.cluster_id, count(DISTINCT x.source_id) AS num_cited_sources
    FROM events e
    JOIN article_sources x ON x.article_id = e.article_id AND x.role <> 'publisher'
    WHERE e.cluster_id IS NOT NULL
    GROUP BY ALL
)
SELECT e.cluster_id,
       mode(e.event_type)                          AS event_type,
       list(DISTINCT e.event_type ORDER BY e.event_type) AS event_types,
       min(e.quad_class)                           AS quad_class,
       min(e.event_date)                           AS first_date,
       max(e.event_date)                           AS last_date,
       mode(a1.name)                               AS actor1_name,
       mode(a1.country_code)                       AS actor1_country,
       mode(a2.name)                               AS actor2_name,
       mode(a2.country_code)                       AS actor2_country,
       mode(e.location)                            AS location,
       count(*)                                    AS num_events,
       count(DISTINCT e.article_id)                AS num_articles,
       count(DISTINCT o.source_key)                AS num_sources,
       coalesce(any_value(c.num_cited_sources), 0) AS num_cited_sources,
       min(o.published_at)                         AS first_reported,
       max(o.published_at)                         AS last_reported,
       arg_max(e.sentence, e.confidence)           AS example_sentence
FROM events e
JOIN article_outlet o ON o.article_id = e.article_id
LEFT JOIN actors a1 ON a1.actor_id = e.actor1_id
LEFT JOIN actors a2 ON a2.actor_id = e.actor2_id
LEFT JOIN cited c ON c.cluster_id = e.cluster_id
WHERE e.cluster_id IS NOT NULL
GROUP BY e.cluster_id;
