-- Every article-source link joins an article and a source, in a known role.
SELECT s.article_id, s.source_id, s.role
FROM article_sources s
WHERE NOT list_contains($citation_roles, s.role)
   OR NOT EXISTS (SELECT 1 FROM articles a WHERE a.article_id = s.article_id)
   OR NOT EXISTS (SELECT 1 FROM sources x WHERE x.source_id = s.source_id)
