"""The etl flow on a 2-worker Dask LocalCluster fills the same warehouse as the local run."""

from __future__ import annotations

import gc

import pytest
from prefect.task_runners import ThreadPoolTaskRunner

from flows.etl import etl
from flows.runner import (
    WORKER_GC_THRESHOLDS,
    batches_in_flight,
    make_task_runner,
    parse_local,
    run_stage,
    stage_pool,
    uses_dask,
)
from tests.conftest import SEEDS
from warehouse.db import session
from warta.settings import get_settings

# Columns that record when or in which run a row was written, not what it says.
RUN_COLUMNS = {"run_id", "ingested_at", "quarantined_at", "seen_at"}
TABLES = ["articles", "sources", "article_sources", "actors", "actor_mentions", "events", "documents", "quarantine"]


def _contents(db) -> dict[str, list[tuple]]:
    """Every content table as sorted rows, without run bookkeeping columns."""
    out = {}
    with session(db, read_only=True) as con:
        for table in TABLES:
            columns = [r[0] for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                [table]).fetchall() if r[0] not in RUN_COLUMNS]
            select = ", ".join(f'"{c}"' for c in columns)
            rows = con.execute(f"SELECT {select} FROM {table}").fetchall()
            out[table] = sorted(rows, key=repr)
    return out


def test_runner_selection_from_the_address():
    assert not uses_dask(None) and not uses_dask("")
    assert isinstance(make_task_runner(None, workers=2), ThreadPoolTaskRunner)
    assert parse_local("local") == 0 and parse_local("LOCAL:3") == 3 and parse_local("tcp://h:8786") is None
    from prefect_dask import DaskTaskRunner

    remote = make_task_runner("tcp://scheduler:8786")
    assert isinstance(remote, DaskTaskRunner) and remote.address == "tcp://scheduler:8786"
    local = make_task_runner("local:2", processes=False)
    assert isinstance(local, DaskTaskRunner) and local.cluster_kwargs["n_workers"] == 2
    assert batches_in_flight("local:2", None) == 2 and batches_in_flight(None, 3) == 3


def test_stage_pool_runs_stages_in_tuned_worker_processes():
    with stage_pool(2) as pool:
        assert pool is not None
        assert run_stage(gc.get_threshold) == WORKER_GC_THRESHOLDS
    assert run_stage(gc.get_threshold) != WORKER_GC_THRESHOLDS  # no pool: runs here, untouched


@pytest.fixture
def in_process(monkeypatch):
    """Keep the local reference run in the flow process: a worker pool would only add start-up time here."""
    monkeypatch.setattr(get_settings(), "workers", 1)


def test_dask_local_cluster_fills_the_same_warehouse(prefect_harness, in_process, tmp_path):
    local_db, dask_db = tmp_path / "local.duckdb", tmp_path / "dask.duckdb"
    # Batches of two seeds: three batches, so tasks of different batches run side by side.
    local = etl(paths=[str(SEEDS)], db=str(local_db), batch_size=2)
    on_dask = etl.with_options(task_runner=make_task_runner("local:2", processes=False))
    remote = on_dask(paths=[str(SEEDS)], db=str(dask_db), batch_size=2)
    assert local["articles_loaded"] == remote["articles_loaded"] == 5
    assert local["events"] == remote["events"] and local["mentions"] == remote["mentions"]
    a, b = _contents(local_db), _contents(dask_db)
    assert a["articles"] and a["events"] and a["actor_mentions"]
    for table in TABLES:
        assert a[table] == b[table], table
