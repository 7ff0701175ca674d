"""The `warta` command line: extract's JSON shape, query's read-only table, helpful errors."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import PROJECT, SEEDS

WARTA = [sys.executable, "-m", "warta.cli"]
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


def test_run_exits_promptly_after_the_flow_with_default_logging(tmp_path):
    """Prefect's log and event workers are drained before the temporary API stops.

    Without that, they retried the stopped server for about a minute at exit and printed
    "Error logging to API".
    """
    import os
    import time

    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    env["PREFECT_LOGGING_LEVEL"] = "INFO"  # the Makefile's WARNING hid the bug
    proc = subprocess.Popen([*WARTA, "run", str(SEEDS / "000_f7cb3e3a9e2b932e.txt"), "--db", str(tmp_path / "w.duckdb")],
                            cwd=PROJECT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    finished_at, output = None, []
    for line in proc.stdout:
        output.append(line)
        if "Finished in state" in line:
            finished_at = time.monotonic()
    proc.wait(timeout=300)
    text = "".join(output)
    assert proc.returncode == 0, text
    assert finished_at is not None, text
    assert time.monotonic() - finished_at < 15, "the process lingered after the flow finished"
    assert "Error logging to API" not in text


def test_run_names_an_unreachable_prefect_server_in_one_line(tmp_path):
    import os

    env = {**os.environ, "PREFECT_API_URL": "http://127.0.0.1:9/api"}
    out = subprocess.run([*WARTA, "run", str(SEEDS), "--db", str(tmp_path / "w.duckdb")], cwd=PROJECT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "http://127.0.0.1:9/api" in lines[0] and "make server" in lines[0]
    assert not (tmp_path / "w.duckdb").exists()


def test_run_on_an_empty_folder_says_there_is_nothing_to_do(tmp_path):
    (tmp_path / "empty").mkdir()
    out = _warta("run", str(tmp_path / "empty"), "--db", str(tmp_path / "w.duckdb"))
    assert out.returncode == 1 and b"no input documents" in out.stderr


def test_query_prints_every_statement_and_refuses_an_empty_one(tmp_path):
    from warehouse.db import session

    db = tmp_path / "q.duckdb"
    with session(db):
        pass
    both = _warta("query", "SELECT 41 AS first_answer; SELECT 42 AS second_answer", "--db", str(db))
    assert both.returncode == 0 and b"first_answer" in both.stdout and b"second_answer" in both.stdout
    empty = _warta("query", "  ", "--db", str(db))
    assert empty.returncode == 2 and b"no SQL statement" in empty.stderr


def test_every_command_and_option_is_documented_in_the_readme():
    """Each subcommand has a row in the README's command table naming all of its options."""
    import argparse
    import re

    from warta.cli import build_parser

    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    rows = {m.group(1): m.group(0) for m in re.finditer(r"^\| `warta (\w+)[^\n]*", readme, re.MULTILINE)}
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    for name, parser in sub.choices.items():
        assert name in rows, f"`warta {name}` has no row in the README's command table"
        for action in parser._actions:
            for option in action.option_strings:
                if option.startswith("--") and option != "--help":
                    assert option in rows[name], f"`warta {name} {option}` is not documented in the README"
