"""warta crawl against a real HTTP server on loopback: outcomes, politeness, conditional GET, archive.

The site (tests/crawl_site.py) serves saved pages behind a feed and a news sitemap and
simulates what goes wrong on the web. Timings are read from the order and arrival
times of the requests the server saw, never from how long the test took.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta, timezone
from itertools import pairwise
from pathlib import Path

import duckdb
import pytest
from warcio.archiveiterator import ArchiveIterator

from tests.crawl_site import GOLDEN_HTML, NewsSite
from warehouse.fetches import WarehouseFetchLedger, record_fetches
from warta.crawl import CrawlOptions, FetchOptions, crawl, crawl_sources, fetch_frame
from warta.crawl.discovery import feed_listings, sitemap_listings
from warta.crawl.fetching import retry_after_seconds
from warta.crawl.urls import normalise_url
from warta.ingest import plan_batches, read_batch

DELAY = 0.2
# Fast enough for a test, slow enough that the per-host spacing is visible in the server's log.
OPTIONS = FetchOptions(user_agent="Warta/0.1 (test crawler)", delay=DELAY, timeout=0.5, retries=1, backoff=0.05,
                       max_retry_after=5)
PAGES = ["/news/banjir-bekasi", "/news/pemilu", "/news/rusia-myanmar", "/news/menlu-jepang", "/news/tanpa-tanggal",
         "/news/berubah", "/news/kerja-sama", "/news/bansos", "/news/inflasi", "/news/gempa", "/news/tanpa-tanggal-2"]


def _crawl(site: NewsSite, folder: Path, crawl_id: str, options: CrawlOptions | None = None,
           fetch: FetchOptions = OPTIONS, **sources):
    """One crawl of the site's feed and sitemap (or ``sources``), its ledger rows recorded in ``folder``'s warehouse."""
    db = folder / "warta.duckdb"
    given = sources or {"feeds": [site.url("/feed.xml")], "sitemaps": [site.url("/sitemap.xml")]}
    result = crawl(crawl_sources(**given), folder / "archive", crawl_id, fetch, options or CrawlOptions(),
                   WarehouseFetchLedger(db))
    record_fetches(db, fetch_frame(result.rows))
    return result


def _ledger(folder: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(folder / "warta.duckdb"), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _archived_pages(warc_files: list[str]) -> dict[str, dict]:
    """The documents ``warta run`` reads from these WARC files, by URL."""
    pages = {}
    for spec in plan_batches(warc_files, 3, 10_000_000):
        raw, quarantine = read_batch(spec, 10_000_000)
        assert quarantine.is_empty(), quarantine.to_dicts()
        pages.update({row["url"]: row for row in raw.to_dicts()})
    return pages


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """The site crawled once: (site, folder, result, number of requests it took)."""
    site = NewsSite(slow_seconds=2.0)
    site.start()
    folder = tmp_path_factory.mktemp("crawl")
    result = _crawl(site, folder, "first")
    yield site, folder, result, len(site.hits)
    site.stop()


@pytest.fixture(scope="module")
def recrawled(crawled):
    """The same site crawled again after one page changed, re-checking every article (revisit 0)."""
    site, folder, _, first = crawled
    site.version = 2
    result = _crawl(site, folder, "second", CrawlOptions(revisit=timedelta(0)))
    return result, site.hits[first:len(site.hits)]


def test_every_listed_url_is_archived_or_recorded_with_its_reason(crawled):
    site, folder, result, _ = crawled
    assert _archived_pages(result.warc_files).keys() == {site.url(p) for p in PAGES}
    outcomes = {url: (outcome, status, reason) for url, outcome, status, reason in _ledger(
        folder, "SELECT url, outcome, status, reason FROM fetches WHERE kind = 'article'")}
    listed = {site.url(p) for p in PAGES if p != "/news/bansos"} | {site.url("/lama")}
    assert {u for u, o in outcomes.items() if o[0] == "fetched"} == listed
    assert outcomes[site.url("/hilang")] == ("failed", 404, "HTTP 404 Not Found")
    assert outcomes[site.url("/rusak")][:2] == ("failed", 500) and "after 2 attempts" in outcomes[site.url("/rusak")][2]
    assert outcomes[site.url("/lambat")][0] == "failed" and outcomes[site.url("/lambat")][2].startswith("timeout")
    assert outcomes[site.url("/private/rahasia")] == ("skipped", None, "disallowed by robots.txt")
    assert outcomes[site.url("/dokumen.pdf")] == ("skipped", 200, "not an HTML page (application/pdf)")
    assert outcomes[f"http://localhost:{site.port}/news/luar"][0] == "skipped"
    assert "off-site" in outcomes[f"http://localhost:{site.port}/news/luar"][2]
    # 11 listed pages, 3 failures, 3 skips; nothing else in the ledger, nothing missing from it.
    assert len(outcomes) == 17 == result.counts["listed"]
    assert (result.counts["fetched"], result.counts["failed"], result.counts["robots"], result.counts["off_site"],
            result.counts["not_html"]) == (11, 3, 1, 1, 1)
    # What robots.txt disallows and what lies off-site is never requested.
    assert not site.requests_to("/private/rahasia")
    assert {h.host for h in site.hits} == {f"127.0.0.1:{site.port}"}
    # The feed's two entries without a usable link are reported, not dropped silently.
    assert result.counts["malformed_entries"] == 2
    assert any("Tanpa tautan" in p for p in result.problems) and any("javascript:" in p for p in result.problems)


def test_requests_to_one_host_keep_the_delay_and_honour_retry_after(crawled):
    site, _, _, first = crawled
    arrivals = [h.at for h in site.hits[:first]]
    gaps = [b - a for a, b in pairwise(arrivals)]
    assert len(gaps) > 20
    # The client spaces request starts exactly, but arrival times carry the server's scheduling
    # jitter: a request read late shortens the next gap by as much as it lengthened the one
    # before (one run saw a gap of 0.166 s). So no gap is a burst, and any two
    # gaps together keep twice the delay.
    assert min(gaps) >= DELAY / 2, sorted(gaps)[:5]
    assert min(a + b for a, b in pairwise(gaps)) >= 2 * DELAY - 0.03, sorted(gaps)[:5]
    busy = site.requests_to("/news/kerja-sama")
    assert [h.status for h in busy] == [429, 200]
    assert busy[1].at - busy[0].at >= site.retry_after - 0.03
    assert all(h.headers.get("User-Agent") == OPTIONS.user_agent for h in site.hits)


def test_redirect_chain_is_followed_recorded_and_archived(crawled):
    site, folder, result, _ = crawled
    [(final, redirects)] = _ledger(folder, f"SELECT final_url, redirects FROM fetches WHERE url = '{site.url('/lama')}'")
    assert final == site.url("/news/bansos")
    assert redirects == [site.url("/pindah"), site.url("/news/bansos")]
    statuses = {}
    for path in result.warc_files:
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type == "response":
                    statuses[record.rec_headers.get_header("WARC-Target-URI")] = record.http_headers.get_statuscode()
    assert statuses[site.url("/lama")] == "301" and statuses[site.url("/pindah")] == "302"
    assert statuses[site.url("/news/bansos")] == "200"


def test_gzip_and_a_windows_1252_page_arrive_as_the_publisher_wrote_them(crawled):
    site, folder, result, _ = crawled
    assert [h.gzipped for h in site.requests_to("/news/rusia-myanmar")] == [True]
    original = (GOLDEN_HTML / "antara_rusia_myanmar.html").read_bytes()
    [(digest,)] = _ledger(folder, f"SELECT content_hash FROM fetches WHERE url = '{site.url('/news/rusia-myanmar')}'")
    assert digest == hashlib.sha256(original).hexdigest()  # archived decoded, hashed decoded
    pages = _archived_pages(result.warc_files)
    assert "Rusia" in pages[site.url("/news/rusia-myanmar")]["html"]
    menlu = pages[site.url("/news/menlu-jepang")]["html"]
    assert "“Kami sepakat memperkuat kerja sama perdagangan dan investasi,”" in menlu and "JAKARTA –" in menlu


def test_fetch_time_is_the_date_only_of_a_page_that_gives_none(crawled):
    site, folder, result, _ = crawled
    pages = _archived_pages(result.warc_files)
    assert pages[site.url("/news/banjir-bekasi")]["published_hint"] is None  # the page states its date
    [(fetched_at,)] = _ledger(folder, f"SELECT checked_at FROM fetches WHERE url = '{site.url('/news/tanpa-tanggal')}'")
    hint = datetime.fromisoformat(pages[site.url("/news/tanpa-tanggal")]["published_hint"].replace("Z", "+00:00"))
    assert hint == fetched_at  # no date in the page nor in the feed: the fetch time
    # No date in the page, but the news sitemap lists one: that date.
    assert pages[site.url("/news/tanpa-tanggal-2")]["published_hint"].startswith("2025-02-03T08:30:00")


def test_second_crawl_asks_conditionally_and_fetches_only_the_changed_page(crawled, recrawled):
    site, folder, _, _ = crawled
    result, hits = recrawled
    by_path = {}
    for hit in hits:
        by_path.setdefault(hit.path, []).append(hit)
    assert [h.status for h in by_path["/feed.xml"]] == [304]  # read back from the archive
    assert [h.status for h in by_path["/sitemap-news.xml"]] == [304]
    for path in PAGES:
        if path != "/news/berubah":
            assert [h.status for h in by_path[path]] == [304], path
            assert by_path[path][0].headers.get("If-None-Match")
    assert [h.status for h in by_path["/news/berubah"]] == [200]  # a new ETag: fetched again
    assert result.counts["fetched"] == 1 and result.counts["unchanged"] == len(PAGES) - 1
    assert _archived_pages(result.warc_files).keys() == {site.url("/news/berubah")}
    versions = dict(_ledger(folder, "SELECT url, count(*) FROM fetches WHERE outcome IN ('fetched', 'unchanged') "
                                    "AND kind = 'article' GROUP BY url"))
    assert versions.pop(site.url("/news/berubah")) == 2  # one row per content version
    assert set(versions.values()) == {1}
    # Failures are tried again, and stay recorded with their reason.
    assert [h.status for h in by_path["/hilang"]] == [404]


def test_a_crawl_within_the_revisit_interval_asks_for_no_page(crawled, recrawled):
    site, folder, _, _ = crawled
    before = len(site.hits)
    result = _crawl(site, folder, "third")  # the default revisit interval: 24 hours
    asked = {h.path for h in site.hits[before:]}
    assert not asked & set(PAGES) and site.url("/lama") not in asked
    assert result.counts["not_due"] == len(PAGES) - 1 + 1  # ten pages and /lama, fetched minutes ago
    assert result.counts["fetched"] == 0 and not result.warc_files


def test_since_skips_old_listings_and_limit_defers_the_rest(tmp_path):
    site = NewsSite(slow_seconds=0.1)
    site.start()
    try:
        fast = FetchOptions(user_agent="Warta/0.1 (test crawler)", delay=0.02, timeout=2, retries=0)
        since = datetime(2025, 1, 1, tzinfo=timezone.utc)
        result = _crawl(site, tmp_path, "since", CrawlOptions(since=since, limit=3), fast)
    finally:
        site.stop()
    assert not site.requests_to("/sitemap-2019.xml")  # its index lastmod is older than --since
    assert not site.requests_to("/news/gempa")  # listed 2023-11-17
    assert result.counts["old"] == 1 and result.counts["sitemaps_skipped"] == 1 and result.counts["fetched"] == 3
    fetched = [u for u, in _ledger(tmp_path, "SELECT url FROM fetches WHERE outcome = 'fetched' AND kind = 'article'")]
    deferred = _ledger(tmp_path, "SELECT url, reason FROM fetches WHERE outcome = 'deferred'")
    assert site.url("/news/inflasi") in fetched  # newest first: 2025-10-27
    assert len(deferred) == result.counts["deferred"] > 0 and all("--limit 3" in r for _, r in deferred)


def test_robots_txt_rules_crawl_delay_and_an_unreachable_robots_txt(tmp_path):
    slow = NewsSite(robots=(200, b"User-agent: Warta\nCrawl-delay: 0.3\nDisallow: /news/pemilu\n"))
    down = NewsSite(robots=(503, b"down"))
    slow.start(), down.start()
    try:
        fast = FetchOptions(user_agent="Warta/0.1 (test crawler)", delay=0.01, timeout=2, retries=0)
        urls = [slow.url(p) for p in ("/news/banjir-bekasi", "/news/pemilu", "/news/inflasi", "/news/gempa")]
        kept = _crawl(slow, tmp_path / "slow", "slow", fetch=fast, urls=urls)
        gone = _crawl(down, tmp_path / "down", "down", fetch=fast, urls=[down.url("/news/banjir-bekasi")])
    finally:
        slow.stop(), down.stop()
    arrivals = [h.at for h in slow.hits]
    assert min(b - a for a, b in pairwise(arrivals)) >= 0.3 - 0.03  # Crawl-delay outranks --delay
    assert kept.counts["robots"] == 1 and not slow.requests_to("/news/pemilu")  # the group of our product token
    assert gone.counts["robots"] == 1 and [h.path for h in down.hits] == ["/robots.txt"]
    [(reason,)] = _ledger(tmp_path / "down", "SELECT reason FROM fetches")
    assert reason.startswith("robots.txt unreachable (HTTP 503")


def test_a_page_over_the_size_limit_fails_with_its_reason(tmp_path):
    site = NewsSite()
    site.start()
    try:
        small = FetchOptions(user_agent="Warta/0.1 (test crawler)", delay=0.01, timeout=2, retries=0, max_bytes=1000)
        result = _crawl(site, tmp_path, "small", fetch=small, urls=[site.url("/news/banjir-bekasi"), site.url("/news/rusia-myanmar")])
    finally:
        site.stop()
    reasons = [r for r, in _ledger(tmp_path, "SELECT reason FROM fetches ORDER BY url")]
    assert result.counts["failed"] == 2 and all(r.startswith("larger than the size limit") for r in reasons)


def test_feed_and_sitemap_parsing_keep_what_they_can():
    feed = feed_listings(b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t &bogus;</title>
        <item><link>/relatif?utm_source=rss</link><pubDate>Mon, 27 Oct 2025 14:05:32 +0700</pubDate></item>
        <item><link>https://contoh.id/b</link><pubDate>bukan tanggal</pubDate></item>
        <item><title>tanpa tautan</title></item></channel></rss>""", "https://contoh.id/feed")
    assert [(x.url, x.published) for x in feed.listings] == [
        ("https://contoh.id/relatif", datetime(2025, 10, 27, 7, 5, 32, tzinfo=timezone.utc)), ("https://contoh.id/b", None)]
    assert len(feed.problems) == 2  # the unreadable date and the missing link
    assert feed_listings(b"<html><body>not a feed</body></html>", "https://contoh.id/").error
    import gzip

    packed = gzip.compress(b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"><url><loc>https://contoh.id/a</loc>
        <image:image><image:loc>https://contoh.id/a.jpg</image:loc></image:image><lastmod>2025-01-02</lastmod></url>
        <url><loc>ftp://contoh.id/x</loc></url></urlset>""")
    listed = sitemap_listings(packed, "https://contoh.id/sitemap.xml.gz", 100_000)
    assert [(x.url, x.published.date().isoformat()) for x in listed.listings] == [("https://contoh.id/a", "2025-01-02")]
    assert len(listed.problems) == 1
    assert "size limit" in sitemap_listings(packed, "https://contoh.id/s.xml.gz", 100).error


def test_urls_are_normalised_and_retry_after_read():
    assert normalise_url("HTTPS://Contoh.ID:443/a/b?utm_medium=x&id=2#komentar") == "https://contoh.id/a/b?id=2"
    assert normalise_url("mailto:redaksi@contoh.id") is None and normalise_url("../c", "https://contoh.id/a/b") == "https://contoh.id/c"
    assert retry_after_seconds("7") == 7.0 and retry_after_seconds("soon") is None
    now = datetime(2025, 1, 1, 12, tzinfo=timezone.utc)
    assert retry_after_seconds("Wed, 01 Jan 2025 12:00:30 GMT", now) == 30.0


def test_outlets_file_loads_and_every_url_is_usable():
    from warta.crawl import outlet_sources, outlets

    known = outlets()
    assert len(known) >= 15 and all(not o.verified for o in known.values())
    sources = outlet_sources("all")
    assert {s.kind for s in sources} == {"feed", "sitemap"}
    assert all(s.sites for s in sources)  # each kept to its outlet's own site
    with pytest.raises(ValueError, match="unknown outlet"):
        outlet_sources("kompas,tidak-ada")
