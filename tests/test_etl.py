"""End to end: the `etl` flow on seeds/ inside a real Prefect test server, into a temporary DuckDB file."""

from __future__ import annotations

import shutil

import pytest

from flows.etl import etl
from tests.conftest import SEEDS
from warehouse.db import session

TABLES = ["articles", "sources", "article_sources", "actors", "actor_mentions", "events", "runs", "documents"]


def _counts(db) -> dict[str, int]:
    with session(db, read_only=True) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


@pytest.fixture(scope="module")
def seeded(prefect_harness, tmp_path_factory):
    db = tmp_path_factory.mktemp("wh") / "warta.duckdb"
    summary = etl(paths=[str(SEEDS)], db=str(db))
    return db, summary


def test_seeds_fill_every_contract_table(seeded):
    db, summary = seeded
    counts = _counts(db)
    assert counts["articles"] == 5
    for table in ["sources", "article_sources", "actors", "actor_mentions", "events", "runs"]:
        assert counts[table] > 0, table
    assert summary["documents_in"] == 5 and summary["articles_loaded"] == 5 and summary["quarantined"] == 0
    with session(db, read_only=True) as con:
        countries = {r[0] for r in con.execute(
            "SELECT country_code FROM actors WHERE actor_type = 'country'").fetchall()}
        assert {"MMR", "RUS"} <= countries
        # Offsets point into the body.
        bad = con.execute(
            'SELECT count(*) FROM actor_mentions m JOIN articles a USING (article_id) '
            'WHERE substr(a.body, m."start" + 1, m."end" - m."start") <> m.mention').fetchone()[0]
        assert bad == 0
        run = con.execute("SELECT status, documents_in, articles_loaded, quarantined FROM runs").fetchone()
        assert run == ("COMPLETED", 5, 5, 0)


def test_second_run_changes_nothing(seeded):
    db, _ = seeded
    before = _counts(db)
    summary = etl(paths=[str(SEEDS)], db=str(db))
    after = _counts(db)
    assert summary["unchanged"] == 5 and summary["articles_loaded"] == 0
    assert {k: v for k, v in after.items() if k != "runs"} == {k: v for k, v in before.items() if k != "runs"}
    # A full reprocess also leaves every content table as it was: ids are derived from content.
    etl(paths=[str(SEEDS)], db=str(db), incremental=False)
    again = _counts(db)
    assert {k: v for k, v in again.items() if k != "runs"} == {k: v for k, v in before.items() if k != "runs"}


def test_bad_document_is_quarantined_while_good_ones_load(prefect_harness, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(SEEDS / "000_f7cb3e3a9e2b932e.txt", inbox)
    (inbox / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    (inbox / "docs.jsonl").write_text('{"id": "x1"}\n{oops\n', encoding="utf-8")
    db = tmp_path / "w.duckdb"
    summary = etl(paths=[str(inbox)], db=str(db))
    assert summary["articles_loaded"] == 1
    assert summary["documents_in"] == summary["articles_loaded"] + summary["quarantined"] + summary["unchanged"]
    with session(db, read_only=True) as con:
        rows = dict(con.execute("SELECT record_key, reason FROM quarantine").fetchall())
    assert any(k.endswith("broken.txt") and v.startswith("binary data") for k, v in rows.items())
    assert any(k.endswith("docs.jsonl:1") and "no text" in v for k, v in rows.items())
    assert any(k.endswith("docs.jsonl:2") and "malformed" in v for k, v in rows.items())
