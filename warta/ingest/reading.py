"""Reading: a batch spec's files and JSONL lines decoded into ``raw_articles`` rows.

Every document of a batch gives exactly one row: a raw article, or a quarantine row
naming it (file, or ``file:LINE`` for JSONL) and saying why. ``stdin_documents``
reads JSONL documents from a stream the same way (``warta extract -``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import polars as pl

from warta.ingest.paths import confined_path
from warta.ingest.planning import BatchSpec, Piece, document_id, plan_batches
from warta.ingest.warc import read_warc
from warta.quarantine import quarantine_frame, quarantine_row
from warta.text.decoding import DecodeError, decode_bytes, normalise_text

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
RAW_COLUMNS = {
    "doc_id": pl.String,
    "source_file": pl.String,
    "url": pl.String,
    "format": pl.String,
    "text": pl.String,
    "html": pl.String,
    "title_hint": pl.String,
    "published_hint": pl.String,
    "raw_hash": pl.String,
}


def read_batch(spec: BatchSpec, max_file_bytes: int) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Read the documents of one batch: ``(raw_articles, quarantine)`` frames.

    Every document of the batch gives exactly one row: a raw article or a
    quarantine row naming it (file, or ``file:LINE`` for JSONL) and saying why.
    """
    rows: list[dict] = []
    bad: list[dict] = []
    for piece in spec.pieces:
        if piece.kind == "skip":
            bad.append(quarantine_row("ingest", piece.path, piece.reason or "skipped"))
        elif piece.kind == "jsonl":
            _read_jsonl(piece, max_file_bytes, rows, bad)
        elif piece.kind == "warc":
            read_warc(piece.path, piece.start, piece.end, max_file_bytes, rows, bad)
        else:
            _read_file(Path(piece.path), max_file_bytes, rows, bad)
    return _frames(rows, bad)


def _frames(rows: list[dict], bad: list[dict]) -> tuple[pl.DataFrame, pl.DataFrame]:
    rows = _drop_duplicate_ids(rows, bad)
    raw = pl.DataFrame(rows, schema=RAW_COLUMNS) if rows else pl.DataFrame(schema=RAW_COLUMNS)
    return raw, quarantine_frame(bad)


def _drop_duplicate_ids(rows: list[dict], bad: list[dict]) -> list[dict]:
    """Quarantine later JSONL documents that reuse an id already seen in the same file."""
    first: dict[tuple[str, str], str] = {}
    kept = []
    for row in rows:
        if not row["format"].startswith("jsonl"):
            kept.append(row)
            continue
        container = row["source_file"].rsplit(":", 1)[0]
        key = (container, row["doc_id"])
        if key in first:
            bad.append(quarantine_row("ingest", row["source_file"], _duplicate_reason(row["doc_id"], first[key])))
            continue
        first[key] = row["source_file"]
        kept.append(row)
    return kept


def _duplicate_reason(doc_id: str, first: str) -> str:
    return f"duplicate document id {doc_id[:200]!r}: first used at {first}"


def _read_bounded(path: Path, max_bytes: int) -> bytes | str:
    """The bytes of ``path``, or why not: never reads more than ``max_bytes + 1`` bytes."""
    try:
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        return f"unreadable file: {exc.strerror or exc}"
    if len(data) > max_bytes:  # the file grew since it was planned
        return f"file larger than max_file_bytes (> {max_bytes})"
    return data


def _decoded_document(path: Path, data: bytes, key: str, bad: list[dict]) -> tuple[str, bool] | None:
    """Decode a file's bytes; return ``(text, is_html)`` or quarantine it and return None."""
    try:
        text = decode_bytes(data)
    except DecodeError as exc:
        bad.append(quarantine_row("ingest", key, str(exc)))
        return None
    if not text.strip():
        bad.append(quarantine_row("ingest", key, "empty file (only whitespace or invisible characters)"))
        return None
    is_html = path.suffix.lower() in HTML_SUFFIXES or (
        path.suffix.lower() not in TEXT_SUFFIXES and text.lstrip()[:200].lower().startswith(("<!doctype html", "<html"))
    )
    return text, is_html


def _read_file(path: Path, max_bytes: int, rows: list[dict], bad: list[dict]) -> None:
    data = _read_bounded(path, max_bytes)
    if isinstance(data, str):
        bad.append(quarantine_row("ingest", str(path), data))
        return
    decoded = _decoded_document(path, data, str(path), bad)
    if decoded is None:
        return
    text, is_html = decoded
    rows.append(
        {
            "doc_id": path.stem,
            "source_file": str(path),
            "url": None,
            "format": "html" if is_html else "txt",
            "text": None if is_html else text,
            "html": text if is_html else None,
            "title_hint": None,
            "published_hint": None,
            "raw_hash": hashlib.sha256(data).hexdigest(),
        }
    )


def _read_jsonl(piece: Piece, max_line_bytes: int, rows: list[dict], bad: list[dict]) -> None:
    path = Path(piece.path)
    try:
        fh = path.open("rb")
    except OSError as exc:
        bad.append(quarantine_row("ingest", piece.path, f"unreadable file: {exc.strerror or exc}"))
        return
    base = path.parent
    duplicates = dict(piece.duplicates)
    with fh:
        fh.seek(piece.start)
        line_no = piece.first_line
        while piece.end < 0 or fh.tell() < piece.end:
            line = bounded_line(fh, max_line_bytes)
            if line is None:
                break
            key = f"{piece.path}:{line_no}"
            line_no += 1
            if isinstance(line, int):
                if line:
                    bad.append(quarantine_row("ingest", key, f"JSONL line larger than max_file_bytes ({max_line_bytes})"))
                continue
            if not line.strip():
                continue
            if line_no - 1 in duplicates:
                first = f"{piece.path}:{duplicates[line_no - 1]}"
                bad.append(quarantine_row("ingest", key, _duplicate_reason(document_id(json.loads(line).get("id")), first), line[:2000]))
                continue
            record = _parse_jsonl_line(line, key, bad, base, max_line_bytes)
            if record is not None:
                rows.append(record)


def bounded_line(fh, max_bytes: int) -> bytes | int | None:
    """Read one line of at most ``max_bytes``; None at EOF.

    An over-long line is skipped in 1 MiB chunks, never held whole, and
    returned as ``1`` (``0`` if it was blank).
    """
    line = fh.readline(max_bytes + 1)
    if not line:
        return None
    if len(line) <= max_bytes or line.endswith(b"\n") and len(line) == max_bytes + 1:
        return line
    nonblank = bool(line.strip())
    while line and not line.endswith(b"\n"):
        line = fh.readline(1 << 20)
        nonblank = nonblank or bool(line.strip())
    return int(nonblank)


def _parse_jsonl_line(
    line: bytes, key: str, bad: list[dict], base: Path | None = None, max_bytes: int = 0
) -> dict | None:
    try:
        doc = json.loads(decode_bytes(line))
    except (DecodeError, ValueError, RecursionError) as exc:
        bad.append(quarantine_row("ingest", key, f"malformed JSONL line: {exc}"[:500], line[:2000]))
        return None
    if not isinstance(doc, dict):
        bad.append(quarantine_row("ingest", key, "JSONL line is not an object", line[:2000]))
        return None
    text, html = doc.get("text"), doc.get("html")
    text = normalise_text(text) if isinstance(text, str) and text.strip() else None
    html = normalise_text(html) if isinstance(html, str) and html.strip() else None
    raw_hash = hashlib.sha256(line.strip()).hexdigest()
    if text is None and html is None and isinstance(doc.get("path"), str) and base is not None:
        loaded = _document_from_path(doc["path"], base, key, max_bytes, bad)
        if loaded is None:
            return None
        body, is_html, data = loaded
        text, html = (None, body) if is_html else (body, None)
        raw_hash = hashlib.sha256(line.strip() + data).hexdigest()
    if text is None and html is None:
        bad.append(quarantine_row("ingest", key, "JSON document has no text or html", line[:2000]))
        return None
    doc_id = document_id(doc.get("id"))
    return {
        "doc_id": doc_id or key.rsplit("/", 1)[-1],
        "source_file": key,
        "url": _str_or_none(doc.get("url")),
        "format": "jsonl-text" if text is not None else "jsonl-html",
        "text": text,
        "html": html if text is None else None,
        "title_hint": _str_or_none(normalise_text(str(doc["title"])) if doc.get("title") else None),
        "published_hint": _str_or_none(doc.get("published") or doc.get("published_at")),
        "raw_hash": raw_hash,
    }


def _document_from_path(
    entry: str, base: Path, key: str, max_bytes: int, bad: list[dict]
) -> tuple[str, bool, bytes] | None:
    """Read the file a JSONL document points at with ``"path"``, confined to the JSONL's folder."""
    target = confined_path(base, entry)
    if target is None:
        bad.append(quarantine_row("ingest", key, f"JSONL path escapes the JSONL file's folder: {entry[:200]!r}"))
        return None
    if not target.is_file():
        bad.append(quarantine_row("ingest", key, f"JSONL path is not a readable file: {entry[:200]!r}"))
        return None
    data = _read_bounded(target, max_bytes)
    if isinstance(data, str):
        bad.append(quarantine_row("ingest", key, f"{entry[:200]!r}: {data}"))
        return None
    decoded = _decoded_document(target, data, key, bad)
    return None if decoded is None else (*decoded, data)


def _str_or_none(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def raw_articles(
    paths: Iterable[str | Path], batch_size: int, max_file_bytes: int
) -> Iterator[tuple[pl.DataFrame, pl.DataFrame]]:
    """Yield ``(raw_articles, quarantine)`` frames batch by batch (no Prefect)."""
    for spec in plan_batches(paths, batch_size, max_file_bytes):
        yield read_batch(spec, max_file_bytes)


def stdin_documents(lines, max_line_bytes: int) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Read JSONL documents from a binary stream or an iterable of byte lines (``warta extract -``).

    From a stream, lines are read with a size bound, so one enormous line is
    quarantined without being held whole. ``"path"`` entries are resolved
    against (and confined to) the current folder.
    """
    rows: list[dict] = []
    bad: list[dict] = []
    base = Path.cwd()
    if hasattr(lines, "readline"):
        stream = lines
        lines = iter(lambda: bounded_line(stream, max_line_bytes), None)
    for number, line in enumerate(lines, start=1):
        key = f"<stdin>:{number}"
        if isinstance(line, int) or len(line) > max_line_bytes + 1:
            if line:
                bad.append(quarantine_row("ingest", key, f"JSONL line larger than max_file_bytes ({max_line_bytes})"))
            continue
        if line.strip():
            record = _parse_jsonl_line(line, key, bad, base, max_line_bytes)
            if record is not None:
                rows.append(record)
    return _frames(rows, bad)
