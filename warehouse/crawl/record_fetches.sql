-- Record a crawl's ledger rows (registered as crawl_fetches): a new content version, failure,
-- skip or deferral is a new row; reaching an existing row again updates it, keeping what
-- an unchanged check (HTTP 304) does not repeat: the validators, type, size and archive.
INSERT INTO fetches
SELECT url, version, kind, outcome, status, reason, final_url, redirects, content_type, bytes, content_hash,
       etag, last_modified, listed_in, listed_date, warc_file, record_key, attempts,
       1 AS checks, checked_at AS first_seen_at, checked_at, crawl_id
FROM (SELECT DISTINCT ON (url, version) * FROM crawl_fetches ORDER BY url, version, checked_at DESC)
ON CONFLICT (url, version) DO UPDATE SET
    outcome = excluded.outcome,
    status = excluded.status,
    reason = excluded.reason,
    final_url = coalesce(excluded.final_url, fetches.final_url),
    redirects = CASE WHEN excluded.outcome = 'unchanged' THEN fetches.redirects ELSE excluded.redirects END,
    content_type = coalesce(excluded.content_type, fetches.content_type),
    bytes = coalesce(excluded.bytes, fetches.bytes),
    etag = coalesce(excluded.etag, fetches.etag),
    last_modified = coalesce(excluded.last_modified, fetches.last_modified),
    listed_in = coalesce(excluded.listed_in, fetches.listed_in),
    listed_date = coalesce(excluded.listed_date, fetches.listed_date),
    warc_file = coalesce(excluded.warc_file, fetches.warc_file),
    record_key = coalesce(excluded.record_key, fetches.record_key),
    attempts = excluded.attempts,
    checks = fetches.checks + 1,
    checked_at = excluded.checked_at,
    crawl_id = excluded.crawl_id;
