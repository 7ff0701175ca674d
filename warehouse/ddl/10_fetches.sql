-- The fetch ledger of `warta crawl`: one row per URL and content version (version = the
-- content hash), plus one row per URL for its latest failure, skip or deferral
-- (version = that outcome), with the HTTP status and the reason. Asking again and
-- finding a version unchanged moves its checked_at and counts the check.
CREATE TABLE IF NOT EXISTS fetches (
    url           VARCHAR NOT NULL,
    version       VARCHAR NOT NULL,
    kind          VARCHAR NOT NULL,   -- article, feed, sitemap
    outcome       VARCHAR NOT NULL,   -- fetched, unchanged, failed, skipped, deferred
    status        INTEGER,            -- the last HTTP status (NULL: no response)
    reason        VARCHAR,            -- why it failed, was skipped or is unchanged
    final_url     VARCHAR,            -- after redirects
    redirects     VARCHAR[],          -- every URL after url, the final one last
    content_type  VARCHAR,
    bytes         BIGINT,
    content_hash  VARCHAR,            -- sha256 of the body after HTTP decoding
    etag          VARCHAR,
    last_modified VARCHAR,
    listed_in     VARCHAR,            -- the feed, sitemap or URL list that listed it
    listed_date   TIMESTAMPTZ,        -- the date that listing gave
    warc_file     VARCHAR,            -- where the page (or feed, sitemap) is archived
    record_key    VARCHAR,            -- its WARC record: `file#offset`, a page's documents.record_key
    attempts      INTEGER,            -- requests the last fetch took (redirect hops and retries included)
    checks        INTEGER NOT NULL,   -- crawls that reached this row
    first_seen_at TIMESTAMPTZ NOT NULL,
    checked_at    TIMESTAMPTZ NOT NULL,
    crawl_id      VARCHAR NOT NULL,   -- the last crawl that reached this row
    PRIMARY KEY (url, version)
);
