"""The loader: merge a run's staged Parquet partitions into DuckDB in one transaction.

Either every table of the run is published, or none is: any error (or a killed
process) before COMMIT leaves the warehouse exactly as it was. Before COMMIT, the
assertions of ``warehouse/assertions/`` check the result; one that fails rolls the
load back.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import polars as pl

from warehouse.assertions import assert_warehouse
from warehouse.db import session
from warehouse.staging import STAGED_TABLES, staged_files

LOAD_DIR = Path(__file__).resolve().parent / "load"
# Empty stand-ins, so a run with nothing staged for a table still loads.
_EMPTY = {
    "articles": "SELECT * FROM articles WHERE false",
    "citations": "SELECT NULL::VARCHAR AS article_id, NULL::VARCHAR AS source_id, NULL::VARCHAR AS name, "
    "NULL::VARCHAR AS kind, NULL::VARCHAR AS role, NULL::VARCHAR AS domain, NULL::VARCHAR AS country_code WHERE false",
    "actors": "SELECT * FROM actors WHERE false",
    "mentions": "SELECT * FROM actor_mentions WHERE false",
    "events": "SELECT * FROM events WHERE false",
    "quarantine": "SELECT stage, record_key, reason, payload FROM quarantine WHERE false",
    "documents": "SELECT record_key, raw_hash, outcome, article_id FROM documents WHERE false",
}

# Stages whose quarantine rows stand for whole documents.
DOCUMENT_STAGES = ("ingest", "raw_articles", "clean_articles")

ClusterFn = Callable[[pl.DataFrame], pl.DataFrame]

# DuckDB shares one database instance between the connections of a process, so its
# file lock does not keep two loads of the same process apart: this lock does.
_LOAD_LOCKS: dict[str, threading.Lock] = {}
_LOCKS_GUARD = threading.Lock()


def _load_lock(db: Path | str) -> threading.Lock:
    key = os.path.realpath(db)
    with _LOCKS_GUARD:
        return _LOAD_LOCKS.setdefault(key, threading.Lock())


def load_run(
    db: Path | str,
    stage_dir: Path | str,
    run: dict,
    assign_clusters: ClusterFn | None = None,
    retries: int = 5,
    backoff: float = 0.5,
) -> dict[str, int]:
    """Publish the staged run into ``db`` atomically and record it in ``runs``.

    ``run`` holds the runs-table columns known before loading (run_id, flow_run_id,
    started_at, documents_in, unchanged, ...). Returns the counts that were loaded.
    """
    with _load_lock(db), session(db, retries=retries, backoff=backoff) as con:
        _register_staged(con, stage_dir)
        con.execute("BEGIN TRANSACTION")
        try:
            for path in sorted(LOAD_DIR.glob("*.sql")):
                sql = path.read_text(encoding="utf-8")
                params = {"run_id": run["run_id"]} if "$run_id" in sql else None
                con.execute(sql, params) if params else con.execute(sql)
            if assign_clusters is not None:
                _recluster(con, assign_clusters)
            counts = _counts(con)
            _record_run(con, run, counts)
            assert_warehouse(con, run["run_id"])  # a broken rule rolls the whole load back
            con.execute("COMMIT")
        except BaseException:
            _rollback(con)
            raise
    return counts


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    """Roll back, without hiding the original error if the connection is already unusable."""
    try:
        con.execute("ROLLBACK")
    except duckdb.Error:
        pass  # an invalidated database has nothing committed to undo


def _register_staged(con: duckdb.DuckDBPyConnection, stage_dir: Path | str) -> None:
    for table in STAGED_TABLES:
        files = staged_files(stage_dir, table)
        if files:
            # register() makes a temporary view: nothing of the staging outlives the connection.
            con.register(f"staged_{table}", con.read_parquet(files, union_by_name=True))
        else:
            con.execute(f"CREATE OR REPLACE TEMP VIEW staged_{table} AS SELECT *, 0 AS _batch FROM ({_EMPTY[table]})")


def _recluster(con: duckdb.DuckDBPyConnection, assign_clusters: ClusterFn) -> None:
    """Recompute event clusters over every event, so new reports join old clusters."""
    events = con.sql(
        "SELECT e.event_id, e.article_id, e.event_type, e.negated, e.future, e.event_date, e.date_precision, "
        "e.actor1_id, e.actor2_id, a1.name AS actor1_name, a2.name AS actor2_name, e.cluster_id FROM events e "
        "LEFT JOIN actors a1 ON a1.actor_id = e.actor1_id LEFT JOIN actors a2 ON a2.actor_id = e.actor2_id"
    ).pl()
    if events.is_empty():
        return
    clustered = assign_clusters(events).select("event_id", "cluster_id")
    con.register("new_clusters", clustered.to_arrow())
    con.execute(
        "UPDATE events SET cluster_id = n.cluster_id FROM new_clusters n "
        "WHERE events.event_id = n.event_id AND events.cluster_id IS DISTINCT FROM n.cluster_id"
    )
    con.unregister("new_clusters")


def _counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    def one(sql: str, params: list | None = None) -> int:
        return con.execute(sql, params).fetchone()[0]

    duplicates = one("SELECT count(*) FROM staged_articles") - one("SELECT count(*) FROM winners")
    return {
        "articles_loaded": one("SELECT count(*) FROM winners"),
        "duplicates": duplicates,
        # Documents (not extracted records) that went to quarantine, so in = loaded + quarantined + unchanged.
        "quarantined": duplicates
        + one("SELECT count(*) FROM staged_quarantine WHERE list_contains(?, stage)", [list(DOCUMENT_STAGES)]),
        # Records as loaded: those of duplicate documents are not.
        "mentions": one(f"SELECT count(*) FROM staged_mentions s {_LOADED}"),
        "actors": one("SELECT count(DISTINCT actor_id) FROM staged_actors"),
        "events": one(f"SELECT count(*) FROM staged_events s {_LOADED}"),
        "citations": one(f"SELECT count(*) FROM staged_citations s {_LOADED}"),
    }


_LOADED = "SEMI JOIN winners w ON s.article_id = w.article_id AND s._batch = w._batch"


def _record_run(con: duckdb.DuckDBPyConnection, run: dict, counts: dict[str, int]) -> None:
    # A run without a ledger (a first load, a test) has nothing unchanged.
    _insert_run(con, {"unchanged": 0, **run, **counts, "finished_at": datetime.now(timezone.utc), "status": "COMPLETED"})


def _insert_run(con: duckdb.DuckDBPyConnection, row: dict) -> None:
    columns = [c[0] for c in con.execute("SELECT * FROM runs LIMIT 0").description]
    placeholders = ", ".join("?" for _ in columns)  # values are bound, never pasted
    con.execute(f"INSERT OR REPLACE INTO runs VALUES ({placeholders})", [row.get(c) for c in columns])


def record_failed_run(db: Path | str, run: dict, error: str, retries: int = 5, backoff: float = 0.5) -> None:
    """Record a run that failed before publishing anything (its data was rolled back)."""
    row = {**run, "finished_at": datetime.now(timezone.utc), "status": "FAILED", "error": error[:2000]}
    with _load_lock(db), session(db, retries=retries, backoff=backoff) as con:
        _insert_run(con, row)
