"""Crash safety and concurrency: SIGKILL during the load, two loads at once, an analyst's open connection."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import polars as pl
import pytest

from tests.conftest import PROJECT, SEEDS
from warehouse.db import WarehouseLockedError, session
from warehouse.loader import load_run
from warehouse.staging import write_batch
from warta import pipeline
from warta.ingest import raw_articles

RUNNER = [sys.executable, str(PROJECT / "tests" / "data" / "load_runner.py")]
HOLDER = (
    "import duckdb, sys, time\n"
    "con = duckdb.connect(sys.argv[1], read_only=True)\n"
    "con.execute('SELECT count(*) FROM articles').fetchall()\n"
    "print('open', flush=True)\n"
    "time.sleep(float(sys.argv[2]))\n"
)
TABLES = ["articles", "sources", "article_sources", "actors", "actor_mentions", "events", "runs", "quarantine",
          "documents", "schema_version"]


def _stage(folder: Path, results: list[pipeline.BatchResult]) -> Path:
    for number, result in enumerate(results):
        write_batch(folder, number, result.frames())
    return folder


def _bulk(result: pipeline.BatchResult, copies: int) -> pipeline.BatchResult:
    """The batch plus ``copies`` long synthetic articles, so the load writes megabytes, not kilobytes."""
    base = result.articles.head(1)
    extra = pl.concat([
        base.with_columns(
            pl.lit(f"{i:016x}").alias("article_id"),
            pl.lit(f"bulk/{i}.txt").alias("source_file"),
            (pl.col("body") + pl.lit(f" Salinan {i}. " * 20)).alias("body"),
        )
        for i in range(copies)
    ])
    return pipeline.BatchResult(pl.concat([result.articles, extra]), result.citations, result.mentions,
                                result.actors, result.events, result.quarantine, result.documents)


@pytest.fixture(scope="module")
def stages(tmp_path_factory):
    """Staged runs of real seed articles: ``early`` (two seeds), ``late`` (the rest) and ``bulk`` (late + 1000)."""
    root = tmp_path_factory.mktemp("stages")
    files = sorted(SEEDS.glob("*.txt"))
    results = {}
    for name, paths in (("early", files[:2]), ("late", files[2:])):
        (raw, q), = list(raw_articles(paths, 100, 1 << 20))
        results[name] = pipeline.process_batch(raw, q)
    return {
        "early": _stage(root / "early", [results["early"]]),
        "late": _stage(root / "late", [results["late"]]),
        "bulk": _stage(root / "bulk", [_bulk(results["late"], 1000)]),
    }


def _snapshot(db: Path) -> dict[str, list]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in TABLES}
    finally:
        con.close()


# Documents behind each staged run: seed files, and the bulk copies of the late seeds.
DOCUMENTS = {"early": 2, "late": 3, "bulk": 1003}


def _run(run_id: str, stage: str) -> dict:
    return {"run_id": run_id, "started_at": datetime.now(timezone.utc), "documents_in": DOCUMENTS[stage]}


@pytest.fixture
def early_db(tmp_path, stages) -> Path:
    """A warehouse holding one earlier run."""
    db = tmp_path / "w.duckdb"
    load_run(db, stages["early"], _run("early0000000000a", "early"))
    return db


def _start(db: Path, stage: Path, run_id: str, *extra: str) -> subprocess.Popen:
    documents = str(DOCUMENTS[stage.name])
    return subprocess.Popen([*RUNNER, str(db), str(stage), run_id, "--documents", documents, *extra], cwd=PROJECT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _wait_for(path: Path, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert proc.poll() is None, proc.stderr.read().decode()
        assert time.monotonic() < deadline, "the load never reached its pause"
        time.sleep(0.05)


def test_sigkill_during_the_load_leaves_the_warehouse_as_before(early_db, stages, tmp_path):
    before = _snapshot(early_db)
    marker = tmp_path / "inside"
    # Every table of a run of ~1000 articles is written, uncommitted, when the process dies.
    proc = _start(early_db, stages["bulk"], "killed000000000a", "--pause", "60", "--marker", str(marker))
    _wait_for(marker, proc)
    proc.send_signal(signal.SIGKILL)
    assert proc.wait(timeout=30) == -signal.SIGKILL
    assert _snapshot(early_db) == before  # nothing of the killed run, and the old data intact

    # The next run completes, and publishes everything.
    counts = load_run(early_db, stages["bulk"], _run("next000000000000", "bulk"))
    with session(early_db, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == len(before["articles"]) + counts["articles_loaded"]
        assert con.execute("SELECT run_id, status FROM runs ORDER BY run_id").fetchall() == [
            ("early0000000000a", "COMPLETED"), ("next000000000000", "COMPLETED")]
        orphans = con.execute("SELECT count(*) FROM events ANTI JOIN articles USING (article_id)").fetchone()[0]
        assert orphans == 0


def test_two_loads_at_once_one_fails_cleanly_or_waits_for_the_other(early_db, stages, tmp_path):
    marker = tmp_path / "first"
    first = _start(early_db, stages["late"], "first00000000000", "--pause", "1.5", "--marker", str(marker))
    _wait_for(marker, first)
    # A second flow (this process) that does not wait long fails cleanly, naming the holder...
    with pytest.raises(WarehouseLockedError) as failure:
        load_run(early_db, stages["bulk"], _run("impatient0000000", "bulk"), retries=1, backoff=0.1)
    message = str(failure.value)
    assert f"PID {first.pid}" in message and "Nothing was written" in message
    # ...and one that retries long enough loads after the first one.
    load_run(early_db, stages["early"], _run("second0000000000", "early"), retries=8, backoff=0.2)
    _, err1 = first.communicate(timeout=120)
    assert first.returncode == 0, err1.decode()
    with session(early_db, read_only=True) as con:
        runs = con.execute("SELECT run_id, status FROM runs ORDER BY finished_at").fetchall()
        assert runs == [("early0000000000a", "COMPLETED"), ("first00000000000", "COMPLETED"),
                        ("second0000000000", "COMPLETED")]
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 5  # no bulk article


def test_an_analysts_open_connection_is_retried_then_named(early_db, stages):
    before = _snapshot(early_db)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(early_db), "30"], stdout=subprocess.PIPE)
    try:
        assert holder.stdout.readline().strip() == b"open"
        started = time.monotonic()
        with pytest.raises(WarehouseLockedError) as failure:
            load_run(early_db, stages["late"], _run("blocked000000000", "late"), retries=3, backoff=0.1)
        assert time.monotonic() - started >= 0.1 + 0.2 + 0.4  # it did wait and retry
        message = str(failure.value)
        assert f"PID {holder.pid}" in message and "read-only connection" in message and "after 3 retries" in message
    finally:
        holder.kill()
        holder.wait()
    assert _snapshot(early_db) == before


def test_an_analyst_who_closes_in_time_lets_the_load_through(early_db, stages):
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(early_db), "1.0"], stdout=subprocess.PIPE)
    try:
        assert holder.stdout.readline().strip() == b"open"
        counts = load_run(early_db, stages["late"], _run("patient000000000", "late"), retries=8, backoff=0.2)
    finally:
        holder.wait(timeout=30)
    assert counts["articles_loaded"] == 3


def test_two_loads_in_one_process_are_serialised(early_db, stages):
    errors: list[BaseException] = []

    def load(stage: str, run_id: str) -> None:
        try:
            load_run(early_db, stages[stage], _run(run_id, stage))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=load, args=(s, r)) for s, r in
               (("late", "thread0000000001"), ("early", "thread0000000002"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    with session(early_db, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM runs WHERE status = 'COMPLETED'").fetchone()[0] == 3
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 5


def test_a_reader_in_the_same_process_waits_for_the_writer_to_close(early_db):
    from warehouse.db import connect

    writer = connect(early_db)
    threading.Timer(0.4, writer.close).start()
    reader = connect(early_db, read_only=True, retries=6, backoff=0.1)  # DuckDB refuses mixed modes in one process
    try:
        assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    finally:
        reader.close()
    writer = connect(early_db)
    try:
        with pytest.raises(WarehouseLockedError, match="another connection of this process"):
            connect(early_db, read_only=True, retries=1, backoff=0.05)
    finally:
        writer.close()
