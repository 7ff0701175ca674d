"""The run's quality report in the Prefect UI: a markdown artifact, and tables of the new events and new clusters."""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from pathlib import Path

from prefect.artifacts import create_markdown_artifact, create_table_artifact

from warehouse.db import session

REPORT_KEY = "warta-quality-report"
EVENTS_KEY = "warta-new-events"
CLUSTERS_KEY = "warta-new-clusters"

STAGE_ROWS = (
    ("documents in", "documents_in"),
    ("unchanged since last run (skipped)", "unchanged"),
    ("raw articles (decoded)", "raw_articles"),
    ("clean articles", "clean_articles"),
    ("articles loaded", "articles_loaded"),
    ("documents quarantined", "quarantined"),
    ("duplicates among them", "duplicates"),
    ("records quarantined (mentions, events, ...)", "records_quarantined"),
    ("actor mentions extracted", "mentions"),
    ("actor mentions loaded", "mentions_loaded"),
    ("actors", "actors"),
    ("events extracted", "events"),
    ("events loaded", "events_loaded"),
    ("citations", "citations"),
)
# Every validation boundary, in pipeline order, so a stage with no failures shows a 0.
VALIDATION_STAGES = ("ingest", "raw_articles", "clean_articles", "load", "citations", "actor_mentions", "actors", "events")
EVENT_COLUMNS = ["event_type", "mode", "actor1", "actor2", "event_date", "location", "cluster", "sentence"]
# The UI shows a table artifact at a fixed width: long cells are cut to these many characters.
CELL_WIDTH = {"sentence": 90, "cluster": 8, "actor1": 40, "actor2": 40, "location": 30}
CLUSTER_COLUMNS = ["cluster_id", "event_type", "actor1", "actor2", "first_date", "location", "num_articles", "num_sources"]


def _n(summary: dict, key: str) -> int:
    return int(summary.get(key) or 0)


def nothing_new(summary: dict) -> bool:
    """True when the run found no new or changed document (every document unchanged, or none at all)."""
    return _n(summary, "documents_in") == _n(summary, "unchanged")


def run_headline(summary: dict) -> str:
    """One sentence that says what the run did, for the log and the top of the report."""
    seconds = _duration(summary)
    took = f" ({seconds:.1f} s)" if seconds is not None else ""
    if _n(summary, "documents_in") == 0:
        return f"Nothing new: no documents found in the input; the warehouse is unchanged{took}."
    if nothing_new(summary):
        docs = "the one document is" if _n(summary, "documents_in") == 1 else f"all {_n(summary, 'documents_in')} documents are"
        return f"Nothing new: {docs} unchanged since the last run; the warehouse is unchanged{took}."
    # Prefer what reached the warehouse; extracted counts include records of duplicates that were not loaded.
    events = summary.get("events_loaded", summary.get("events"))
    mentions = summary.get("mentions_loaded", summary.get("mentions"))
    return (f"{_count(_n(summary, 'articles_loaded'), 'article')} loaded from "
            f"{_count(_n(summary, 'documents_in'), 'document')} in "
            f"({_n(summary, 'quarantined')} quarantined, {_n(summary, 'unchanged')} unchanged): "
            f"{_count(events or 0, 'event')}, {_count(mentions or 0, 'actor mention')}{took}.")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _duration(summary: dict) -> float | None:
    started = summary.get("started_at")
    if not isinstance(started, datetime):
        return None
    finished = summary.get("finished_at") or datetime.now(timezone.utc)
    return (finished - started).total_seconds()


def run_report_markdown(
    summary: dict,
    reasons: list[tuple[str, str, int]],
    stage_failures: list[tuple[str, int]],
    clusters: int,
    event_types: list[tuple[str, int]] | None = None,
    new_clusters: list[dict] | None = None,
) -> str:
    """Render the quality report of one run as markdown.

    ``reasons`` are ``(stage, reason, rows)`` of the run's quarantine, most frequent first;
    ``stage_failures`` are ``(stage, rows)``; ``clusters`` counts the event clusters this run
    created; ``event_types`` are ``(event_type, events)`` and ``new_clusters`` rows of the
    ``event_clusters`` view for the run's new clusters.
    """
    lines = [f"# Warta run `{summary['run_id']}`", "", f"**{run_headline(summary)}**", ""]
    if summary.get("flow_run_id"):
        lines += [f"Flow run `{summary['flow_run_id']}`; figures also in the warehouse table `runs`.", ""]
    lines += ["| stage | count |", "|---|---:|"]
    lines += [f"| {label} | {_n(summary, key)} |" for label, key in STAGE_ROWS if key in summary or not key.endswith("_loaded")]
    lines.append(f"| new event clusters | {clusters} |")
    balanced = _n(summary, "documents_in") == sum(_n(summary, k) for k in ("articles_loaded", "quarantined", "unchanged"))
    lines += ["", f"Accounting: documents in = loaded + quarantined + unchanged: **{'yes' if balanced else 'NO'}**"]

    failures = dict(stage_failures)
    lines += ["", "## Validation failures per stage", "", "| stage | rows quarantined |", "|---|---:|"]
    lines += [f"| {stage} | {failures.get(stage, 0)} |" for stage in VALIDATION_STAGES]
    lines += [f"| {stage} | {n} |" for stage, n in stage_failures if stage not in VALIDATION_STAGES]
    if reasons:
        lines += ["", "## Top quarantine reasons", "", "| stage | reason | rows |", "|---|---|---:|"]
        lines += [f"| {stage} | {_cell(reason, 160)} | {n} |" for stage, reason, n in reasons]
    if event_types:
        lines += ["", "## Events by type", "", "| event type | events |", "|---|---:|"]
        lines += [f"| {t} | {n} |" for t, n in event_types]
    if new_clusters:
        lines += ["", f"## New event clusters (largest {len(new_clusters)})", "",
                  "| cluster | type | actor 1 | actor 2 | date | place | articles | sources |",
                  "|---|---|---|---|---|---|---:|---:|"]
        lines += [
            f"| `{c['cluster_id']}` | {c['event_type']} | {_cell(c['actor1'])} | {_cell(c['actor2'])} | "
            f"{c['first_date'] or ''} | {_cell(c['location'])} | {c['num_articles']} | {c['num_sources']} |"
            for c in new_clusters
        ]
    return "\n".join(lines)


def _cell(value: object, width: int = 60) -> str:
    """A value made safe for one markdown table cell."""
    if value is None:
        return ""
    return str(value)[:width].replace("|", "/").replace("\n", " ")


def _table_row(columns: list[str], row: tuple) -> dict:
    """A table-artifact row with long text cut to :data:`CELL_WIDTH` (an ellipsis marks the cut)."""
    out = {}
    for column, value in zip(columns, row):
        width = CELL_WIDTH.get(column)
        if width and isinstance(value, str) and len(value) > width:
            # A cluster id prefix still finds the cluster; cut text gets an ellipsis.
            value = value[:width] if column == "cluster" else value[: width - 1] + "…"
        out[column] = value
    return out


def _logger() -> logging.Logger | logging.LoggerAdapter:
    from prefect import get_run_logger
    from prefect.exceptions import MissingContextError

    try:
        return get_run_logger()
    except MissingContextError:  # called outside a flow run, e.g. from a script
        return logging.getLogger("warta.report")


def report_data(db: Path | str, run_id: str) -> dict:
    """Read what the report shows about run ``run_id`` from the warehouse (read-only)."""
    with session(db, read_only=True) as con:
        reasons = con.execute(
            "SELECT stage, regexp_replace(reason, '[0-9a-f]{16}', '<id>', 'g') AS r, count(*) AS n "
            "FROM quarantine WHERE run_id = ? GROUP BY ALL ORDER BY n DESC, stage, r LIMIT 10",
            [run_id],
        ).fetchall()
        stages = con.execute(
            "SELECT stage, count(*) FROM quarantine WHERE run_id = ? GROUP BY stage ORDER BY 2 DESC, 1", [run_id]
        ).fetchall()
        events = con.execute(
            "SELECT e.event_type, e.mode, a1.name AS actor1, a2.name AS actor2, e.event_date::VARCHAR AS event_date, "
            "e.location, e.cluster_id, e.sentence "
            "FROM events e JOIN articles a ON a.article_id = e.article_id "
            "LEFT JOIN actors a1 ON a1.actor_id = e.actor1_id LEFT JOIN actors a2 ON a2.actor_id = e.actor2_id "
            "WHERE a.run_id = ? ORDER BY e.event_date NULLS LAST, e.event_id LIMIT 500",
            [run_id],
        ).fetchall()
        event_types = con.execute(
            "SELECT e.event_type, count(*) FROM events e JOIN articles a USING (article_id) WHERE a.run_id = ? "
            "GROUP BY 1 ORDER BY 2 DESC, 1",
            [run_id],
        ).fetchall()
        # A cluster is new when every one of its events comes from this run's articles.
        new_cluster_ids = (
            "SELECT e.cluster_id FROM events e JOIN articles a USING (article_id) WHERE e.cluster_id IS NOT NULL "
            "GROUP BY e.cluster_id HAVING bool_and(a.run_id = ?)"
        )
        clusters = con.execute(f"SELECT count(*) FROM ({new_cluster_ids})", [run_id]).fetchall()[0][0]
        events_loaded, mentions_loaded = con.execute(
            "SELECT (SELECT count(*) FROM events JOIN articles USING (article_id) WHERE run_id = $r), "
            "(SELECT count(*) FROM actor_mentions JOIN articles USING (article_id) WHERE run_id = $r)",
            {"r": run_id},
        ).fetchall()[0]
        new_clusters = con.execute(
            "SELECT cluster_id, event_type, actor1_name, actor2_name, first_date::VARCHAR, location, num_articles, "
            f"num_sources FROM event_clusters WHERE cluster_id IN ({new_cluster_ids}) "
            "ORDER BY num_articles DESC, num_events DESC, cluster_id LIMIT 100",
            [run_id],
        ).fetchall()
    return {
        "reasons": reasons,
        "stages": stages,
        "events": [_table_row(EVENT_COLUMNS, row) for row in events],
        "event_types": event_types,
        "clusters": clusters,
        "new_clusters": [dict(zip(CLUSTER_COLUMNS, row)) for row in new_clusters],
        "loaded": {"events_loaded": events_loaded, "mentions_loaded": mentions_loaded},
    }


def publish_run_artifacts(db: Path, summary: dict) -> None:
    """Publish the markdown quality report, the table of this run's new events and of its new clusters.

    Also logs the run's headline, so a run with nothing new says so in the Prefect log.
    """
    run_id = summary["run_id"]
    data = report_data(db, run_id)
    summary = {**summary, **data["loaded"]}
    _logger().info("run %s: %s", run_id, run_headline(summary))
    create_markdown_artifact(
        key=REPORT_KEY,
        markdown=run_report_markdown(summary, data["reasons"], data["stages"], data["clusters"],
                                     data["event_types"], data["new_clusters"][:10]),
        description=f"Warta run {run_id}: documents in, loaded, quarantined and extracted",
    )
    create_table_artifact(
        key=EVENTS_KEY,
        table=data["events"],
        description=f"Events of articles loaded by run {run_id} (first 500)",
    )
    create_table_artifact(
        key=CLUSTERS_KEY,
        table=data["new_clusters"],
        description=f"Event clusters first seen in run {run_id}, largest first (first 100)",
    )
