-- What the ledger knows of the URLs $urls: the latest outcome, and of the newest version
-- that was fetched (or found unchanged) its validators for a conditional GET, when it was
-- last seen, and where it is archived.
SELECT url,
       arg_max(outcome, checked_at) AS outcome,
       arg_max(etag, checked_at) FILTER (WHERE outcome IN ('fetched', 'unchanged')) AS etag,
       arg_max(last_modified, checked_at) FILTER (WHERE outcome IN ('fetched', 'unchanged')) AS last_modified,
       arg_max(content_hash, checked_at) FILTER (WHERE outcome IN ('fetched', 'unchanged')) AS content_hash,
       max(checked_at) FILTER (WHERE outcome IN ('fetched', 'unchanged')) AS fetched_at,
       arg_max(record_key, checked_at) FILTER (WHERE outcome IN ('fetched', 'unchanged')) AS archived
FROM fetches
WHERE url IN (SELECT unnest($urls::VARCHAR[]))
GROUP BY url;
