"""The ``crawl`` Prefect flow: fetch and archive (``warta.crawl``), record the fetch ledger, then ``etl`` the archive.

The ``etl`` flow runs as a subflow over this crawl's WARC files, plus any earlier WARC
file whose pages no run has read yet (a crawl whose load failed), so every fetched
page ends up loaded or quarantined.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.runtime import flow_run

from flows.crawl_report import crawl_headline, publish_crawl_artifacts
from warehouse.fetches import WarehouseFetchLedger, record_fetches, unloaded_archives
from warta.crawl import CrawlOptions, CrawlResult, FetchOptions, Source, crawl, crawl_sources, fetch_frame, since_cutoff
from warta.settings import get_settings

TASK_OPTIONS = {"persist_result": False}


@task(name="fetched_pages", task_run_name="fetch and archive [{crawl_id}]", **TASK_OPTIONS)
def fetched_pages_task(sources: list[Source], archive_dir: str, crawl_id: str, db: str, options: CrawlOptions,
                       fetch_options: FetchOptions) -> CrawlResult:
    """List, fetch and archive the sources' article URLs, asking the warehouse what earlier crawls fetched."""
    settings = get_settings()
    ledger = WarehouseFetchLedger(db, settings.lock_retries, settings.lock_backoff_seconds)
    return crawl(sources, archive_dir, crawl_id, fetch_options, options, ledger)


@task(name="fetch_ledger", task_run_name="fetch_ledger [{crawl_id}]", retries=2, retry_delay_seconds=[2, 8], **TASK_OPTIONS)
def fetch_ledger_task(db: str, rows: list[dict], crawl_id: str) -> int:
    """Record the crawl's fetch-ledger rows in the warehouse (one transaction; retried if the file is locked)."""
    settings = get_settings()
    return record_fetches(db, fetch_frame(rows), settings.lock_retries, settings.lock_backoff_seconds)


def _run_name() -> str:
    params = flow_run.parameters or {}
    given = [*(params.get("feeds") or []), *(params.get("sitemaps") or []), *(params.get("urls") or [])]
    label = params.get("outlets") or (Path(str(given[0])).name if given else "nothing")
    more = f" +{len(given) - 1}" if len(given) > 1 else ""
    return f"crawl {label}{more} {datetime.now(timezone.utc):%Y-%m-%d %H:%M:%S}"


@flow(name="crawl", flow_run_name=_run_name, log_prints=True)
def crawl_flow(
    feeds: list[str] | None = None,
    sitemaps: list[str] | None = None,
    urls: list[str] | None = None,
    outlets: str | None = None,
    since: str | None = None,
    limit: int | None = None,
    revisit_hours: float | None = None,
    any_site: bool = False,
    db: str | None = None,
    archive_dir: str | None = None,
    load: bool = True,
    delay: float | None = None,
    host_concurrency: int | None = None,
) -> dict:
    """Crawl feeds, sitemaps, URL lists and outlets into WARC files, record the ledger, and load them with ``etl``.

    ``feeds``, ``sitemaps`` and ``urls`` are URLs or files of URLs; ``outlets`` names
    outlets of ``feeds.yaml`` (or ``all``); ``since`` is a date or an age (``2d``).
    Returns the crawl's counts, its WARC files and, when ``load``, the ``etl`` summary.
    """
    logger = get_run_logger()
    settings = get_settings()
    db_path = str(Path(db or settings.db).absolute())
    archive = str(Path(archive_dir or settings.archive_dir).absolute())
    sources = crawl_sources(feeds or [], sitemaps or [], urls or [], outlets, any_site)
    if not sources:
        raise ValueError("nothing to crawl: give feeds, sitemaps, urls or outlets")
    crawl_id = uuid.uuid4().hex[:12]
    options = CrawlOptions(
        since=since_cutoff(since), limit=limit,
        revisit=timedelta(hours=settings.crawl_revisit_hours if revisit_hours is None else revisit_hours),
        warc_max_bytes=settings.crawl_warc_max_bytes,
    )
    fetch_options = FetchOptions.from_settings(settings)
    if delay is not None or host_concurrency is not None:
        fetch_options = replace(fetch_options, delay=fetch_options.delay if delay is None else delay,
                                host_concurrency=host_concurrency or fetch_options.host_concurrency)
    logger.info("crawl %s: %d source(s), archive %s, warehouse %s", crawl_id, len(sources), archive, db_path)
    result = fetched_pages_task(sources, archive, crawl_id, db_path, options, fetch_options)
    for problem in result.problems[:20]:
        logger.warning("%s", problem)
    fetch_ledger_task(db_path, result.rows, crawl_id)
    summary = None
    # This crawl's pages and any earlier ones no run has read yet (a crawl whose load failed).
    to_load = unloaded_archives(db_path, settings.lock_retries, settings.lock_backoff_seconds) if load else []
    if to_load:
        from flows.etl import etl_flow

        summary = etl_flow(settings)(paths=to_load, db=db_path, incremental=True)
    headline = crawl_headline(crawl_id, result.counts, result.warc_files, summary)
    logger.info("%s", headline)
    publish_crawl_artifacts(crawl_id, result.counts, result.warc_files, result.problems, result.failures, summary)
    return {"crawl_id": crawl_id, "headline": headline, "counts": dict(result.counts),
            "warc_files": result.warc_files, "loaded_files": to_load, "etl": summary}
