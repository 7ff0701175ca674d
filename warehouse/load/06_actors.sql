-- Actors: new ones are added; known ones gain aliases and fill missing attributes.
INSERT INTO actors (actor_id, name, actor_type, country_code, sector, aliases, wikidata_id, role)
SELECT actor_id, any_value(name), any_value(actor_type), any_value(country_code), any_value(sector),
       list_sort(list_distinct(flatten(list(aliases)))), any_value(wikidata_id), any_value(role)
FROM staged_actors
GROUP BY actor_id
ON CONFLICT (actor_id) DO UPDATE SET
    aliases = list_sort(list_distinct(list_concat(actors.aliases, excluded.aliases))),
    country_code = coalesce(actors.country_code, excluded.country_code),
    sector = coalesce(actors.sector, excluded.sector),
    wikidata_id = coalesce(actors.wikidata_id, excluded.wikidata_id),
    role = coalesce(actors.role, excluded.role);
