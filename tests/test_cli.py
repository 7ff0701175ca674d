"""The `warta` command line: extract's JSON shape, query's read-only table, helpful errors."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import PROJECT, SEEDS

WARTA = [sys.executable, "-m", "flows.cli"]
KEYS = {"id", "source_file", "title", "published_at", "published_precision", "outlet", "dateline", "language",
        "body", "mentions", "events", "citations", "quarantine"}


def _warta(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*WARTA, *args], cwd=PROJECT, input=stdin, capture_output=True, timeout=300)


def test_extract_prints_one_object_in_the_documented_shape():
    out = _warta("extract", str(SEEDS / "000_f7cb3e3a9e2b932e.txt"))
    assert out.returncode == 0, out.stderr.decode()
    lines = out.stdout.decode().splitlines()
    assert len(lines) == 1
    doc = json.loads(lines[0])
    assert KEYS <= set(doc)
    assert doc["quarantine"] is None and doc["language"] == "id"
    body = doc["body"]
    assert doc["mentions"], "countries and people are mentioned"
    for m in doc["mentions"]:
        assert {"start", "end", "text", "type", "actor"} <= set(m)
        assert body[m["start"]:m["end"]] == m["text"]
        assert m["type"] in {"PER", "ORG", "LOC", "COUNTRY"}
    for e in doc["events"]:
        assert {"type", "actor1", "actor2", "date", "date_precision", "location", "sentence", "confidence"} <= set(e)
    for c in doc["citations"]:
        assert c["role"] in {"cited", "photo", "publisher"}


def test_extract_reads_jsonl_from_stdin_and_quarantines_bad_lines():
    docs = b'{"id": "a1", "text": "Presiden Joko Widodo bertemu Perdana Menteri Malaysia di Jakarta pada Senin (21/6/2021)."}\n{bad\n'
    out = _warta("extract", "-", stdin=docs)
    assert out.returncode == 0, out.stderr.decode()
    records = [json.loads(line) for line in out.stdout.decode().splitlines()]
    assert [r["id"] for r in records if r["quarantine"] is None] == ["a1"]
    bad = [r for r in records if r["quarantine"]]
    assert len(bad) == 1 and bad[0]["quarantine"]["stage"] == "ingest"


def test_missing_file_is_a_clear_error():
    out = _warta("extract", "does/not/exist.txt")
    assert out.returncode == 2
    assert b"not found" in out.stderr


def test_help_explains_every_command():
    for cmd in ["run", "extract", "query"]:
        out = _warta(cmd, "--help")
        assert out.returncode == 0 and len(out.stdout) > 200


def test_query_is_read_only(tmp_path):
    from warehouse.db import session

    db = tmp_path / "q.duckdb"
    with session(db):
        pass
    ok = _warta("query", "SELECT count(*) AS n FROM articles", "--db", str(db))
    assert ok.returncode == 0 and b"n" in ok.stdout
    write = _warta("query", "DELETE FROM articles", "--db", str(db))
    assert write.returncode == 1 and b"read-only" in write.stderr.lower()
