"""The run's quality report: a markdown artifact and a table of new events in the Prefect UI."""

from __future__ import annotations

from pathlib import Path

from prefect.artifacts import create_markdown_artifact, create_table_artifact

from warehouse.db import session

STAGE_ROWS = (
    ("documents in", "documents_in"),
    ("unchanged since last run (skipped)", "unchanged"),
    ("raw articles (decoded)", "raw_articles"),
    ("clean articles", "clean_articles"),
    ("articles loaded", "articles_loaded"),
    ("documents quarantined", "quarantined"),
    ("  of which duplicates", "duplicates"),
    ("records quarantined (mentions, events, ...)", "records_quarantined"),
    ("actor mentions", "mentions"),
    ("actors", "actors"),
    ("events", "events"),
    ("citations", "citations"),
)


def run_report_markdown(summary: dict, reasons: list[tuple[str, str, int]], stage_failures: list[tuple[str, int]], clusters: int) -> str:
    """Render the quality report of one run as markdown."""
    lines = [f"# Warta run `{summary['run_id']}`", "", "| stage | count |", "|---|---:|"]
    lines += [f"| {label} | {summary.get(key, 0) or 0} |" for label, key in STAGE_ROWS]
    lines.append(f"| new event clusters | {clusters} |")
    balanced = (summary.get("documents_in", 0) or 0) == sum(
        summary.get(k, 0) or 0 for k in ("articles_loaded", "quarantined", "unchanged")
    )
    lines += ["", f"Accounting: documents in = loaded + quarantined + unchanged: **{'yes' if balanced else 'NO'}**"]
    if stage_failures:
        lines += ["", "## Quarantine by stage", "", "| stage | rows |", "|---|---:|"]
        lines += [f"| {stage} | {n} |" for stage, n in stage_failures]
    if reasons:
        lines += ["", "## Top quarantine reasons", "", "| stage | reason | rows |", "|---|---|---:|"]
        lines += [f"| {stage} | {reason[:160].replace('|', '/')} | {n} |" for stage, reason, n in reasons]
    return "\n".join(lines)


def publish_run_artifacts(db: Path, summary: dict) -> None:
    """Publish the markdown quality report and the table of this run's new events."""
    run_id = summary["run_id"]
    with session(db, read_only=True) as con:
        reasons = con.execute(
            "SELECT stage, regexp_replace(reason, '[0-9a-f]{16}', '<id>', 'g') AS r, count(*) AS n "
            "FROM quarantine WHERE run_id = ? GROUP BY ALL ORDER BY n DESC LIMIT 10",
            [run_id],
        ).fetchall()
        stages = con.execute(
            "SELECT stage, count(*) FROM quarantine WHERE run_id = ? GROUP BY stage ORDER BY 2 DESC", [run_id]
        ).fetchall()
        events = con.execute(
            "SELECT e.event_type, e.mode, a1.name AS actor1, a2.name AS actor2, e.event_date::VARCHAR AS event_date, "
            "e.location, e.cluster_id, left(e.sentence, 200) AS sentence "
            "FROM events e JOIN articles a ON a.article_id = e.article_id "
            "LEFT JOIN actors a1 ON a1.actor_id = e.actor1_id LEFT JOIN actors a2 ON a2.actor_id = e.actor2_id "
            "WHERE a.run_id = ? ORDER BY e.event_date NULLS LAST LIMIT 500",
            [run_id],
        ).fetchall()
        clusters = con.execute(
            "SELECT count(DISTINCT e.cluster_id) FROM events e JOIN articles a USING (article_id) WHERE a.run_id = ? "
            "AND e.cluster_id NOT IN (SELECT e2.cluster_id FROM events e2 JOIN articles a2 USING (article_id) "
            "WHERE a2.run_id <> ? AND e2.cluster_id IS NOT NULL)",
            [run_id, run_id],
        ).fetchone()[0]
    create_markdown_artifact(
        key="warta-quality-report",
        markdown=run_report_markdown(summary, reasons, stages, clusters),
        description=f"Warta run {run_id}: documents in, loaded, quarantined and extracted",
    )
    columns = ["event_type", "mode", "actor1", "actor2", "event_date", "location", "cluster_id", "sentence"]
    create_table_artifact(
        key="warta-new-events",
        table=[dict(zip(columns, row)) for row in events],
        description=f"Events of articles loaded by run {run_id} (first 500)",
    )
