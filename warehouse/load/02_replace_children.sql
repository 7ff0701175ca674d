-- Articles loaded again (their content changed) lose their old extractions first.
DELETE FROM actor_mentions WHERE article_id IN (SELECT article_id FROM winners);
DELETE FROM events WHERE article_id IN (SELECT article_id FROM winners);
DELETE FROM article_sources WHERE article_id IN (SELECT article_id FROM winners);
