"""The quality report: the markdown it renders, and a real flow run checked through the Prefect API."""

from __future__ import annotations

import asyncio
import json
import shutil
from datetime import datetime, timedelta, timezone

import pytest

from flows.report import (
    CLUSTERS_KEY,
    EVENTS_KEY,
    REPORT_KEY,
    VALIDATION_STAGES,
    nothing_new,
    run_headline,
    run_report_markdown,
)
from tests.conftest import SEEDS
from warehouse.db import session

SEED = SEEDS / "000_f7cb3e3a9e2b932e.txt"


def _summary(**counts) -> dict:
    return {"run_id": "r1", "started_at": datetime.now(timezone.utc) - timedelta(seconds=3), **counts}


def test_report_lists_every_stage_reasons_and_clusters():
    summary = _summary(documents_in=4, articles_loaded=2, quarantined=2, unchanged=0, events=7, mentions=30)
    md = run_report_markdown(
        summary,
        reasons=[("ingest", "binary data | not text", 1), ("clean_articles", "no body after cleaning", 1)],
        stage_failures=[("ingest", 1), ("clean_articles", 1)],
        clusters=3,
        event_types=[("CONSULT", 5), ("AGREE", 2)],
        new_clusters=[{"cluster_id": "c1", "event_type": "CONSULT", "actor1": "Min Aung Hlaing", "actor2": "Rusia",
                       "first_date": "2021-06-21", "location": "Moscow", "num_articles": 2, "num_sources": 2}],
    )
    assert "2 articles loaded from 4 documents in" in md
    assert "| new event clusters | 3 |" in md
    assert "**yes**" in md  # 4 in = 2 loaded + 2 quarantined + 0 unchanged
    for stage in VALIDATION_STAGES:  # a stage without failures still shows, with 0
        assert f"| {stage} |" in md
    assert "| events | 0 |" in md.split("## Validation failures per stage")[1]
    assert "binary data / not text" in md  # a pipe inside a reason cannot break the table
    assert "| CONSULT | 5 |" in md and "| `c1` | CONSULT | Min Aung Hlaing | Rusia |" in md


def test_unbalanced_accounting_is_flagged():
    md = run_report_markdown(_summary(documents_in=3, articles_loaded=1, quarantined=0, unchanged=0), [], [], 0)
    assert "**NO**" in md


def test_headline_says_when_nothing_is_new():
    assert nothing_new(_summary(documents_in=5, unchanged=5))
    assert run_headline(_summary(documents_in=5, unchanged=5)).startswith("Nothing new: all 5 documents are unchanged")
    assert run_headline(_summary(documents_in=0, unchanged=0)).startswith("Nothing new: no documents")
    assert not nothing_new(_summary(documents_in=5, unchanged=4, articles_loaded=1))


async def _flow_run_and_artifacts(flow_run_id: str):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    async with get_client() as client:
        run = await client.read_flow_run(flow_run_id)
        artifacts = await client.read_artifacts(
            artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[run.id]))
        )
    return run, {a.key: a for a in artifacts}


async def _task_run_names(flow_run_id: str) -> set[str]:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    async with get_client() as client:
        runs = await client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])))
    return {run.name for run in runs}


@pytest.fixture(scope="module")
def two_runs(prefect_harness, tmp_path_factory):
    """A first run over one seed article, then a second run with nothing new."""
    from flows.etl import etl

    folder = tmp_path_factory.mktemp("report")
    inbox = folder / "inbox"
    inbox.mkdir()
    shutil.copy(SEED, inbox)
    db = folder / "warta.duckdb"
    first = etl(paths=[str(inbox)], db=str(db))
    second = etl(paths=[str(inbox)], db=str(db))
    return db, first, second


def test_flow_run_is_completed_with_its_artifacts_in_the_api(two_runs):
    db, first, _ = two_runs
    run, artifacts = asyncio.run(_flow_run_and_artifacts(first["flow_run_id"]))
    assert run.state.is_completed() and run.state.type.value == "COMPLETED"
    assert run.name.startswith("etl inbox ")  # reads well in the UI
    assert {REPORT_KEY, EVENTS_KEY, CLUSTERS_KEY} <= set(artifacts)
    report = artifacts[REPORT_KEY]
    assert report.type == "markdown"
    assert "1 article loaded from 1 document in" in report.data and "## Validation failures per stage" in report.data
    with session(db, read_only=True) as con:
        loaded_events = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
    assert f"| events extracted | {first['events']} |" in report.data
    assert f"| events loaded | {loaded_events} |" in report.data
    counts_table = report.data.split("| stage | count |")[1].split("\n\n")[0]
    labels = [line.split("|")[1].strip() for line in counts_table.splitlines() if line.startswith("| ")]
    assert len(labels) == len(set(labels)), "markdown strips indentation: every row label must differ"
    events = artifacts[EVENTS_KEY]
    assert events.type == "table" and "CONSULT" in str(events.data)
    rows = json.loads(events.data) if isinstance(events.data, str) else events.data
    assert rows and all(len(str(row["sentence"] or "")) <= 90 and len(row["cluster"] or "") <= 8 for row in rows)
    with session(db, read_only=True) as con:
        loaded = con.execute("SELECT status, flow_run_id, articles_loaded FROM runs WHERE run_id = ?",
                             [first["run_id"]]).fetchall()
    assert loaded == [("COMPLETED", first["flow_run_id"], 1)]
    task_runs = asyncio.run(_task_run_names(first["flow_run_id"]))
    assert "warehouse_load" in task_runs  # not "warehouse_load-7df"


def test_run_with_nothing_new_says_so_and_changes_nothing(two_runs):
    db, first, second = two_runs
    assert second["unchanged"] == 1 and second["articles_loaded"] == 0 and second["events"] == 0
    run, artifacts = asyncio.run(_flow_run_and_artifacts(second["flow_run_id"]))
    assert run.state.is_completed()
    assert "Nothing new: the one document is unchanged" in artifacts[REPORT_KEY].data
    assert artifacts[EVENTS_KEY].data in ([], "[]")
    with session(db, read_only=True) as con:
        rows = con.execute("SELECT run_id, unchanged, articles_loaded FROM runs ORDER BY started_at").fetchall()
        assert rows == [(first["run_id"], 0, 1), (second["run_id"], 1, 0)]
        assert con.execute("SELECT count(*) FROM articles").fetchall()[0][0] == 1
