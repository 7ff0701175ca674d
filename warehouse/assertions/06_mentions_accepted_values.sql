-- Mentions: a known type and a span that lies inside its article's body and holds the mention.
SELECT m.article_id, m.mention, m.type, m."start", m."end"
FROM actor_mentions m JOIN articles a USING (article_id)
WHERE a.run_id = $run_id
  AND (NOT list_contains($mention_types, m.type)
       OR m."start" < 0 OR m."end" <= m."start" OR m."end" > length(a.body)
       OR substring(a.body, m."start" + 1, m."end" - m."start") <> m.mention)
