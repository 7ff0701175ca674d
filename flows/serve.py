"""Serve the ``etl`` flow as a Prefect deployment that runs on a cron schedule over an inbox folder.

Each scheduled run reads the whole inbox; the warehouse's ``documents`` ledger of
content hashes lets it skip documents that are unchanged since the last run, so
only new or edited files are processed. A run with nothing new is cheap.

The ``crawl`` flow (``flows/crawl.py``: fetch, archive, then ``etl``) is served the same
way, by ``warta crawl --serve`` or, beside the inbox, when ``WARTA_CRAWL_*`` settings
name feeds, sitemaps, URL lists or outlets.
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_CRON = "0 * * * *"  # hourly, on the hour
DEFAULT_NAME = "inbox"
DEFAULT_API_URL = "http://127.0.0.1:4200/api"  # where `make server` listens


def check_cron(cron: str, timezone: str | None = None):
    """Return the Prefect ``CronSchedule`` for ``cron``; raise ``ValueError`` on a bad expression or timezone."""
    from prefect.client.schemas.schedules import CronSchedule
    from pydantic import ValidationError

    try:
        return CronSchedule(cron=cron, timezone=timezone)
    except ValidationError as exc:
        reason = "; ".join(str(e.get("msg", e)) for e in exc.errors())
        raise ValueError(f"invalid schedule {cron!r} (timezone {timezone!r}): {reason}") from exc


def inbox_parameters(inbox: Path | str, db: Path | str, full: bool = False) -> dict:
    """The ``etl`` parameters of a scheduled run: the inbox folder, the warehouse, incremental unless ``full``."""
    return {"paths": [str(Path(inbox).resolve())], "db": str(Path(db).resolve()), "incremental": not full}


def build_deployment(
    name: str = DEFAULT_NAME,
    cron: str = DEFAULT_CRON,
    inbox: Path | str | None = None,
    db: Path | str | None = None,
    timezone: str | None = None,
    full: bool = False,
):
    """The ``etl/<name>`` deployment (a Prefect ``RunnerDeployment``) with its cron schedule and inbox parameters."""
    from prefect.deployments.runner import EntrypointType

    from flows.etl import etl_flow
    from warta.settings import get_settings

    settings = get_settings()
    inbox = Path(inbox or settings.inbox_dir)
    db = Path(db or settings.db)
    schedule = check_cron(cron, timezone)
    return etl_flow(settings).to_deployment(
        name=name,
        schedule=schedule,
        parameters=inbox_parameters(inbox, db, full),
        description=f"Warta ETL over the inbox {inbox} into {db}, on the schedule '{cron}'. "
        "Only documents that are new or changed since the last run are processed.",
        tags=["warta", "inbox"],
        # A module path, not a file path: runs find the flow whatever folder `warta serve` started in.
        entrypoint_type=EntrypointType.MODULE_PATH,
    )


def api_url() -> str:
    """The Prefect API to serve on: ``PREFECT_API_URL`` (environment or Prefect profile), else the local ``make server``."""
    if os.environ.get("PREFECT_API_URL"):
        return os.environ["PREFECT_API_URL"]
    from prefect.settings import get_current_settings

    return get_current_settings().api.url or DEFAULT_API_URL


def serve_inbox(
    name: str = DEFAULT_NAME,
    cron: str = DEFAULT_CRON,
    inbox: Path | str | None = None,
    db: Path | str | None = None,
    timezone: str | None = None,
    full: bool = False,
) -> None:
    """Register ``etl/<name>`` with the Prefect server and run its scheduled and manual runs until interrupted.

    Runs execute one at a time, because DuckDB allows one writer per warehouse file.
    """
    from prefect import serve

    from warta.settings import get_settings

    settings = get_settings()
    inbox = Path(inbox or settings.inbox_dir)
    inbox.mkdir(parents=True, exist_ok=True)  # an empty inbox is fine: its runs say "nothing new"
    deployments = [build_deployment(name, cron, inbox, db, timezone, full)]
    crawl = configured_crawl(settings, db)
    if crawl is not None:  # WARTA_CRAWL_FEEDS / _SITEMAPS / _URLS / _OUTLETS: the crawl -> etl flow too
        deployments.append(build_crawl_deployment(CRAWL_NAME, settings.crawl_cron, crawl, timezone))
    serve(*deployments, limit=1, print_starting_message=True)


CRAWL_NAME = "web"  # the deployment crawl/web


def crawl_parameters(
    feeds: list[str] | None = None,
    sitemaps: list[str] | None = None,
    urls: list[str] | None = None,
    outlets: str | None = None,
    db: Path | str | None = None,
    archive_dir: Path | str | None = None,
    **options,
) -> dict:
    """The ``crawl`` parameters of a scheduled run: files as absolute paths, so runs find them from any folder."""

    def absolute(values: list[str] | None) -> list[str]:
        return [v if str(v).startswith(("http://", "https://")) else str(Path(v).resolve()) for v in values or []]

    from warta.settings import get_settings

    settings = get_settings()
    params = {"feeds": absolute(feeds), "sitemaps": absolute(sitemaps), "urls": absolute(urls), "outlets": outlets,
              "db": str(Path(db or settings.db).resolve()),
              "archive_dir": str(Path(archive_dir or settings.archive_dir).resolve())}
    params.update({k: v for k, v in options.items() if v is not None})
    return params


def configured_crawl(settings, db: Path | str | None = None) -> dict | None:
    """The crawl parameters the ``WARTA_CRAWL_*`` settings give, or None when they name nothing to crawl."""
    given = {"feeds": settings.crawl_feeds, "sitemaps": settings.crawl_sitemaps, "urls": settings.crawl_urls}
    if not any(given.values()) and not settings.crawl_outlets:
        return None
    return crawl_parameters(*([str(v)] if v else [] for v in given.values()), outlets=settings.crawl_outlets, db=db)


def build_crawl_deployment(name: str, cron: str, parameters: dict, timezone: str | None = None):
    """The ``crawl/<name>`` deployment: crawl, archive, record the fetch ledger and load, on a cron schedule."""
    from prefect.deployments.runner import EntrypointType

    from flows.crawl import crawl_flow

    schedule = check_cron(cron, timezone)
    what = ", ".join([*parameters.get("feeds", []), *parameters.get("sitemaps", []), *parameters.get("urls", [])]
                     + ([f"outlets {parameters['outlets']}"] if parameters.get("outlets") else []))
    return crawl_flow.to_deployment(
        name=name,
        schedule=schedule,
        parameters=parameters,
        description=f"Warta crawl of {what} into {parameters['archive_dir']}, loaded into {parameters['db']}, "
        f"on the schedule '{cron}'. Only new, changed or due pages are fetched.",
        tags=["warta", "crawl"],
        entrypoint_type=EntrypointType.MODULE_PATH,
    )


def serve_crawl(name: str, cron: str, parameters: dict, timezone: str | None = None) -> None:
    """Register ``crawl/<name>`` with the Prefect server and run its scheduled and manual runs until interrupted."""
    from prefect import serve

    serve(build_crawl_deployment(name, cron, parameters, timezone), limit=1, print_starting_message=True)
