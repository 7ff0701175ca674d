"""Ingest: files, folders, globs, JSONL and HTML become raw articles or quarantine rows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SEEDS
from warta.ingest import InputPathError, plan_batches, raw_articles, stdin_documents


def _read_all(paths, batch_size=100, max_bytes=1_000_000):
    raws, quarantines = [], []
    for raw, q in raw_articles(paths, batch_size, max_bytes):
        raws.append(raw)
        quarantines.append(q)
    import polars as pl

    return pl.concat(raws), pl.concat(quarantines)


def test_seeds_folder_reads_five_text_documents():
    raw, q = _read_all([SEEDS])
    assert raw.height == 5 and q.height == 0
    assert set(raw["format"]) == {"txt"}
    assert all(Path(p).parent == SEEDS for p in raw["source_file"])
    assert raw["raw_hash"].str.len_chars().to_list() == [64] * 5


def test_glob_and_missing_path(tmp_path):
    raw, _ = _read_all([str(SEEDS / "00[01]_*.txt")])
    assert raw.height == 2
    with pytest.raises(InputPathError):
        list(raw_articles([tmp_path / "nope.txt"], 10, 1000))
    with pytest.raises(InputPathError):
        list(raw_articles([str(tmp_path / "*.none")], 10, 1000))


def test_jsonl_documents_and_bad_lines(tmp_path):
    path = tmp_path / "docs.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "Isi berita pertama.", "url": "https://x.id/a", "title": "A", "published": "2024-04-21T10:00:00+07:00"}),
        "{not json",
        json.dumps({"id": "b", "html": "<html><body><p>Halo</p></body></html>"}),
        json.dumps({"id": "c"}),
        "",
        json.dumps(["not", "an", "object"]),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    raw, q = _read_all([path])
    assert raw["doc_id"].to_list() == ["a", "b"]
    assert raw["format"].to_list() == ["jsonl-text", "jsonl-html"]
    assert raw.row(0, named=True)["title_hint"] == "A"
    reasons = dict(zip(q["record_key"], q["reason"]))
    assert reasons[f"{path}:2"].startswith("malformed JSONL line")
    assert reasons[f"{path}:4"] == "JSON document has no text or html"
    assert reasons[f"{path}:6"] == "JSONL line is not an object"


def test_jsonl_is_split_into_batches_by_byte_ranges(tmp_path):
    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps({"id": str(i), "text": f"berita {i}"}) + "\n" for i in range(25)))
    specs = plan_batches([path], batch_size=10, max_file_bytes=10_000)
    assert [s.documents for s in specs] == [10, 10, 5]
    raw, _ = _read_all([path], batch_size=10)
    assert raw["doc_id"].to_list() == [str(i) for i in range(25)]


def test_html_file_and_encodings(tmp_path):
    (tmp_path / "page.html").write_text("<html><head><title>T</title></head><body><p>Isi</p></body></html>")
    (tmp_path / "legacy.txt").write_bytes("Kafé di Jakarta “dibuka”".encode("cp1252"))
    (tmp_path / "utf16.txt").write_bytes("Berita UTF-16".encode("utf-16"))
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "empty.txt").write_bytes(b"")
    raw, q = _read_all([tmp_path])
    by_name = {Path(r["source_file"]).name: r for r in raw.iter_rows(named=True)}
    assert by_name["page.html"]["format"] == "html"
    assert by_name["legacy.txt"]["text"] == "Kafé di Jakarta “dibuka”"
    assert by_name["utf16.txt"]["text"] == "Berita UTF-16"
    reasons = {Path(k).name: r for k, r in zip(q["record_key"], q["reason"])}
    assert reasons["image.txt"].startswith("binary data")
    assert reasons["empty.txt"] == "empty file"


def test_oversized_file_is_quarantined_unread(tmp_path):
    (tmp_path / "big.txt").write_text("x" * 5000)
    raw, q = _read_all([tmp_path], max_bytes=1000)
    assert raw.height == 0
    assert "larger than max_file_bytes" in q["reason"][0]


def test_stdin_documents():
    raw, q = stdin_documents([b'{"id": "s1", "text": "Halo dunia"}\n', b"garbage\n"], 10_000)
    assert raw["doc_id"].to_list() == ["s1"]
    assert q["record_key"].to_list() == ["<stdin>:2"]


def test_source_files_are_absolute_however_the_path_is_spelled(monkeypatch):
    monkeypatch.chdir(SEEDS.parent)
    relative, _ = _read_all(["seeds"])
    monkeypatch.chdir(SEEDS)
    dotted, _ = _read_all(["./*.txt"])
    absolute, _ = _read_all([SEEDS])
    assert relative["source_file"].to_list() == dotted["source_file"].to_list() == absolute["source_file"].to_list()
    assert all(Path(p).is_absolute() for p in relative["source_file"])


@pytest.mark.parametrize("line", [
    b'{"id": "a1", "body": "x"}', b'{"id": 123456789012345678901234567890}', b'{"id": "a", "x": NaN}',
    b'{"id": "a", "id": "b"}', b'{"id": 7}', b'{"body": "no id"}', b'[1, 2]', b'"text"',
])
def test_jsonl_ids_are_read_as_the_standard_parser_reads_them(line):
    from warta.ingest.planning import jsonl_line_id

    doc = json.loads(line)
    assert jsonl_line_id(line) == (doc.get("id") if isinstance(doc, dict) else None)
    with pytest.raises(ValueError):
        jsonl_line_id(b'{"id": "broken"')
