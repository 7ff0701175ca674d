"""A crawl, end to end: list article URLs from feeds, sitemaps and URL lists, fetch them, archive them.

:func:`crawl` is a plain function (no Prefect, no database): it reads what earlier
crawls fetched through a :class:`~warta.crawl.ledger.FetchLedger`, and returns the
ledger rows to record, the WARC files written and the counts of the run report.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from warta.crawl.archive import WarcArchive
from warta.crawl.discovery import Listed, Listing, feed_listings, sitemap_listings
from warta.crawl.fetching import Fetch, Fetcher, FetchOptions
from warta.crawl.ledger import EmptyLedger, FetchLedger, PriorFetch, fetch_row
from warta.crawl.sources import Source
from warta.ingest.warc import archived_payload

MAX_SITEMAP_DEPTH = 3  # index -> index -> urlset


@dataclass
class CrawlOptions:
    """What a crawl fetches: ``since`` drops older listings, ``limit`` caps article requests, ``revisit`` spaces re-checks."""

    since: datetime | None = None
    limit: int | None = None
    revisit: timedelta = timedelta(hours=24)
    max_sitemaps: int = 20  # child sitemaps of one index, newest first
    warc_max_bytes: int = 1_000_000_000


@dataclass
class CrawlResult:
    """What a crawl did: ledger rows, WARC files, counts and the problems of the listings."""

    crawl_id: str
    rows: list[dict] = field(default_factory=list)
    warc_files: list[str] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (url, reason) of failed article fetches


def crawl(sources: list[Source], archive_dir: Path | str, crawl_id: str, fetch_options: FetchOptions,
          options: CrawlOptions | None = None, ledger: FetchLedger | None = None) -> CrawlResult:
    """List, fetch and archive; return the ledger rows and counts (synchronous wrapper of :func:`crawl_async`)."""
    return asyncio.run(crawl_async(sources, archive_dir, crawl_id, fetch_options, options, ledger))


async def crawl_async(sources: list[Source], archive_dir: Path | str, crawl_id: str, fetch_options: FetchOptions,
                      options: CrawlOptions | None = None, ledger: FetchLedger | None = None) -> CrawlResult:
    """The crawl as a coroutine: listings first, then every article URL, hosts in parallel."""
    options = options or CrawlOptions()
    ledger = ledger or EmptyLedger()
    result = CrawlResult(crawl_id)
    archive = WarcArchive(archive_dir, crawl_id, options.warc_max_bytes, fetch_options.user_agent)
    fetcher = Fetcher(fetch_options)
    try:
        listings = await _listings(sources, fetcher, ledger, archive, options, result)
        await _fetch_articles(listings, fetcher, ledger, archive, options, result)
    finally:
        await fetcher.close()
        result.warc_files = [str(p) for p in archive.close()]
    result.counts["requests"] = fetcher.requests
    return result


async def _listings(sources: list[Source], fetcher: Fetcher, ledger: FetchLedger, archive: WarcArchive,
                    options: CrawlOptions, result: CrawlResult) -> list[tuple[Listing, frozenset[str] | None]]:
    """Every article URL the sources list, once, with the sites it may be on.

    Feeds and sitemaps are archived too. One that has not changed since the last crawl
    (HTTP 304) is read back from the archive, so what it lists is still considered:
    failed and deferred articles are tried again, and due ones re-checked.
    """
    found: list[tuple[Listing, frozenset[str] | None]] = []
    for source in sources:
        if source.kind == "url":
            found.append((Listing(source.url, source.listed_in or "url list"), source.sites))
    documents = [s for s in sources if s.kind in ("feed", "sitemap")]
    prior = ledger.prior([s.url for s in documents])

    async def one(source: Source, depth: int) -> None:
        known = prior.get(source.url)
        fetch = await fetcher.fetch(source.url, source.kind, _validators(known))
        body, warc_file, record_key = fetch.body, None, None
        if fetch.outcome == "fetched":
            warc_file, record_key = archive.write(fetch)
        elif fetch.outcome == "unchanged" and body is None:
            body = archived_payload(known.archived) if known and known.archived else None
            if body is None:  # the archived copy is gone: ask for the whole document again
                fetch = await fetcher.fetch(source.url, source.kind)
                body = fetch.body
                if fetch.outcome == "fetched":
                    warc_file, record_key = archive.write(fetch)
        row = fetch_row(fetch, result.crawl_id, source.listed_in, warc_file=warc_file, record_key=record_key)
        result.rows.append(row)
        result.counts[f"{source.kind}s_{fetch.outcome}"] += 1
        if body is None:
            result.problems.append(f"{source.kind} {source.url}: {fetch.reason}")
            return
        base = fetch.final_url or source.url
        listed: Listed = (feed_listings(body, base) if source.kind == "feed"
                          else sitemap_listings(body, base, fetcher.options.max_bytes))
        if listed.error:
            row.update(outcome="failed", version="failed", reason=listed.error)
            result.problems.append(f"{source.kind} {source.url}: {listed.error}")
            return
        result.problems.extend(listed.problems)
        result.counts["malformed_entries"] += len(listed.problems)
        found.extend((Listing(x.url, source.url, x.published), source.sites) for x in listed.listings)
        children = [(u, d) for u, d in listed.sitemaps if options.since is None or d is None or d >= options.since]
        result.counts["sitemaps_skipped"] += len(listed.sitemaps) - len(children)  # older than --since
        if children and depth >= MAX_SITEMAP_DEPTH:
            result.problems.append(f"sitemap {source.url}: nested deeper than {MAX_SITEMAP_DEPTH} levels")
            return
        # Newest first, undated after dated; past max_sitemaps, the oldest wait.
        children.sort(key=lambda c: c[1] or datetime.min.replace(tzinfo=timezone.utc), reverse=True)
        children = [Source(u, "sitemap", source.sites, source.url) for u, _ in children[: options.max_sitemaps]]
        prior.update(ledger.prior([c.url for c in children]))
        await asyncio.gather(*(one(child, depth + 1) for child in children))

    await asyncio.gather(*(one(s, 1) for s in documents))
    unique: dict[str, tuple[Listing, frozenset[str] | None]] = {}
    for listing, sites in found:
        kept = unique.get(listing.url)
        if kept is None or (kept[0].published is None and listing.published is not None):
            unique[listing.url] = (listing, sites)
    return list(unique.values())


async def _fetch_articles(listings: list[tuple[Listing, frozenset[str] | None]], fetcher: Fetcher,
                          ledger: FetchLedger, archive: WarcArchive, options: CrawlOptions,
                          result: CrawlResult) -> None:
    """Fetch the listed articles that are new, changed or due, newest first, and archive each as it arrives."""
    counts = result.counts
    counts["listed"] = len(listings)
    prior = ledger.prior([x.url for x, _ in listings])
    now = datetime.now(timezone.utc)
    due = []
    for listing, sites in listings:
        if options.since is not None and listing.published is not None and listing.published < options.since:
            counts["old"] += 1
            continue
        known = prior.get(listing.url)
        if known and known.fetched_at and known.outcome in ("fetched", "unchanged") and now - known.fetched_at < options.revisit:
            counts["not_due"] += 1  # fetched recently: not asked again before the revisit interval
            continue
        due.append((listing, sites))
    due.sort(key=lambda d: d[0].published or datetime.min.replace(tzinfo=timezone.utc), reverse=True)
    if options.limit is not None and len(due) > options.limit:
        for listing, _ in due[options.limit:]:
            deferred = Fetch(listing.url, "article", outcome="deferred", reason=f"over --limit {options.limit}", fetched_at=now)
            result.rows.append(fetch_row(deferred, result.crawl_id, listing.listed_in, listing.published))
        counts["deferred"] += len(due) - options.limit
        due = due[: options.limit]

    async def one(listing: Listing, sites: frozenset[str] | None) -> None:
        fetch = await fetcher.fetch(listing.url, "article", _validators(prior.get(listing.url)), sites)
        warc_file = record_key = None
        if fetch.outcome == "fetched":
            warc_file, record_key = archive.write(fetch, listing.published)
        elif fetch.outcome == "failed":
            result.failures.append((listing.url, fetch.reason or ""))
        counts[fetch.skip or fetch.outcome] += 1
        result.rows.append(fetch_row(fetch, result.crawl_id, listing.listed_in, listing.published, warc_file, record_key))
        fetch.body, fetch.exchanges = None, []  # archived: free the memory now

    await asyncio.gather(*(one(listing, sites) for listing, sites in due))


def _validators(known: PriorFetch | None):
    return known.validators if known is not None else None
