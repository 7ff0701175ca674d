"""The ``warta`` command line: run the ETL flow, extract without a database, query the warehouse."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from warta.settings import get_settings

EPILOG = """examples:
  warta run                              # ETL over seeds/ into warehouse/warta.duckdb
  warta run news/*.jsonl --db /tmp/w.duckdb
  warta extract seeds/000_f7cb3e3a9e2b932e.txt
  echo '{"id": "a1", "text": "..."}' | warta extract -
  warta query "SELECT event_type, count(*) FROM events GROUP BY 1"
  warta serve --cron "*/15 * * * *"      # scheduled runs over inbox/ (needs `make server`)
  warta crawl --feeds https://www.antaranews.com/rss/terkini.xml --limit 20
  warta crawl --outlets all --since 2d --serve   # hourly crawl -> load (needs `make server`)
  warta export event_clusters --format csv --out exports/
"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every ``warta`` subcommand."""
    settings = get_settings()
    parser = argparse.ArgumentParser(
        prog="warta",
        description="Turn Indonesian online news into a PLOVER event database (Prefect + DuckDB).",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser(
        "run",
        help="run the ETL flow over files, folders, globs or JSONL into DuckDB",
        description="Run the `etl` Prefect flow: ingest, clean, extract actors/events/sources, validate, "
        "and load into the DuckDB warehouse in one transaction. Unchanged documents are skipped.",
    )
    run.add_argument("paths", nargs="*", metavar="PATH", help=f"input files, folders, globs or .jsonl files (default: {settings.seeds_dir})")
    run.add_argument("--db", metavar="FILE", help=f"DuckDB warehouse file (default: $WARTA_DB or {settings.db})")
    run.add_argument("--full", action="store_true", help="reprocess every document, even those unchanged since the last run")
    run.add_argument("--batch-size", type=int, metavar="N", help=f"documents per batch (default {settings.batch_size})")

    extract = sub.add_parser(
        "extract",
        help="print one JSON object per article (ingest, clean, extract; no Prefect, no database)",
        description="Run ingest, clean and extract without Prefect or a database and print one JSON object "
        "per input document. '-' reads JSONL documents {\"id\", \"text\"|\"html\", \"url\"?, \"title\"?, "
        "\"published\"?} from standard input.",
    )
    extract.add_argument("paths", nargs="*", metavar="PATH", help="input files, folders, globs or .jsonl files, or - for stdin")

    query = sub.add_parser(
        "query",
        help="run read-only SQL against the warehouse and print a table",
        description="Run SQL against the warehouse over a read-only connection and print the result as a table.",
    )
    query.add_argument("sql", help="one or more SQL statements separated by ';' (a table is printed for each)")
    query.add_argument("--db", metavar="FILE", help=f"DuckDB warehouse file (default: $WARTA_DB or {settings.db})")
    query.add_argument("--max-rows", type=int, default=100, help="rows to print (default 100)")

    from flows.serve import DEFAULT_API_URL, DEFAULT_CRON, DEFAULT_NAME

    serve = sub.add_parser(
        "serve",
        help="serve the ETL flow as a Prefect deployment with a cron schedule over an inbox folder",
        description="Register the deployment etl/NAME with the Prefect server and run it on a cron schedule "
        "over the inbox folder until interrupted (Ctrl-C pauses the deployment). Each run processes only the "
        "documents that are new or changed since the last run. Trigger a run by hand with "
        "`prefect deployment run 'etl/NAME'`. The server is $PREFECT_API_URL, else "
        f"{DEFAULT_API_URL} (`make server`).",
    )
    serve.add_argument("--name", default=DEFAULT_NAME, help=f"deployment name (default {DEFAULT_NAME!r}: etl/{DEFAULT_NAME})")
    serve.add_argument("--cron", default=DEFAULT_CRON, help=f"cron schedule (default {DEFAULT_CRON!r}: hourly)")
    serve.add_argument("--timezone", metavar="TZ", help="IANA timezone of the schedule, e.g. Asia/Jakarta (default UTC)")
    serve.add_argument("--inbox", metavar="DIR", help=f"folder to watch (default: $WARTA_INBOX_DIR or {settings.inbox_dir})")
    serve.add_argument("--db", metavar="FILE", help=f"DuckDB warehouse file (default: $WARTA_DB or {settings.db})")
    serve.add_argument("--full", action="store_true", help="reprocess every document on each run (not only new or changed ones)")

    _add_crawl_parser(sub, settings)

    export = sub.add_parser(
        "export",
        help="write a warehouse table or view to Parquet or CSV",
        description="Export a table or view of the warehouse (read-only) to a Parquet or CSV file. "
        "Without NAME, list the tables and views.",
    )
    export.add_argument("name", nargs="?", metavar="TABLE|VIEW", help="table or view to export, e.g. events or event_clusters")
    export.add_argument("--format", choices=["parquet", "csv"], help="file format (default: from the --out suffix, else parquet)")
    export.add_argument("--out", metavar="PATH", help="output file, or a folder (ending in /) to write NAME.FORMAT into (default: NAME.FORMAT)")
    export.add_argument("--db", metavar="FILE", help=f"DuckDB warehouse file (default: $WARTA_DB or {settings.db})")
    return parser


def _add_crawl_parser(sub, settings) -> None:
    """The ``warta crawl`` subcommand and its options."""
    crawl = sub.add_parser(
        "crawl",
        help="fetch articles from feeds, sitemaps and URL lists politely, archive them as WARC, and load them",
        description="Discover article URLs from RSS/Atom feeds, news sitemaps and URL lists; fetch them politely "
        "(robots.txt, a delay and a concurrency limit per host, conditional GET, retries); archive them as WARC files "
        "(which `warta run` reads); record every URL's outcome in the warehouse table fetches; and load the new pages "
        "with the ETL flow. A page is fetched once per content version. docs/crawling.md has the details.",
    )
    crawl.add_argument("--feeds", action="append", metavar="FILE|URL",
                       help="an RSS/Atom feed URL, or a file of them (one a line); repeatable")
    crawl.add_argument("--sitemaps", action="append", metavar="FILE|URL",
                       help="a sitemap or news-sitemap URL (an index is followed), or a file of them; repeatable")
    crawl.add_argument("--urls", action="append", metavar="FILE|URL", help="an article URL, or a file of them; repeatable")
    from warta.crawl import outlets

    crawl.add_argument("--outlets", metavar="IDS", help="outlets of warta/lexicons/feeds.yaml, comma-separated, or 'all' "
                       f"({', '.join(outlets())})")
    crawl.add_argument("--since", metavar="DATE|AGE",
                       help="skip listings dated before this: 2025-11-01, 2025-11-01T06:00+07:00, or an age (36h, 7d)")
    crawl.add_argument("--limit", type=int, metavar="N", help="fetch at most N articles, newest first (the rest wait)")
    crawl.add_argument("--revisit", type=float, metavar="HOURS",
                       help=f"re-check a fetched article only after this long (default {settings.crawl_revisit_hours:g})")
    crawl.add_argument("--any-site", action="store_true",
                       help="also fetch article URLs on other sites than the feed, sitemap or URL that lists them")
    crawl.add_argument("--delay", type=float, metavar="SECONDS",
                       help=f"between requests to one host (default {settings.crawl_delay_seconds:g}; robots.txt may ask more)")
    crawl.add_argument("--host-concurrency", type=int, metavar="N",
                       help=f"requests in flight per host (default {settings.crawl_host_concurrency})")
    crawl.add_argument("--archive", metavar="DIR", help=f"WARC folder (default: $WARTA_ARCHIVE_DIR or {settings.archive_dir})")
    crawl.add_argument("--db", metavar="FILE", help=f"DuckDB warehouse file (default: $WARTA_DB or {settings.db})")
    crawl.add_argument("--no-load", action="store_true", help="fetch and archive only; `warta run DIR` loads the archive later")
    crawl.add_argument("--serve", action="store_true",
                       help="serve this crawl as the deployment crawl/NAME on a cron schedule instead (needs `make server`)")
    crawl.add_argument("--name", default="web", help="deployment name with --serve (default 'web': crawl/web)")
    crawl.add_argument("--cron", default=settings.crawl_cron, help=f"cron schedule with --serve (default {settings.crawl_cron!r})")
    crawl.add_argument("--timezone", metavar="TZ", help="IANA timezone of the schedule with --serve (default UTC)")


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``warta`` console script."""
    args = build_parser().parse_args(argv)
    try:
        commands = {"run": cmd_run, "extract": cmd_extract, "query": cmd_query, "serve": cmd_serve, "export": cmd_export,
                    "crawl": cmd_crawl}
        return commands[args.command](args)
    except (FileNotFoundError, PermissionError) as exc:
        print(f"warta: {exc}", file=sys.stderr)
        return 2
    except RuntimeError as exc:
        from warehouse.db import WarehouseLockedError

        if not isinstance(exc, WarehouseLockedError):
            raise
        print(f"warta: {exc}", file=sys.stderr)  # names the process holding the lock and what to do
        return 3
    except KeyboardInterrupt:
        print("warta: interrupted; nothing was published by an unfinished load", file=sys.stderr)
        return 130


def _db(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else get_settings().db


def _prefect_defaults() -> None:
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    # A busy 2-core machine can take longer than Prefect's default 20 s to start its ephemeral server.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")


def _with_prefect(command: str, run: Callable[[], dict], flow_module: str) -> tuple[int, dict | None]:
    """Call ``run()`` (which runs a flow) against the configured Prefect server, or a temporary
    one that boots while ``flow_module`` imports; return ``(status, result)``.

    An unreachable server or a locked warehouse is one line on stderr and a non-zero status.
    """
    import importlib

    from flows.prefect_api import PrefectServerUnavailable, booting_api, needs_temporary_api, require_server
    from flows.serve import api_url
    from warehouse.db import WarehouseLockedError

    if not needs_temporary_api():
        try:
            require_server(api_url(), then="run again (or unset PREFECT_API_URL for a temporary server)")
        except PrefectServerUnavailable as exc:
            print(f"warta {command}: {exc}", file=sys.stderr)
            return 2, None
    with booting_api(float(os.environ["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"])) as api_ready:
        importlib.import_module(flow_module)  # about 2 s of imports, overlapping the server's boot
        try:
            with api_ready():
                return 0, run()
        except WarehouseLockedError as exc:
            print(f"warta: {exc}", file=sys.stderr)
            return 3, None


def _ready_to_serve(command: str, cron: str, timezone: str | None) -> bool:
    """Point Prefect at a real server (a served deployment must outlive this process, so the UI
    can show its runs) and check the schedule; say in one line what is wrong, if anything."""
    from flows.prefect_api import PrefectServerUnavailable, require_server
    from flows.serve import api_url, check_cron

    os.environ["PREFECT_API_URL"] = api_url()
    try:
        check_cron(cron, timezone)
        require_server(os.environ["PREFECT_API_URL"], then="serve again")
    except (ValueError, PrefectServerUnavailable) as exc:
        print(f"warta {command}: {exc}", file=sys.stderr)
        return False
    return True


def cmd_run(args: argparse.Namespace) -> int:
    """``warta run``: run the ETL flow and print its summary."""
    from warta.ingest import expand_paths

    _prefect_defaults()
    paths = args.paths or [str(get_settings().seeds_dir)]
    # Fail fast, before Prefect starts, on a missing path or on nothing to read.
    if next(iter(expand_paths(paths)), None) is None:
        print(f"warta run: no input documents in {', '.join(paths)} (nothing to do)", file=sys.stderr)
        return 1

    def run() -> dict:
        from flows.etl import etl_flow

        return etl_flow()(paths=paths, db=str(_db(args)), incremental=not args.full,
                          batch_size=args.batch_size, progress=sys.stderr.isatty())

    status, summary = _with_prefect("run", run, "flows.etl")
    if status:
        return status
    print(
        f"run {summary['run_id']}: {summary.get('documents_in', 0)} documents in, "
        f"{summary.get('articles_loaded', 0)} articles loaded, {summary.get('quarantined', 0)} quarantined, "
        f"{summary.get('unchanged', 0)} unchanged; {summary.get('mentions', 0)} mentions, "
        f"{summary.get('events', 0)} events -> {_db(args)}"
    )
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    """``warta extract``: print one JSON object per input document."""
    from warta.extract_json import extract_documents

    settings = get_settings()
    if args.paths == ["-"]:
        from warta.ingest import stdin_documents

        batches = [stdin_documents(sys.stdin.buffer, settings.max_file_bytes)]
    elif not args.paths:
        print("warta extract: give PATH ... or - to read JSONL from stdin", file=sys.stderr)
        return 2
    else:
        from warta.ingest import raw_articles

        batches = raw_articles(args.paths, settings.batch_size, settings.max_file_bytes)
    out = sys.stdout
    for raw, quarantine in batches:
        for record in extract_documents(raw, quarantine):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    out.flush()
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    """``warta query``: run SQL over a read-only, sandboxed connection and print a table per statement."""
    import duckdb

    from warehouse.db import query_connection

    settings = get_settings()
    # Typed SQL can neither change the warehouse nor read or write other files.
    con = query_connection(_db(args), retries=settings.lock_retries, backoff=settings.lock_backoff_seconds)
    try:
        statements = con.extract_statements(args.sql)
        if not statements:
            print("warta query: no SQL statement given, e.g. warta query \"FROM runs\"", file=sys.stderr)
            return 2
        for statement in statements:
            relation = con.sql(statement.query)
            if relation is None:
                print(f"ok: {statement.type.name.lower()}")
            else:
                relation.show(max_rows=args.max_rows, max_width=200)
    except duckdb.Error as exc:
        print(f"warta query: {exc}", file=sys.stderr)
        return 1
    finally:
        con.close()
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """``warta serve``: serve the ETL flow on a cron schedule over the inbox until interrupted."""

    _prefect_defaults()
    if not _ready_to_serve("serve", args.cron, args.timezone):
        return 2
    from flows.serve import serve_inbox

    settings = get_settings()
    inbox = Path(args.inbox) if args.inbox else settings.inbox_dir
    print(f"serving etl/{args.name} on '{args.cron}' over {inbox} into {_db(args)} "
          f"(Prefect API {os.environ['PREFECT_API_URL']}); Ctrl-C to stop", file=sys.stderr)
    serve_inbox(args.name, args.cron, inbox, _db(args), args.timezone, args.full)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """``warta export``: write a table or view to Parquet or CSV (or list them)."""
    import duckdb

    from warehouse.db import connect
    from warehouse.export import UnknownRelationError, export_relation, relation_names

    settings = get_settings()
    if not args.name:
        con = connect(_db(args), read_only=True, retries=settings.lock_retries, backoff=settings.lock_backoff_seconds)
        try:
            print("\n".join(relation_names(con)))
        finally:
            con.close()
        return 0
    out = args.out or f"{args.name}.{args.format or 'parquet'}"
    try:
        path, rows = export_relation(_db(args), args.name, out, args.format,
                                     retries=settings.lock_retries, backoff=settings.lock_backoff_seconds)
    except (UnknownRelationError, ValueError, duckdb.Error) as exc:
        print(f"warta export: {exc}", file=sys.stderr)
        return 1
    print(f"{rows} rows of {args.name} -> {path}")
    return 0


def cmd_crawl(args: argparse.Namespace) -> int:
    """``warta crawl``: crawl, archive and load once (through Prefect), or serve it on a schedule."""
    from warta.crawl import crawl_sources, since_cutoff

    _prefect_defaults()
    try:  # fail fast, before Prefect starts, on a missing file, a bad URL or date, or nothing to crawl
        since_cutoff(args.since)
        if not crawl_sources(args.feeds or [], args.sitemaps or [], args.urls or [], args.outlets, args.any_site):
            print("warta crawl: nothing to crawl: give --feeds, --sitemaps, --urls or --outlets", file=sys.stderr)
            return 2
    except ValueError as exc:
        print(f"warta crawl: {exc}", file=sys.stderr)
        return 2
    from flows.serve import crawl_parameters

    params = crawl_parameters(args.feeds, args.sitemaps, args.urls, args.outlets, _db(args), args.archive,
                              since=args.since, limit=args.limit, revisit_hours=args.revisit, any_site=args.any_site,
                              load=not args.no_load, delay=args.delay, host_concurrency=args.host_concurrency)
    if args.serve:
        if not _ready_to_serve("crawl", args.cron, args.timezone):
            return 2
        from flows.serve import serve_crawl

        print(f"serving crawl/{args.name} on '{args.cron}' into {params['db']} "
              f"(Prefect API {os.environ['PREFECT_API_URL']}); Ctrl-C to stop", file=sys.stderr)
        serve_crawl(args.name, args.cron, params, args.timezone)
        return 0
    def run() -> dict:
        from flows.crawl import crawl_flow

        return crawl_flow(**params)

    status, result = _with_prefect("crawl", run, "flows.crawl")
    if status:
        return status
    print(f"{result['headline']} -> {params['db']}")
    # Nothing listed at all usually means a wrong feed or sitemap URL: say so in the exit code too.
    return 1 if not result["counts"].get("listed") else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
