"""The crawl's run report: one line for the log and the CLI, a markdown artifact and a table of failures."""

from __future__ import annotations

from collections import Counter

from prefect.artifacts import create_markdown_artifact, create_table_artifact

CRAWL_REPORT_KEY = "warta-crawl-report"
CRAWL_FAILURES_KEY = "warta-crawl-failures"

# (label, counter key) of the article URLs, in the order a reader follows them.
ARTICLE_ROWS = (
    ("listed by the feeds, sitemaps and URL lists", "listed"),
    ("fetched and archived (new or changed)", "fetched"),
    ("unchanged (HTTP 304, or the same content)", "unchanged"),
    ("not due (fetched within the revisit interval, not asked)", "not_due"),
    ("skipped: disallowed by robots.txt", "robots"),
    ("skipped: off-site", "off_site"),
    ("skipped: not an HTML page", "not_html"),
    ("skipped: older than --since", "old"),
    ("deferred: over --limit (next run)", "deferred"),
    ("failed", "failed"),
)


def crawl_headline(crawl_id: str, counts: Counter | dict, warc_files: list[str], load: dict | None) -> str:
    """One line that says what the crawl fetched, skipped, failed and loaded."""
    n = Counter(counts)
    skipped = n["robots"] + n["off_site"] + n["not_html"]
    line = (f"crawl {crawl_id}: {n['listed']} URLs listed; {n['fetched']} fetched, "
            f"{n['unchanged'] + n['not_due']} unchanged, {skipped} skipped (robots {n['robots']}, "
            f"off-site {n['off_site']}, not HTML {n['not_html']}), {n['failed']} failed")
    extra = [f"{n[k]} {label}" for k, label in (("old", "older than --since"), ("deferred", "deferred"),
                                                 ("malformed_entries", "malformed feed/sitemap entries")) if n[k]]
    if extra:
        line += " (" + ", ".join(extra) + ")"
    line += f"; {len(warc_files)} WARC file{'s' if len(warc_files) != 1 else ''}"
    if load is not None:
        line += (f"; loaded: {load.get('articles_loaded', 0)} articles, {load.get('quarantined', 0)} quarantined, "
                 f"{load.get('events', 0)} events (run {load.get('run_id')})")
    return line


def crawl_report_markdown(crawl_id: str, counts: Counter | dict, warc_files: list[str], problems: list[str],
                          failures: list[tuple[str, str]], load: dict | None) -> str:
    """The crawl report as markdown: article URLs by outcome, the listings, the WARC files and the load."""
    n = Counter(counts)
    lines = [f"# Warta crawl `{crawl_id}`", "", f"**{crawl_headline(crawl_id, n, warc_files, load)}**", "",
             "| article URLs | count |", "|---|---:|"]
    lines += [f"| {label} | {n[key]} |" for label, key in ARTICLE_ROWS]
    lines += ["", "| feeds and sitemaps | fetched | unchanged | failed | skipped (older than --since) |",
              "|---|---:|---:|---:|---:|"]
    for kind in ("feed", "sitemap"):
        lines.append(f"| {kind}s | {n[f'{kind}s_fetched']} | {n[f'{kind}s_unchanged']} | "
                     f"{n[f'{kind}s_failed']} | {n[f'{kind}s_skipped']} |")
    lines += ["", f"HTTP requests sent (robots.txt and retries included): {n['requests']}"]
    if failures:
        reasons = Counter(reason.split(",")[0] for _, reason in failures)
        lines += ["", "## Failures by reason", "", "| reason | URLs |", "|---|---:|"]
        lines += [f"| {_cell(reason)} | {count} |" for reason, count in reasons.most_common(15)]
    if problems:
        lines += ["", f"## Feed and sitemap problems ({len(problems)})", ""]
        lines += [f"- {_cell(p, 300)}" for p in problems[:30]]
    if warc_files:
        lines += ["", "## WARC files", ""] + [f"- `{path}`" for path in warc_files]
    if load is not None:
        lines += ["", (f"Loaded by the `etl` run `{load.get('run_id')}` (its own report is on that flow run): "
                       f"{load.get('documents_in', 0)} documents in, {load.get('articles_loaded', 0)} articles loaded, "
                       f"{load.get('quarantined', 0)} quarantined, {load.get('unchanged', 0)} unchanged.")]
    return "\n".join(lines)


def _cell(value: object, width: int = 160) -> str:
    return str(value)[:width].replace("|", "/").replace("\n", " ")


def publish_crawl_artifacts(crawl_id: str, counts: Counter | dict, warc_files: list[str], problems: list[str],
                            failures: list[tuple[str, str]], load: dict | None) -> None:
    """Publish the crawl report and the table of failed URLs (with their reasons) as Prefect artifacts."""
    create_markdown_artifact(
        key=CRAWL_REPORT_KEY,
        markdown=crawl_report_markdown(crawl_id, counts, warc_files, problems, failures, load),
        description=f"Warta crawl {crawl_id}: fetched, skipped, failed and loaded",
    )
    create_table_artifact(
        key=CRAWL_FAILURES_KEY,
        table=[{"url": url, "reason": reason} for url, reason in failures[:500]],
        description=f"URLs that crawl {crawl_id} could not fetch, with the reason (first 500)",
    )
