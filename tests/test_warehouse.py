"""Warehouse: idempotent DDL, atomic loads, migrations recorded."""

from __future__ import annotations

from datetime import datetime, timezone

import duckdb
import polars as pl
import pytest

from warehouse.db import apply_schema, connect, session
from warehouse.loader import load_run
from warehouse.staging import write_batch

CONTRACT = {
    "articles": ["article_id", "source_file", "url", "title", "published_at", "published_precision", "outlet_id",
                 "dateline", "editor", "language", "body", "content_hash", "duplicate_of", "run_id", "ingested_at"],
    "sources": ["source_id", "name", "kind", "domain", "country_code"],
    "article_sources": ["article_id", "source_id", "role"],
    "actors": ["actor_id", "name", "actor_type", "country_code", "sector", "aliases"],
    "actor_mentions": ["article_id", "actor_id", "mention", "start", "end", "sentence_id"],
    "events": ["event_id", "article_id", "event_type", "mode", "context", "cameo_root", "quad_class", "actor1_id",
               "actor2_id", "event_date", "date_precision", "location", "location_country", "latitude", "longitude",
               "sentence_id", "sentence", "confidence", "cluster_id"],
    "runs": ["run_id", "flow_run_id", "started_at", "finished_at", "status"],
    "quarantine": ["run_id", "stage", "record_key", "reason", "payload", "quarantined_at"],
}


def _catalog(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return con.execute(
        "SELECT table_name, column_name, data_type, ordinal_position FROM information_schema.columns "
        "WHERE table_schema = 'main' ORDER BY ALL"
    ).fetchall() + con.execute("SELECT view_name, sql FROM duckdb_views() WHERE NOT internal ORDER BY 1").fetchall()


def test_ddl_twice_changes_nothing(db_path):
    con = connect(db_path)
    apply_schema(con)
    first = _catalog(con)
    versions = con.execute("SELECT version FROM schema_version").fetchall()
    apply_schema(con)
    assert _catalog(con) == first
    assert con.execute("SELECT version FROM schema_version").fetchall() == versions
    con.close()


def test_contract_tables_and_columns(db_path):
    with session(db_path) as con:
        for table, columns in CONTRACT.items():
            have = {r[0] for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]).fetchall()}
            assert set(columns) <= have, (table, set(columns) - have)


def _article(article_id: str, body: str) -> dict:
    return {
        "article_id": article_id, "doc_id": article_id, "source_file": f"{article_id}.txt", "url": None,
        "title": "Judul", "published_at": datetime(2024, 4, 21, 3, tzinfo=timezone.utc), "published_precision": "day",
        "outlet_id": None, "dateline": None, "editor": None, "language": "id", "body": body, "page_kind": "article",
        "content_hash": "0" * 64, "duplicate_of": None,
    }


def _run(run_id: str, documents: int = 1) -> dict:
    return {"run_id": run_id, "started_at": datetime.now(timezone.utc), "documents_in": documents}


def test_failed_load_leaves_warehouse_as_it_was(db_path, tmp_path):
    good = tmp_path / "good"
    write_batch(good, 0, {"articles": pl.DataFrame([_article("a" * 16, "Isi pertama.")])})
    load_run(db_path, good, _run("r1"))
    with session(db_path, read_only=True) as con:
        before = con.execute("SELECT * FROM articles").fetchall(), con.execute("SELECT run_id FROM runs").fetchall()

    bad = tmp_path / "bad"
    write_batch(bad, 0, {"articles": pl.DataFrame([_article("b" * 16, "Isi kedua.")])})
    # An events partition missing required columns fails the load after the articles were inserted.
    write_batch(bad, 0, {"events": pl.DataFrame({"event_id": ["e1"], "article_id": ["b" * 16]})})
    with pytest.raises(duckdb.Error):
        load_run(db_path, bad, _run("r2"))
    with session(db_path, read_only=True) as con:
        after = con.execute("SELECT * FROM articles").fetchall(), con.execute("SELECT run_id FROM runs").fetchall()
    assert after == before


def test_same_article_across_batches_loads_once_and_quarantines_the_copy(db_path, tmp_path):
    stage = tmp_path / "stage"
    write_batch(stage, 0, {"articles": pl.DataFrame([_article("c" * 16, "Isi.")])})
    write_batch(stage, 1, {"articles": pl.DataFrame([{**_article("c" * 16, "Isi."), "source_file": "copy.txt"}])})
    counts = load_run(db_path, stage, _run("r3", documents=2))
    assert counts["articles_loaded"] == 1 and counts["duplicates"] == 1
    with session(db_path, read_only=True) as con:
        assert con.execute("SELECT record_key FROM quarantine").fetchall() == [("copy.txt",)]


def _mention(article_id: str, start: int, end: int, actor_id: str = "act1") -> dict:
    text = "Joko Widodo tiba."[start:end]
    return {"article_id": article_id, "actor_id": actor_id, "mention": text, "start": start, "end": end,
            "sentence_id": 0, "type": "PER", "role": None, "actor_name": text}


ACTORS = pl.DataFrame([{"actor_id": a, "name": n, "actor_type": "person", "country_code": "IDN", "sector": None,
                        "aliases": [], "wikidata_id": None, "role": None} for a, n in [("act1", "Joko Widodo"), ("act2", "Joko")]])


def test_mentions_stay_unique_without_a_key(db_path, tmp_path):
    article = _article("f" * 16, "Joko Widodo tiba.")
    first = tmp_path / "s1"
    # The same mention twice in one batch, and in a copy of the article in a later batch.
    write_batch(first, 0, {"articles": pl.DataFrame([article]), "actors": ACTORS,
                           "mentions": pl.DataFrame([_mention("f" * 16, 0, 11)] * 2 + [_mention("f" * 16, 0, 4, "act2")])})
    write_batch(first, 1, {"articles": pl.DataFrame([{**article, "source_file": "copy.txt"}]),
                           "mentions": pl.DataFrame([_mention("f" * 16, 0, 11)])})
    load_run(db_path, first, _run("r5", documents=2))  # the article and its copy
    with session(db_path, read_only=True) as con:
        rows = con.execute('SELECT actor_id, "start", "end" FROM actor_mentions ORDER BY ALL').fetchall()
    assert rows == [("act1", 0, 11), ("act2", 0, 4)]
    # A later run loads the article again (changed content): its mentions are replaced, not added.
    second = tmp_path / "s2"
    write_batch(second, 0, {"articles": pl.DataFrame([{**article, "body": "Joko Widodo tiba lagi."}]),
                            "mentions": pl.DataFrame([_mention("f" * 16, 0, 11)])})
    load_run(db_path, second, _run("r6"))
    with session(db_path, read_only=True) as con:
        rows = con.execute('SELECT actor_id, "start", "end" FROM actor_mentions ORDER BY ALL').fetchall()
    assert rows == [("act1", 0, 11)]


def test_exact_copies_across_runs_point_at_the_earliest_article(db_path, tmp_path):
    first, second = tmp_path / "s1", tmp_path / "s2"
    late = {**_article("d" * 16, "Isi sama."), "content_hash": "1" * 64}
    early = {**_article("e" * 16, "Isi sama."), "content_hash": "1" * 64,
             "published_at": datetime(2024, 4, 20, tzinfo=timezone.utc)}
    write_batch(first, 0, {"articles": pl.DataFrame([late])})
    load_run(db_path, first, _run("r4"))
    write_batch(second, 0, {"articles": pl.DataFrame([early])})
    load_run(db_path, second, _run("r5"))
    with session(db_path, read_only=True) as con:
        rows = dict(con.execute("SELECT article_id, duplicate_of FROM articles").fetchall())
        staged_views = con.execute("SELECT count(*) FROM duckdb_views() WHERE view_name LIKE 'staged_%'").fetchone()[0]
    assert rows == {"d" * 16: "e" * 16, "e" * 16: None}
    assert staged_views == 0, "staging views must not outlive the load"


def test_assertions_hold_after_a_load_and_a_broken_rule_rolls_the_load_back(tmp_path):
    """Post-load assertions: a load that would leave a dangling actor id publishes nothing."""
    from tests.test_views import load_seeds
    from warehouse.assertions import ASSERTIONS_DIR, WarehouseAssertionError, failed_assertions
    from warta import pipeline
    from warta.quarantine import quarantine_frame

    db = tmp_path / "w.duckdb"
    load_seeds(db, tmp_path / "stage")
    with session(db, read_only=True) as con:
        run_id = con.execute("SELECT run_id FROM runs").fetchone()[0]
        assert failed_assertions(con, run_id) == []
        before = con.execute("SELECT count(*) FROM actor_mentions").fetchone()[0]
    assert len(list(ASSERTIONS_DIR.glob("*.sql"))) >= 10
    # A second run whose mentions name an actor that no frame holds.
    raw = pl.DataFrame([{"doc_id": "x", "source_file": "x.txt", "url": None, "format": "txt",
                         "text": "Presiden Joko Widodo bertemu Perdana Menteri Malaysia Anwar Ibrahim di Jakarta.",
                         "html": None, "title_hint": None, "published_hint": None, "raw_hash": "1" * 64}])
    result = pipeline.process_batch(raw, quarantine_frame())
    assert result.mentions.height
    result.mentions = result.mentions.with_columns(pl.lit("per:nobody").alias("actor_id"))
    write_batch(tmp_path / "stage2", 0, result.frames())
    run = {"run_id": "broken", "started_at": datetime.now(timezone.utc), "documents_in": 1, "unchanged": 0}
    with pytest.raises(WarehouseAssertionError, match="04_mentions_resolve"):
        load_run(db, tmp_path / "stage2", run)
    with session(db, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM actor_mentions").fetchone()[0] == before
        assert con.execute("SELECT count(*) FROM runs WHERE run_id = 'broken'").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM articles WHERE source_file = 'x.txt'").fetchone()[0] == 0
