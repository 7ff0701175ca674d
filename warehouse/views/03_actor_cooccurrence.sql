-- Actor pairs mentioned in the same article (each pair once, actor1_id < actor2_id),
-- with the number of articles and of sentences where both appear.
CREATE OR REPLACE VIEW actor_cooccurrence AS
WITH in_article AS (
    SELECT DISTINCT article_id, actor_id FROM actor_mentions
), in_sentence AS (
    SELECT DISTINCT article_id, sentence_id, actor_id FROM actor_mentions
), article_pairs AS (
    SELECT x.actor_id AS actor1_id, y.actor_id AS actor2_id, count(*) AS articles
    FROM in_article x
    JOIN in_article y ON x.article_id = y.article_id AND x.actor_id < y.actor_id
    GROUP BY ALL
), sentence_pairs AS (
    SELECT x.actor_id AS actor1_id, y.actor_id AS actor2_id, count(*) AS sentences
    FROM in_sentence x
    JOIN in_sentence y ON x.article_id = y.article_id AND x.sentence_id = y.sentence_id AND x.actor_id < y.actor_id
    GROUP BY ALL
)
SELECT p.actor1_id,
       a1.name       AS actor1_name,
       a1.actor_type AS actor1_type,
       p.actor2_id,
       a2.name       AS actor2_name,
       a2.actor_type AS actor2_type,
       p.articles,
       coalesce(s.sentences, 0) AS sentences
FROM article_pairs p
LEFT JOIN sentence_pairs s USING (actor1_id, actor2_id)
LEFT JOIN actors a1 ON a1.actor_id = p.actor1_id
LEFT JOIN actors a2 ON a2.actor_id = p.actor2_id;
