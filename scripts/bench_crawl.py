"""Fetch throughput of `warta crawl` against local sites on loopback, and what each failure kind costs.

For each setting (per-host delay, requests in flight per host, number of hosts) it
crawls a feed of saved pages on each host (fetch and WARC archive; no load) and
prints pages/s. Then it crawls the test site of tests/crawl_site.py, which simulates
every failure kind, and prints each URL's outcome, status, reason, attempts and the
time its requests took. Nothing leaves the machine: every site listens on 127.0.0.1.

    .venv/bin/python scripts/bench_crawl.py            # the table in docs/crawling.md
    .venv/bin/python scripts/bench_crawl.py --quick    # a smaller run
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.crawl_site import NewsSite
from warta.crawl import CrawlOptions, FetchOptions, crawl, crawl_sources

AGENT = "Warta/0.1 (benchmark)"


def throughput(pages: int, delay: float, per_host: int, hosts: int) -> tuple[float, int]:
    """Pages/s of one crawl of ``hosts`` sites with ``pages`` pages each; and the requests it sent."""
    sites = [NewsSite(bulk_pages=pages) for _ in range(hosts)]
    for site in sites:
        site.start()
    try:
        with tempfile.TemporaryDirectory() as folder:
            options = FetchOptions(user_agent=AGENT, delay=delay, host_concurrency=per_host, concurrency=16, timeout=10)
            started = time.perf_counter()
            result = crawl(crawl_sources(feeds=[s.url("/bulk.xml") for s in sites]), folder, "bench", options,
                           CrawlOptions())
            seconds = time.perf_counter() - started
    finally:
        for site in sites:
            site.stop()
    assert result.counts["fetched"] == pages * hosts, dict(result.counts)
    return result.counts["fetched"] / seconds, result.counts["requests"]


def failure_kinds() -> None:
    """Crawl the test site once and print what became of each URL, and how long its requests took."""
    site = NewsSite(slow_seconds=3.0, retry_after=2)
    site.start()
    try:
        with tempfile.TemporaryDirectory() as folder:
            options = FetchOptions(user_agent=AGENT, delay=0.05, timeout=1.0, retries=2, backoff=0.25)
            result = crawl(crawl_sources(feeds=[site.url("/feed.xml")]), folder, "kinds", options, CrawlOptions())
    finally:
        site.stop()
    spent: dict[str, list[float]] = {}
    for hit in site.hits:
        spent.setdefault(hit.path, []).append(hit.at)
    print("\n| URL | outcome | status | requests | first to last request | reason |\n|---|---|---|---:|---:|---|")
    for row in sorted((r for r in result.rows if r["kind"] == "article"), key=lambda r: r["url"]):
        path = row["url"].split(str(site.port), 1)[-1]
        times = spent.get(path, [])
        span = f"{times[-1] - times[0]:.2f} s" if len(times) > 1 else ""
        print(f"| `{path}` | {row['outcome']} | {row['status'] or ''} | {row['attempts']} | {span} | {row['reason'] or ''} |")
    print(f"\nmalformed feed entries reported: {result.counts['malformed_entries']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer pages per setting")
    args = parser.parse_args()
    scale = 4 if args.quick else 1
    settings = [  # (delay s, in flight per host, hosts, pages per host)
        (1.0, 1, 1, 10 // scale * scale or 5), (0.2, 1, 1, 50 // scale), (0.05, 1, 1, 200 // scale),
        (0.0, 1, 1, 400 // scale), (0.0, 4, 1, 400 // scale), (0.2, 1, 8, 50 // scale), (0.0, 4, 8, 100 // scale),
    ]
    print("| per-host delay | in flight per host | hosts | pages | pages/s | bound by the delay |\n|---:|---:|---:|---:|---:|---:|")
    for delay, per_host, hosts, pages in settings:
        rate, _ = throughput(pages, delay, per_host, hosts)
        bound = f"{hosts / delay:.1f}" if delay else "-"
        print(f"| {delay:g} s | {per_host} | {hosts} | {pages * hosts} | {rate:.1f} | {bound} |", flush=True)
    failure_kinds()


if __name__ == "__main__":
    main()
