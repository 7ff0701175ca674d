-- Sources: a known kind, and an ISO 3166 alpha-3 country where one is given.
SELECT source_id, kind, country_code
FROM sources
WHERE NOT list_contains($source_kinds, kind)
   OR (country_code IS NOT NULL AND NOT regexp_full_match(country_code, '[A-Z]{3}'))
