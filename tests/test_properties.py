"""Property-based tests (hypothesis): cleaning, date resolution and extraction on arbitrary text.

They never raise; offsets always fall inside the body; an inferred date is never
later than the article's date unless the mode is future. ``warta extract`` gets
random bytes and random JSONL and still prints one JSON record per document.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
import sys
import tempfile

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from warta.actors import actor_mentions
from warta.clean import CLEAN_SCHEMA, clean_articles
from warta.events import extract_events
from warta.events.extract import local_anchor
from warta.ingest import RAW_COLUMNS
from warta.text.dates import find_dates
from warta.text.sentences import sentence_spans

# Hypothesis keeps caches in a .hypothesis folder; keep them out of the working tree.
set_hypothesis_home_dir(os.path.join(tempfile.gettempdir(), "warta-hypothesis"))
SETTINGS = settings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

# Words that wake up the date, actor and event code, mixed with arbitrary text.
WORDS = [
    "Senin", "Minggu", "Sabtu", "kemarin", "lalu", "depan", "mendatang", "besok", "pekan", "bulan", "tahun",
    "Maret", "April", "Desember", "Januari", "21/4", "(21/4)", "(21/4/2024)", "29/2", "31/2", "2024", "1899",
    "2999", "10:00 WIB", "23-26", "April 2024", "tanggal", "pada", "sejak", "hingga", "-", "(", ")", ",", ".",
    "\n", "\n\n", "JAKARTA", "KOMPAS.com", "Presiden", "Joko Widodo", "Prabowo Subianto", "Menteri Luar Negeri",
    "Rusia", "Myanmar", "Indonesia", "PBB", "TNI", "Kementerian Pertahanan Rusia", "Min Aung Hlaing",
    "pemimpin junta", "bertemu", "mengecam", "menyerang", "menandatangani", "membantu", "menolak",
    "akan", "tidak", "kata", "ujar", "(Antara)", "Foto:", "Sumber:", "SCROLL TO CONTINUE WITH CONTENT",
    "di", "dan", "yang", "dengan", "\u200b", "\u00ad", "\ufeff", "\x00", "é", "“", "”", "😀", "\u202e",
]
texts = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=60).map(" ".join)
anchors = st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
published = st.one_of(
    st.none(),
    st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2030, 12, 31),
                 timezones=st.just(dt.timezone.utc)),
)


def _clean_frame(bodies: list[str], times: list[dt.datetime | None]) -> pl.DataFrame:
    """A clean_articles frame around arbitrary bodies, as the cleaning stage would hand it on."""
    n = len(bodies)
    rows = {
        "article_id": [f"{i:016x}" for i in range(n)], "doc_id": [str(i) for i in range(n)],
        "source_file": [f"p{i}.txt" for i in range(n)], "url": [None] * n, "title": [None] * n,
        "published_at": times, "published_precision": ["minute" if t else None for t in times],
        "outlet_id": [None] * n, "dateline": [None] * n, "editor": [None] * n, "language": ["id"] * n,
        "body": bodies, "page_kind": ["article"] * n, "content_hash": ["0" * 64] * n, "duplicate_of": [None] * n,
        "photo_credits": [[] for _ in range(n)], "source_notes": [[] for _ in range(n)],
    }
    schema = {k: v for k, v in CLEAN_SCHEMA.items() if k != "clean_error"}
    return pl.DataFrame(rows, schema=schema)


@SETTINGS
@given(text=texts, anchor=anchors)
def test_find_dates_never_raises_and_stays_inside_the_text(text, anchor):
    for m in find_dates(text, anchor):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.precision in {"day", "month", "year"}
        if anchor is not None and (m.inferred or m.relative):
            # An inferred or relative date is never after the article's date unless it is future.
            assert m.future or m.date <= anchor, (m, anchor)


@SETTINGS
@given(docs=st.lists(st.tuples(st.booleans(), texts, st.one_of(st.none(), st.text(max_size=30))), min_size=1, max_size=4))
def test_clean_articles_never_raises_and_keeps_one_row_per_document(docs):
    rows = []
    for i, (is_html, text, hint) in enumerate(docs):
        html = f"<html><head><title>{text[:40]}</title></head><body><p>{text}</p><script>{text[:20]}</script></body></html>"
        rows.append({"doc_id": str(i), "source_file": f"d{i}", "url": None, "format": "html" if is_html else "txt",
                     "text": None if is_html else text, "html": html if is_html else None, "title_hint": None,
                     "published_hint": hint, "raw_hash": "0" * 64})
    clean = clean_articles(pl.DataFrame(rows, schema=RAW_COLUMNS))
    assert clean.height == len(docs)
    assert clean["article_id"].str.contains("^[0-9a-f]{16}$").all()
    ok = clean.filter(pl.col("clean_error").is_null())
    assert (ok["body"].str.len_chars() > 0).all()


@SETTINGS
@given(bodies=st.lists(texts, min_size=1, max_size=3), when=st.lists(published, min_size=3, max_size=3))
def test_extraction_never_raises_and_offsets_fall_inside_the_body(bodies, when):
    clean = _clean_frame(bodies, when[: len(bodies)])
    mentions, actors = actor_mentions(clean)
    body_of = dict(zip(clean["article_id"], clean["body"]))
    for m in mentions.iter_rows(named=True):
        body = body_of[m["article_id"]]
        assert 0 <= m["start"] < m["end"] <= len(body)
        assert body[m["start"]:m["end"]] == m["mention"]
        assert 0 <= m["sentence_id"] < max(1, len(sentence_spans(body)))
    assert set(mentions["actor_id"]) <= set(actors["actor_id"])

    events = extract_events(clean, mentions, actors)
    time_of = dict(zip(clean["article_id"], clean["published_at"]))
    for e in events.iter_rows(named=True):
        body = body_of[e["article_id"]]
        assert 0 <= e["sentence_id"] < max(1, len(sentence_spans(body)))
        anchor = local_anchor(time_of[e["article_id"]], body) if time_of[e["article_id"]] else None
        if anchor is not None and e["event_date"] is not None:
            assert e["future"] or e["event_date"] <= anchor, (e["event_date"], anchor, e["sentence"])


def _extract(argv: list[str], stdin: bytes = b"") -> tuple[int, list[dict]]:
    """Run ``warta extract`` in this process; return its exit status and printed records."""
    from warta.cli import main

    out = io.StringIO()
    saved = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
    try:
        with contextlib.redirect_stdout(out):
            status = main(["extract", *argv])
    finally:
        sys.stdin = saved
    # JSON Lines end at "\n" only: a record may hold U+2028 or \x1c, where splitlines() would cut it.
    return status, [json.loads(line) for line in out.getvalue().split("\n") if line]


def _check_records(records: list[dict]) -> None:
    for r in records:
        if r["quarantine"] is None:
            for m in r["mentions"]:
                assert r["body"][m["start"]:m["end"]] == m["text"]
        else:
            assert r["quarantine"]["stage"] and r["quarantine"]["reason"]


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), texts),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)
documents = st.fixed_dictionaries(
    {}, optional={"id": st.one_of(st.text(max_size=8), st.integers()), "text": texts, "html": texts,
                  "url": st.text(max_size=20), "title": json_values, "published": json_values},
)
jsonl_lines = st.one_of(documents.map(json.dumps), json_values.map(json.dumps), st.text(max_size=40))


@settings(max_examples=30, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(jsonl_lines, min_size=1, max_size=6))
def test_warta_extract_on_random_jsonl_prints_one_record_per_document(lines):
    data = "\n".join(line.replace("\n", " ").replace("\r", " ") for line in lines).encode("utf-8", "surrogatepass")
    status, records = _extract(["-"], data)
    assert status == 0
    expected = sum(1 for line in data.split(b"\n") if line.strip())
    assert len(records) == expected
    _check_records(records)


@settings(max_examples=30, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=2000))
def test_warta_extract_on_random_bytes_prints_one_record(data):
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "random.txt"
        path.write_bytes(data)
        status, records = _extract([str(path)])
    assert status == 0 and len(records) == 1
    _check_records(records)


@settings(max_examples=15, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=3000))
def test_warta_extract_on_random_bytes_from_stdin(data):
    status, records = _extract(["-"], data)
    assert status == 0
    _check_records(records)


def test_the_warta_console_command_survives_random_bytes_on_stdin():
    """One real ``warta extract -`` process: random bytes and broken JSONL in, exit 0, one record per line."""
    import random
    import subprocess

    from tests.conftest import PROJECT

    rng = random.Random(8)
    lines = [bytes(rng.randrange(1, 256) for _ in range(rng.randrange(1, 300))).replace(b"\n", b" ") for _ in range(20)]
    lines += [b'{"id": "ok", "text": "Presiden Joko Widodo bertemu Perdana Menteri Malaysia di Jakarta kemarin."}',
              b'{"id": 1, "html": "<p>' + bytes(range(32, 127)) + b'</p>"}', b'{"text": null}', b"[[[[", b"\xff\xfe\x00"]
    data = b"\n".join(lines) + b"\n"
    out = subprocess.run([sys.executable, "-m", "warta.cli", "extract", "-"], cwd=PROJECT, input=data,
                         capture_output=True, timeout=300)
    assert out.returncode == 0, out.stderr.decode()[-2000:]
    records = [json.loads(line) for line in out.stdout.decode().splitlines()]
    assert len(records) == sum(1 for line in lines if line.strip())
    assert any(r["quarantine"] is None and r["id"] == "ok" for r in records)
    _check_records(records)


INVISIBLE = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]"


@settings(max_examples=200, deadline=None, database=None)
@given(data=st.one_of(st.binary(max_size=500), texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
                      texts.map(lambda t: t.encode("cp1252", "ignore")), texts.map(lambda t: t.encode("utf-16"))))
def test_decoding_gives_clean_nfc_text_or_says_why(data):
    import re
    import unicodedata

    from warta.text.decoding import DecodeError, decode_bytes

    try:
        text = decode_bytes(data)
    except DecodeError as exc:
        assert str(exc)
        return
    assert not re.search(INVISIBLE, text)
    assert unicodedata.is_normalized("NFC", text)


@settings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    files=st.lists(st.tuples(st.sampled_from([".txt", ".html", ".md", ""]), st.binary(max_size=300)), max_size=5),
    lines=st.lists(st.one_of(jsonl_lines.map(str.encode), st.binary(max_size=60)), max_size=8),
    batch_size=st.integers(1, 4),
)
def test_ingest_gives_every_document_exactly_one_outcome(files, lines, batch_size):
    import tempfile
    from pathlib import Path

    import polars as pl

    from warta.ingest import raw_articles

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i, (suffix, data) in enumerate(files):
            (folder / f"f{i}{suffix}").write_bytes(data)
        jsonl = folder / "docs.jsonl"
        body = b"\n".join(line.replace(b"\n", b" ") for line in lines)
        if body:
            jsonl.write_bytes(body)
        batches = list(raw_articles([folder], batch_size, 1 << 20))
    raw = pl.concat([b[0] for b in batches]) if batches else pl.DataFrame()
    quarantine = pl.concat([b[1] for b in batches]) if batches else pl.DataFrame()
    keys = (raw["source_file"].to_list() if raw.height else []) + (quarantine["record_key"].to_list() if quarantine.height else [])
    assert len(keys) == len(set(keys)), "a document came out twice"
    expected = len(files)
    if body:  # one per non-blank line, or one for the whole file (binary, or only blank lines)
        expected += 1 if str(jsonl) in keys else sum(1 for line in body.split(b"\n") if line.strip())
    assert len(keys) == expected


def test_sentence_splitting_stays_linear_on_runs_of_initials():
    import time

    from warta.text.sentences import sentence_spans

    def cost(n: int) -> float:
        started = time.perf_counter()
        sentence_spans("A. " * n + "Presiden bertemu.")
        return time.perf_counter() - started

    small, large = cost(500), cost(4000)
    assert large < max(0.2, 16 * small), (small, large)  # 8x the text: linear would be ~8x the time
