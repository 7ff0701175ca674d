"""Hostile input: every document ends as an article or as a quarantine row that names it and says why."""

from __future__ import annotations

import io
import json
import os
import tracemalloc
from pathlib import Path

import polars as pl
import pytest

from tests.data.hostile import BODY, build
from warta import pipeline
from warta.ingest import plan_batches, raw_articles, read_batch, stdin_documents
from warta.ingest.paths import confined_path
from warta.text.decoding import DecodeError, decode_bytes, normalise_text

MB = 1 << 20


def _run_pipeline(paths, batch_size=100, max_bytes=MB):
    """Ingest, clean and extract like a run does; return (articles, quarantine, documents_in)."""
    articles, quarantine, documents_in = [], [], 0
    for raw, q in raw_articles(paths, batch_size, max_bytes):
        result = pipeline.process_batch(raw, q)
        articles.append(result.articles)
        quarantine.append(result.quarantine)
        documents_in += result.counts["documents_in"]
    return pl.concat(articles), pl.concat(quarantine), documents_in


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile") / "inbox"
    expect = build(folder)
    # One batch here; the flow test in test_reliability_run.py splits the same input into many.
    articles, quarantine, documents_in = _run_pipeline([folder], batch_size=100)
    return expect, articles, quarantine, documents_in


def _outcomes(articles: pl.DataFrame, quarantine: pl.DataFrame) -> dict[str, list[tuple[str, str]]]:
    got: dict[str, list[tuple[str, str]]] = {}
    for row in articles.iter_rows(named=True):
        got.setdefault(row["source_file"], []).append(("article", row["body"]))
    for row in quarantine.iter_rows(named=True):
        got.setdefault(row["record_key"], []).append(("quarantine", row["reason"]))
    return got


def test_every_hostile_document_ends_as_article_or_named_quarantine(hostile):
    expect, articles, quarantine, _ = hostile
    got = _outcomes(articles, quarantine)
    assert set(got) == set(expect), (set(got) ^ set(expect))
    for key, (outcome, fragment) in expect.items():
        assert len(got[key]) == 1, (key, got[key])
        kind, text = got[key][0]
        assert kind == outcome and fragment in text, (key, outcome, fragment, got[key])


def test_accounting_documents_in_equals_articles_plus_quarantined(hostile):
    expect, articles, quarantine, documents_in = hostile
    assert documents_in == len(expect) == articles.height + quarantine.height
    assert articles["article_id"].n_unique() == articles.height


def test_clean_text_has_no_control_or_invisible_characters(hostile):
    _, articles, _, _ = hostile
    invisible = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]"
    assert not articles.filter(pl.col("body").str.contains(invisible)).height


def test_decoding_legacy_damaged_and_utf16_text():
    assert decode_bytes("Kafé “baru” – 10€".encode("cp1252")) == "Kafé “baru” – 10€"
    assert decode_bytes("São Paulo".encode("latin-1") + b"\x81") == "São Paulo"
    # Mostly UTF-8 with one broken byte: the UTF-8 characters keep their meaning.
    assert decode_bytes("Menteri Kafé “ok” ".encode() + b"\xff" + "dan ñ".encode()) == "Menteri Kafé “ok” \ufffddan ñ"
    assert decode_bytes("Berita".encode("utf-16")) == "Berita"
    # UTF-16 without a BOM (Windows exports) is recognised from its zero bytes.
    assert decode_bytes("Berita tanpa BOM, é".encode("utf-16-le")) == "Berita tanpa BOM, é"
    assert decode_bytes("Berita tanpa BOM, é".encode("utf-16-be")) == "Berita tanpa BOM, é"
    assert decode_bytes(codecs_bom_utf8 := b"\xef\xbb\xbfBerita") == "Berita" and codecs_bom_utf8
    assert normalise_text("a\u200bb\u200dc\u00add\u202ee\x07f") == "abcdef"
    assert normalise_text("Ã©tÃ©") == "été"  # UTF-8 read as latin-1 is repaired
    for data in (b"\x89PNG\r\n\x1a\n\x00", b"%PDF-1.7\n", b"abc\x00def", bytes(range(32)) * 10):
        with pytest.raises(DecodeError):
            decode_bytes(data)


def test_a_30_mb_line_is_quarantined_without_being_read_whole(tmp_path):
    line = b"x" * (30 * MB)
    (tmp_path / "one_line.txt").write_bytes(line)
    (tmp_path / "docs.jsonl").write_bytes(
        json.dumps({"id": "a", "text": BODY}).encode() + b"\n" + b'{"id": "huge", "text": "' + line + b'"}\n'
        + json.dumps({"id": "b", "text": BODY + " Sesudah baris besar."}).encode() + b"\n"
    )
    tracemalloc.start()
    try:
        batches = list(raw_articles([tmp_path], 100, 2 * MB))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    raw = pl.concat([b[0] for b in batches])
    quarantine = pl.concat([b[1] for b in batches])
    assert peak < 8 * MB, f"peak {peak / MB:.1f} MiB: a line was held whole"
    assert raw["doc_id"].to_list() == ["a", "b"]
    reasons = dict(zip(quarantine["record_key"], quarantine["reason"]))
    assert reasons[str(tmp_path / "one_line.txt")].startswith("file larger than max_file_bytes")
    assert reasons[f"{tmp_path / 'docs.jsonl'}:2"].startswith("JSONL line larger than max_file_bytes")


def test_the_default_size_limit_quarantines_a_30_mb_file(tmp_path):
    from warta.settings import get_settings

    limit = get_settings().max_file_bytes
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(30 * MB)  # sparse: costs no disk and would be 30 MB of NULs if read
    (spec,) = plan_batches([tmp_path], 10, limit)
    raw, q = read_batch(spec, limit)
    assert raw.height == 0 and q["reason"][0] == f"file larger than max_file_bytes ({30 * MB} > {limit})"


def test_stdin_with_an_enormous_line_and_garbage(tmp_path):
    stream = io.BytesIO(
        b'{"id": "s1", "text": "' + BODY.encode() + b'"}\n'
        + b"\xff\xfe garbage \x00\n" + b"[" * (3 * MB) + b"\n" + b'{"id": "s1", "text": "lagi"}\n'
        + b'{"id": "p", "path": "../../etc/passwd"}\n'
    )
    raw, q = stdin_documents(stream, MB)
    assert raw["doc_id"].to_list() == ["s1"]
    reasons = dict(zip(q["record_key"], q["reason"]))
    assert reasons["<stdin>:2"].startswith("malformed JSONL line")
    assert reasons["<stdin>:3"].startswith("JSONL line larger than")
    assert reasons["<stdin>:4"].startswith("duplicate document id 's1'")
    assert "escapes" in reasons["<stdin>:5"]


def test_files_that_change_or_vanish_between_planning_and_reading(tmp_path):
    (tmp_path / "grows.txt").write_text(BODY)
    (tmp_path / "vanishes.txt").write_text(BODY)
    (spec,) = plan_batches([tmp_path], 10, 1000)
    (tmp_path / "grows.txt").write_text(BODY * 20)
    (tmp_path / "vanishes.txt").unlink()
    raw, q = read_batch(spec, 1000)
    reasons = {Path(k).name: r for k, r in zip(q["record_key"], q["reason"])}
    assert raw.height == 0
    assert reasons["grows.txt"].startswith("file larger than max_file_bytes")
    assert reasons["vanishes.txt"].startswith("unreadable file")


READ_QUARANTINE = (
    "import json, sys\n"
    "from warta.ingest import raw_articles\n"
    "reasons = {}\n"
    "for raw, q in raw_articles([sys.argv[1]], 10, 1 << 20):\n"
    "    reasons.update(zip(q['record_key'], q['reason']))\n"
    "print(json.dumps(reasons))\n"
)


def _quarantine_reasons_without_root_powers(folder: Path) -> dict[str, str]:
    """Ingest ``folder`` in a process that file modes apply to (root gives up its override)."""
    import shutil
    import subprocess
    import sys

    from tests.conftest import PROJECT

    command = [sys.executable, "-c", READ_QUARANTINE, str(folder)]
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv: file modes cannot be enforced")
        drop = "-dac_override,-dac_read_search"
        command = ["setpriv", "--bounding-set", drop, "--inh-caps", drop, "--", *command]
    out = subprocess.run(command, cwd=PROJECT, capture_output=True, timeout=120)
    assert out.returncode == 0, out.stderr.decode()[-2000:]
    return {Path(k).name: r for k, r in json.loads(out.stdout).items()}


def test_unreadable_file_and_folder(tmp_path):
    (tmp_path / "locked.txt").write_text(BODY)
    (tmp_path / "locked.txt").chmod(0)
    (tmp_path / "locked.jsonl").write_text(json.dumps({"id": "a", "text": BODY}))
    (tmp_path / "locked.jsonl").chmod(0)
    (tmp_path / "closed").mkdir()
    (tmp_path / "closed" / "a.txt").write_text(BODY)
    (tmp_path / "closed").chmod(0)
    (tmp_path / "readable.txt").write_text(BODY)
    try:
        reasons = _quarantine_reasons_without_root_powers(tmp_path)
    finally:
        (tmp_path / "closed").chmod(0o755)
    assert reasons["locked.txt"] == "unreadable file: Permission denied"
    assert reasons["locked.jsonl"] == "unreadable file: Permission denied"
    assert reasons["closed"] == "unreadable folder: Permission denied"
    assert "readable.txt" not in reasons


def test_confined_path_refuses_every_way_out(tmp_path):
    base = tmp_path / "in"
    (base / "sub").mkdir(parents=True)
    (base / "sub" / "a.txt").write_text("x")
    os.symlink(tmp_path, base / "up")
    assert confined_path(base, "sub/a.txt") == base / "sub" / "a.txt"
    assert confined_path(base, "sub/../sub/a.txt") is not None
    for entry in ["../x", "/etc/passwd", "sub/../../x", "up/outside.txt", "up", "", ".", "a\x00b"]:
        assert confined_path(base, entry) is None, entry


def test_duplicate_jsonl_ids_are_caught_across_batches(tmp_path):
    path = tmp_path / "dup.jsonl"
    lines = [json.dumps({"id": i % 4, "text": f"teks {i}"}) for i in range(10)] + ['{"id": 1, "text": "akhir"}']
    path.write_text("\n".join(lines))  # no newline at the end
    specs = plan_batches([path], 3, MB)
    assert len(specs) == 4
    ids, reasons = [], {}
    for spec in specs:
        raw, q = read_batch(spec, MB)
        ids += raw["doc_id"].to_list()
        reasons.update(zip(q["record_key"], q["reason"]))
    assert ids == ["0", "1", "2", "3"]
    assert set(reasons) == {f"{path}:{n}" for n in range(5, 12)}
    assert reasons[f"{path}:11"] == f"duplicate document id '1': first used at {path}:2"
