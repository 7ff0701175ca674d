"""Crawl: article URLs from feeds, sitemaps and URL lists, fetched politely and archived as WARC.

The package owns one job per module:

* ``urls``: normalising URLs, their host and site;
* ``sources``: what to crawl (files and URLs given, outlets of ``lexicons/feeds.yaml``);
* ``discovery``: the article URLs a feed or sitemap lists (feedparser, lxml);
* ``politeness``: robots.txt, per-host spacing and concurrency;
* ``fetching``: one URL fetched (httpx): conditional GET, redirects, retries, limits;
* ``archive``: WARC files of the fetched pages (warcio), which ``warta run`` reads;
* ``ledger``: the rows of the fetch ledger (one per URL and content version);
* ``crawler``: a whole crawl, from sources to ledger rows and WARC files.

No Prefect and no database here: ``flows/crawl.py`` runs a crawl, records its ledger
rows in the warehouse and loads its WARC files with the ``etl`` flow.
"""

from warta.crawl.crawler import CrawlOptions, CrawlResult, crawl, crawl_async
from warta.crawl.fetching import Fetch, Fetcher, FetchOptions, Validators
from warta.crawl.ledger import FETCH_SCHEMA, EmptyLedger, FetchLedger, PriorFetch, fetch_frame
from warta.crawl.sources import Outlet, Source, crawl_sources, outlet_sources, outlets, since_cutoff

__all__ = [
    "FETCH_SCHEMA", "CrawlOptions", "CrawlResult", "EmptyLedger", "Fetch", "FetchLedger", "FetchOptions", "Fetcher",
    "Outlet", "PriorFetch", "Source", "Validators", "crawl", "crawl_async", "crawl_sources", "fetch_frame",
    "outlet_sources", "outlets", "since_cutoff",
]
