-- New sources; an existing source keeps its curated fields.
INSERT INTO sources (source_id, name, kind, domain, country_code)
SELECT source_id, any_value(name), any_value(kind), any_value(domain), any_value(country_code)
FROM staged_citations
GROUP BY source_id
ON CONFLICT (source_id) DO NOTHING;
