"""Ingest: turn files, folders, globs and JSONL into ``raw_articles`` batches.

Work is planned as small, serialisable *batch specs* (file paths and JSONL byte
ranges), so that each batch can be read by one task, anywhere. Every input
document ends up either as a raw article row or as a quarantine row.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from flows.decode import DecodeError, decode_bytes, normalise_text
from flows.quarantine import quarantine_frame, quarantine_row

JSONL_SUFFIXES = {".jsonl", ".ndjson"}
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


class InputPathError(FileNotFoundError):
    """A path given on the command line does not exist or matches nothing."""


@dataclass(frozen=True)
class Piece:
    """One unit of input: a whole file, or a byte range of a JSONL file."""

    path: str
    kind: str  # "file", "jsonl", "skip"
    start: int = 0
    end: int = -1
    first_line: int = 1
    reason: str | None = None  # for kind == "skip": why the file is quarantined unread


@dataclass
class BatchSpec:
    """The pieces one batch reads; small enough to ship to a worker."""

    number: int
    pieces: list[Piece] = field(default_factory=list)
    documents: int = 0


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | tuple[Path, str]]:
    """Yield input files under ``paths`` (files, folders, globs), sorted and de-duplicated.

    Unreadable entries and symlink loops inside folders are yielded as
    ``(path, reason)`` so they can be quarantined. A top-level path that does
    not exist raises :class:`InputPathError`.
    """
    seen: set[str] = set()
    for raw in paths:
        text = str(raw)
        if any(ch in text for ch in "*?[") and not Path(text).exists():
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                raise InputPathError(f"no files match {text!r}")
            candidates = [Path(m) for m in matches]
        else:
            path = Path(text)
            if not path.exists() and not path.is_symlink():
                raise InputPathError(f"input path not found: {text}")
            candidates = [path]
        for candidate in candidates:
            yield from _walk(candidate, seen)


def _walk(path: Path, seen: set[str]) -> Iterator[Path | tuple[Path, str]]:
    try:
        real = os.path.realpath(path)
    except OSError as exc:  # pragma: no cover - realpath rarely fails
        yield path, f"unreadable path: {exc}"
        return
    if path.is_symlink() and not path.exists():
        yield path, "broken symlink or symlink loop"
        return
    if real in seen:
        return
    seen.add(real)
    if path.is_dir():
        try:
            entries = sorted(path.iterdir())
        except OSError as exc:
            yield path, f"unreadable folder: {exc.strerror or exc}"
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            yield from _walk(entry, seen)
    elif path.is_file():
        yield path
    else:
        yield path, "not a regular file"


def plan_batches(
    paths: Iterable[str | Path], batch_size: int, max_file_bytes: int
) -> list[BatchSpec]:
    """Split the input into batch specs of about ``batch_size`` documents each.

    JSONL files are split at line boundaries by byte offsets, so a batch never
    holds the whole corpus and no line is read twice.
    """
    batches: list[BatchSpec] = []
    current = BatchSpec(number=0)

    def add(piece: Piece, documents: int) -> None:
        nonlocal current
        current.pieces.append(piece)
        current.documents += documents
        if current.documents >= batch_size:
            batches.append(current)
            current = BatchSpec(number=len(batches))

    for item in expand_paths(paths):
        if isinstance(item, tuple):
            add(Piece(str(item[0]), "skip", reason=item[1]), 1)
            continue
        path = item
        try:
            size = path.stat().st_size
        except OSError as exc:
            add(Piece(str(path), "skip", reason=f"unreadable file: {exc.strerror or exc}"), 1)
            continue
        if size == 0:
            add(Piece(str(path), "skip", reason="empty file"), 1)
        elif path.suffix.lower() in JSONL_SUFFIXES:
            for start, end, first_line, count in _jsonl_ranges(path, batch_size - current.documents, batch_size):
                add(Piece(str(path), "jsonl", start, end, first_line), count)
        elif size > max_file_bytes:
            add(Piece(str(path), "skip", reason=f"file larger than max_file_bytes ({size} > {max_file_bytes})"), 1)
        else:
            add(Piece(str(path), "file"), 1)
    if current.pieces:
        batches.append(current)
    return batches


def _jsonl_ranges(path: Path, first_room: int, batch_size: int) -> Iterator[tuple[int, int, int, int]]:
    """Yield (start, end, first_line, lines) byte ranges of ``path`` holding up to a batch of lines."""
    room = max(first_room, 1)
    start = pos = 0
    line_no = first_line = 1
    count = 0
    try:
        fh = path.open("rb")
    except OSError:
        yield 0, -1, 1, 1
        return
    with fh:
        for line in iter(lambda: fh.readline(1 << 20), b""):
            pos += len(line)
            if line.endswith(b"\n") or len(line) < (1 << 20):
                if line.strip():
                    count += 1
                line_no += 1
                if count >= room:
                    yield start, pos, first_line, count
                    start, first_line, count, room = pos, line_no, 0, batch_size
    if count:
        yield start, pos, first_line, count


def read_batch(spec: BatchSpec, max_file_bytes: int) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Read the documents of one batch: ``(raw_articles, quarantine)`` frames."""
    rows: list[dict] = []
    bad: list[dict] = []
    for piece in spec.pieces:
        if piece.kind == "skip":
            bad.append(quarantine_row("ingest", piece.path, piece.reason or "skipped"))
        elif piece.kind == "jsonl":
            _read_jsonl(piece, max_file_bytes, rows, bad)
        else:
            _read_file(Path(piece.path), rows, bad)
    raw = pl.DataFrame(rows, schema=RAW_COLUMNS) if rows else pl.DataFrame(schema=RAW_COLUMNS)
    return raw, quarantine_frame(bad)


def _read_file(path: Path, rows: list[dict], bad: list[dict]) -> None:
    try:
        data = path.read_bytes()
    except OSError as exc:
        bad.append(quarantine_row("ingest", str(path), f"unreadable file: {exc.strerror or exc}"))
        return
    try:
        text = decode_bytes(data)
    except DecodeError as exc:
        bad.append(quarantine_row("ingest", str(path), str(exc)))
        return
    is_html = path.suffix.lower() in HTML_SUFFIXES or (
        path.suffix.lower() not in TEXT_SUFFIXES and text.lstrip()[:200].lower().startswith(("<!doctype html", "<html"))
    )
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
    with fh:
        fh.seek(piece.start)
        line_no = piece.first_line
        while piece.end < 0 or fh.tell() < piece.end:
            line = fh.readline(max_line_bytes + 1)
            if not line:
                break
            key = f"{piece.path}:{line_no}"
            if len(line) > max_line_bytes and not line.endswith(b"\n"):
                # Skip the rest of an over-long line without holding it in memory.
                while line and not line.endswith(b"\n"):
                    line = fh.readline(1 << 20)
                bad.append(quarantine_row("ingest", key, f"JSONL line larger than max_file_bytes ({max_line_bytes})"))
                line_no += 1
                continue
            line_no += 1
            if not line.strip():
                continue
            record = _parse_jsonl_line(line, key, bad)
            if record is not None:
                rows.append(record)


def _parse_jsonl_line(line: bytes, key: str, bad: list[dict]) -> dict | None:
    try:
        doc = json.loads(decode_bytes(line))
    except (DecodeError, ValueError) as exc:
        bad.append(quarantine_row("ingest", key, f"malformed JSONL line: {exc}", line[:2000]))
        return None
    if not isinstance(doc, dict):
        bad.append(quarantine_row("ingest", key, "JSONL line is not an object", line[:2000]))
        return None
    text, html = doc.get("text"), doc.get("html")
    text = normalise_text(text) if isinstance(text, str) and text.strip() else None
    html = normalise_text(html) if isinstance(html, str) and html.strip() else None
    if text is None and html is None:
        bad.append(quarantine_row("ingest", key, "JSON document has no text or html", line[:2000]))
        return None
    doc_id = doc.get("id")
    return {
        "doc_id": str(doc_id) if doc_id not in (None, "") else key.rsplit("/", 1)[-1],
        "source_file": key,
        "url": _str_or_none(doc.get("url")),
        "format": "jsonl-text" if text is not None else "jsonl-html",
        "text": text,
        "html": html if text is None else None,
        "title_hint": _str_or_none(normalise_text(str(doc["title"])) if doc.get("title") else None),
        "published_hint": _str_or_none(doc.get("published") or doc.get("published_at")),
        "raw_hash": hashlib.sha256(line.strip()).hexdigest(),
    }


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


def stdin_documents(lines: Iterable[bytes], max_line_bytes: int) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Read JSONL documents from an iterable of byte lines (``warta extract -``)."""
    rows: list[dict] = []
    bad: list[dict] = []
    for number, line in enumerate(lines, start=1):
        key = f"<stdin>:{number}"
        if len(line) > max_line_bytes:
            bad.append(quarantine_row("ingest", key, f"JSONL line larger than max_file_bytes ({max_line_bytes})"))
            continue
        if line.strip():
            record = _parse_jsonl_line(line, key, bad)
            if record is not None:
                rows.append(record)
    raw = pl.DataFrame(rows, schema=RAW_COLUMNS) if rows else pl.DataFrame(schema=RAW_COLUMNS)
    return raw, quarantine_frame(bad)
