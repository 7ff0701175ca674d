"""Safety: user SQL cannot write, SQL is never pasted together from input, paths stay confined."""

from __future__ import annotations

import ast
import hashlib
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.conftest import PROJECT
from warehouse.db import query_connection, session

WRITES = [
    "DELETE FROM articles",
    "INSERT INTO sources VALUES ('x', 'x', 'outlet', NULL, NULL)",
    "DROP TABLE runs",
    "CREATE TABLE evil AS SELECT 1",
    "UPDATE runs SET status = 'x'",
]
ESCAPES = [
    "COPY (SELECT 1) TO '{out}'",
    "ATTACH '{out}.duckdb' AS other",
    "SELECT * FROM read_csv('/etc/hostname')",
    "SET enable_external_access = true",
    "INSTALL httpfs",
]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def warehouse(db_path: Path) -> Path:
    with session(db_path) as con:
        con.execute("INSERT INTO sources VALUES ('tempo', 'Tempo', 'outlet', 'tempo.co', 'IDN')")
    return db_path


def test_the_query_connection_reads_but_cannot_write_anything(warehouse, tmp_path):
    before = _digest(warehouse)
    out = tmp_path / "leak.csv"
    con = query_connection(warehouse)
    try:
        assert con.execute("SELECT name FROM sources").fetchall() == [("Tempo",)]
        for sql in WRITES + [s.format(out=out) for s in ESCAPES]:
            with pytest.raises(duckdb.Error, match="read-only|attached in read-only|disabled|Cannot change"):
                con.execute(sql)
                pytest.fail(f"ran: {sql}")
    finally:
        con.close()
    assert _digest(warehouse) == before
    assert not out.exists() and not Path(f"{out}.duckdb").exists()


def _query(db: Path, sql: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "warta.cli", "query", sql, "--db", str(db)],
                          cwd=PROJECT, capture_output=True, timeout=120)


def test_warta_query_cannot_change_the_warehouse(warehouse):
    before = _digest(warehouse)
    for sql in ("DELETE FROM sources", "DROP TABLE sources; SELECT 1"):
        result = _query(warehouse, sql)
        assert result.returncode != 0
    assert _digest(warehouse) == before


def test_warta_query_cannot_write_other_files(warehouse, tmp_path):
    out = tmp_path / "leak.csv"
    result = _query(warehouse, f"COPY (SELECT * FROM sources) TO '{out}'")
    assert result.returncode != 0 and not out.exists()


# Every place that builds SQL text at run time, reviewed: what goes into the text, and why it is safe.
REVIEWED_DYNAMIC_SQL = {
    ("warehouse/loader.py", "INSERT OR REPLACE INTO runs VALUES"): "only '?' placeholders; values are bound",
    ("warehouse/loader.py", "CREATE OR REPLACE TEMP VIEW staged_"): "table names from the STAGED_TABLES constant",
    ("warehouse/export.py", "COPY (SELECT * FROM"): "name matched against the catalog, path quoted; COPY takes no parameters",
    ("flows/report.py", "SELECT count(*) FROM ("): "a constant SQL fragment of the module; run_id is bound",
    ("flows/report.py", "FROM event_clusters WHERE"): "a constant SQL fragment of the module; run_id is bound",
    ("warehouse/assertions.py", "SELECT * FROM ("): "the SQL of the package's own assertion files; values are bound",
}
SQL_CALLS = {"execute", "executemany", "sql", "query", "from_query"}


def _dynamic_sql_sites() -> list[tuple[str, int, str]]:
    """Calls like ``con.execute(f"...{x}...")``: SQL text built from values at run time."""
    sites = []
    for folder in ("warta", "flows", "warehouse", "schemas"):
        for path in sorted((PROJECT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and node.func.attr in SQL_CALLS and node.args):
                    continue
                sql = node.args[0]
                built = (
                    (isinstance(sql, ast.JoinedStr) and any(isinstance(v, ast.FormattedValue) for v in sql.values))
                    or (isinstance(sql, ast.BinOp) and isinstance(sql.op, (ast.Add, ast.Mod)))
                    or (isinstance(sql, ast.Call) and isinstance(sql.func, ast.Attribute) and sql.func.attr == "format")
                )
                if built:
                    sites.append((str(path.relative_to(PROJECT)), node.lineno, ast.unparse(sql)))
    return sites


def test_no_sql_is_pasted_together_from_input():
    unreviewed = [
        (path, line, text[:120]) for path, line, text in _dynamic_sql_sites()
        if not any(path == p and marker in text for p, marker in REVIEWED_DYNAMIC_SQL)
    ]
    assert unreviewed == [], (
        "SQL text built at run time: bind values with ? / $name parameters instead, or review the site "
        "and add it to REVIEWED_DYNAMIC_SQL with the reason it is safe"
    )


def test_hostile_ids_and_keys_are_bound_not_pasted(tmp_path):
    """Quotes and SQL in document ids, keys and reasons reach the warehouse as plain values."""
    from datetime import datetime, timezone

    import polars as pl

    from warehouse.loader import load_run
    from warehouse.staging import write_batch

    evil = "x'); DROP TABLE articles; --"
    write_batch(tmp_path / "stage", 0, {"quarantine": pl.DataFrame(
        [{"stage": "ingest", "record_key": evil, "reason": "'; DELETE FROM runs; --", "payload": evil}])})
    db = tmp_path / "w.duckdb"
    load_run(db, tmp_path / "stage", {"run_id": evil, "started_at": datetime.now(timezone.utc), "documents_in": 1})
    with session(db, read_only=True) as con:
        assert con.execute("SELECT record_key, reason FROM quarantine").fetchall() == [(evil, "'; DELETE FROM runs; --")]
        assert con.execute("SELECT run_id FROM runs").fetchall() == [(evil,)]
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
