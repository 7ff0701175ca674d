-- Who cites whom: the outlet that published an article x the source it cites or carries photos from.
-- The outlet is the article's publisher source, else its outlet_id (NULL when unknown).
CREATE OR REPLACE VIEW citation_network AS
WITH article_outlet AS (
    SELECT a.article_id, a.published_at, coalesce(p.source_id, a.outlet_id) AS outlet_id
    FROM articles a
    LEFT JOIN article_sources p ON p.article_id = a.article_id AND p.role = 'publisher'
)
SELECT o.outlet_id,
       so.name          AS outlet_name,
       x.source_id      AS cited_id,
       s.name           AS cited_name,
       s.kind           AS cited_kind,
       s.country_code   AS cited_country,
       x.role,
       count(DISTINCT x.article_id) AS articles,
       min(o.published_at)          AS first_published,
       max(o.published_at)          AS last_published
FROM article_sources x
JOIN article_outlet o ON o.article_id = x.article_id
LEFT JOIN sources s ON s.source_id = x.source_id
LEFT JOIN sources so ON so.source_id = o.outlet_id
WHERE x.role <> 'publisher'
GROUP BY ALL;
