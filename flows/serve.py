"""Serve the ``etl`` flow as a Prefect deployment that runs on a cron schedule over an inbox folder.

Each scheduled run reads the whole inbox; the warehouse's ``documents`` ledger of
content hashes lets it skip documents that are unchanged since the last run, so
only new or edited files are processed. A run with nothing new is cheap.
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

    inbox = Path(inbox or get_settings().inbox_dir)
    inbox.mkdir(parents=True, exist_ok=True)  # an empty inbox is fine: its runs say "nothing new"
    deployment = build_deployment(name, cron, inbox, db, timezone, full)
    serve(deployment, limit=1, print_starting_message=True)
