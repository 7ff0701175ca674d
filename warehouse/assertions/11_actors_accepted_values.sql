-- Actors: a name, a known type and sector, and an ISO 3166 alpha-3 country where one is given.
SELECT actor_id, name, actor_type, sector, country_code
FROM actors
WHERE length(name) = 0
   OR NOT list_contains($actor_types, actor_type)
   OR (sector IS NOT NULL AND NOT list_contains($sectors, sector))
   OR (country_code IS NOT NULL AND NOT regexp_full_match(country_code, '[A-Z]{3}'))
