"""Schema evolution: an old warehouse file is upgraded in place and keeps its data."""

from __future__ import annotations

import gzip
import shutil
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import polars as pl
import pytest

from warehouse.db import apply_schema, connect, session
from warehouse.loader import load_run
from warehouse.migrations import SchemaTooNewError, available, migrate
from warehouse.staging import write_batch

V1 = Path(__file__).resolve().parent / "data" / "warehouse_v1.duckdb.gz"
OLD_TABLES = ["articles", "sources", "article_sources", "actors", "actor_mentions", "events", "runs", "documents"]
ADDED_COLUMNS = {"articles": "page_kind"}  # by later migrations; the old rows must be unchanged beside them


@pytest.fixture
def old_db(tmp_path: Path) -> Path:
    """A copy of the kept version-1 warehouse file."""
    db = tmp_path / "old.duckdb"
    with gzip.open(V1, "rb") as src, db.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    return db


def _snapshot(db: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = {
            t: con.execute(f"SELECT * EXCLUDE ({ADDED_COLUMNS[t]}) FROM {t} ORDER BY ALL").fetchall()
            if ADDED_COLUMNS.get(t) in _columns(con, t) else con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
            for t in OLD_TABLES
        }
        tables["quarantine"] = con.execute(
            "SELECT run_id, stage, record_key, reason, payload, quarantined_at FROM quarantine ORDER BY ALL").fetchall()
        return tables
    finally:
        con.close()


def _columns(con, table: str) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position", [table]
    ).fetchall()]


def test_the_kept_file_is_really_version_1(old_db):
    con = duckdb.connect(str(old_db), read_only=True)
    assert con.execute("SELECT version FROM schema_version").fetchall() == [(1,)]
    assert "kind" not in _columns(con, "quarantine")
    con.close()


def test_opening_an_old_warehouse_upgrades_it_and_keeps_its_data(old_db):
    before = _snapshot(old_db)
    with session(old_db) as con:
        versions = [r[0] for r in con.execute("SELECT version FROM schema_version ORDER BY 1").fetchall()]
        assert versions == [v for v, _, _ in available()]
        kinds = dict(con.execute("SELECT record_key, kind FROM quarantine").fetchall())
        page_kinds = con.execute("SELECT DISTINCT page_kind FROM articles").fetchall()
    assert page_kinds == [("article",)]  # version 6: the old articles were all read as stories
    assert kinds == {"old/image.txt": "document", "old/kosong.html": "document", "ev-bad": "record"}
    assert _snapshot(old_db) == before  # every old row is still there, unchanged
    with session(old_db, read_only=True) as con:  # version 4 rebuilt actor_mentions without its key
        assert not con.execute("SELECT count(*) FROM duckdb_constraints() WHERE table_name = 'actor_mentions' "
                               "AND constraint_type = 'PRIMARY KEY'").fetchone()[0]
        assert con.execute("SELECT count(*) FROM actor_mentions").fetchone()[0] > 0
        assert con.execute("SELECT count(*) FROM actor_articles").fetchone()[0] > 0  # a view over it still works
    # Opening it again applies nothing more.
    with session(old_db) as con:
        assert migrate(con) == []


def test_an_upgraded_warehouse_takes_new_runs(old_db, tmp_path):
    stage = tmp_path / "stage"
    article = {
        "article_id": "fedcba9876543210", "doc_id": "baru", "source_file": "new/baru.txt", "url": None,
        "title": "Judul baru", "published_at": datetime(2025, 1, 2, 3, tzinfo=timezone.utc),
        "published_precision": "day", "outlet_id": None, "dateline": None, "editor": None, "language": "id",
        "body": "Presiden bertemu Perdana Menteri di Jakarta.", "page_kind": "article", "content_hash": "c" * 64,
        "duplicate_of": None,
    }
    write_batch(stage, 0, {
        "articles": pl.DataFrame([article]),
        "quarantine": pl.DataFrame([{"stage": "ingest", "record_key": "new/x.png", "reason": "binary data", "payload": None}]),
    })
    counts = load_run(old_db, stage, {"run_id": "newrun0000000001", "started_at": datetime.now(timezone.utc),
                                      "documents_in": 2, "unchanged": 0})
    assert counts["articles_loaded"] == 1 and counts["quarantined"] == 1
    with session(old_db, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
        assert con.execute("SELECT kind FROM quarantine WHERE record_key = 'new/x.png'").fetchone()[0] == "document"
        assert con.execute("SELECT count(*) FROM runs").fetchone()[0] == 2


def test_a_new_warehouse_records_every_version(db_path):
    with session(db_path) as con:
        assert [r[0] for r in con.execute("SELECT version FROM schema_version ORDER BY 1").fetchall()] == \
            [v for v, _, _ in available()]
        assert "kind" in _columns(con, "quarantine")


def test_a_warehouse_from_a_newer_warta_is_refused_untouched(old_db):
    con = duckdb.connect(str(old_db))
    con.execute("INSERT INTO schema_version (version, description) VALUES (999, 'from the future')")
    con.close()
    before = _snapshot(old_db)
    with pytest.raises(SchemaTooNewError, match="schema version 999"):
        with session(old_db):
            pass
    assert _snapshot(old_db) == before
    con = duckdb.connect(str(old_db), read_only=True)
    assert "kind" not in _columns(con, "quarantine")
    con.close()


def test_a_failing_migration_rolls_back_to_the_previous_version(old_db, tmp_path):
    folder = tmp_path / "migrations"
    folder.mkdir()
    for _, _, path in available():
        shutil.copy(path, folder)
    (folder / "0900_half_done.sql").write_text(
        "ALTER TABLE articles ADD COLUMN half_done INTEGER;\nSELECT * FROM no_such_table;\n")
    con = connect(old_db)
    with pytest.raises(duckdb.Error):
        migrate(con, folder)
    assert con.execute("SELECT max(version) FROM schema_version").fetchone()[0] == max(v for v, _, _ in available())
    assert "half_done" not in _columns(con, "articles")
    con.close()


def test_schema_is_idempotent_on_an_upgraded_file(old_db):
    con = connect(old_db)
    apply_schema(con)
    first = con.execute("SELECT table_name, column_name, data_type FROM information_schema.columns ORDER BY ALL").fetchall()
    apply_schema(con)
    assert con.execute("SELECT table_name, column_name, data_type FROM information_schema.columns ORDER BY ALL").fetchall() == first
    con.close()
