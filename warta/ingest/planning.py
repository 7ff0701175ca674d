"""Planning: the input cut into small, serialisable batch specs.

A spec lists whole files and JSONL byte ranges, so each batch can be read by one
task, anywhere, and no JSONL line is read twice or held with the whole corpus.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from warta.ingest.paths import expand_paths
from warta.ingest.warc import is_warc, warc_ranges, warc_record_key
from warta.text.decoding import DecodeError, decode_bytes, normalise_text

JSONL_SUFFIXES = {".jsonl", ".ndjson"}


@dataclass(frozen=True)
class Piece:
    """One unit of input: a whole file, or a byte range of a JSONL file."""

    path: str
    kind: str  # "file", "jsonl", "warc", "skip"
    start: int = 0
    end: int = -1
    first_line: int = 1
    reason: str | None = None  # for kind == "skip": why the file is quarantined unread
    # JSONL lines of this range whose document id an earlier line of the file already used:
    # (line, first line with that id). Found while planning, so batches need not talk.
    duplicates: tuple[tuple[int, int], ...] = ()


@dataclass
class BatchSpec:
    """The pieces one batch reads; small enough to ship to a worker."""

    number: int
    pieces: list[Piece] = field(default_factory=list)
    documents: int = 0


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
            not_jsonl = _sniff_binary(path)
            if not_jsonl:
                add(Piece(str(path), "skip", reason=not_jsonl), 1)
                continue
            ranges = 0
            for start, end, first_line, count, dups in _jsonl_ranges(path, batch_size - current.documents, batch_size):
                add(Piece(str(path), "jsonl", start, end, first_line, duplicates=dups), count)
                ranges += 1
            if not ranges:  # a file of blank lines still ends as one quarantine row
                add(Piece(str(path), "skip", reason="empty file (JSONL without documents)"), 1)
        elif is_warc(path):
            _plan_warc(path, batch_size, add, lambda: current.documents)
        elif size > max_file_bytes:
            add(Piece(str(path), "skip", reason=f"file larger than max_file_bytes ({size} > {max_file_bytes})"), 1)
        else:
            add(Piece(str(path), "file"), 1)
    if current.pieces:
        batches.append(current)
    return batches


def _plan_warc(path: Path, batch_size: int, add, filled) -> None:
    """Add a WARC file as byte ranges of whole records, a batch of pages each (``warta.ingest.warc``).

    A WARC file's documents are its HTML pages; one that holds none (only feeds, say) adds nothing.
    """
    for found in warc_ranges(path, batch_size - filled(), batch_size):
        if len(found) == 2:  # (offset, reason): the rest of the file cannot be read
            add(Piece(warc_record_key(path, found[0]), "skip", reason=found[1]), 1)
        else:
            add(Piece(str(path), "warc", found[0], found[1]), found[2])


def _sniff_binary(path: Path) -> str | None:
    """Why a JSONL file cannot be read line by line as UTF-8 (None if it can)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError as exc:
        return f"unreadable file: {exc.strerror or exc}"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "JSONL file is UTF-16 or UTF-32; JSONL must be UTF-8"
    if b"\x00" in head:
        return "binary data (NUL bytes), not JSONL"
    try:
        decode_bytes(head[:64])
    except DecodeError as exc:  # a magic number: image, archive, PDF
        return str(exc)
    return None


def _jsonl_ranges(
    path: Path, first_room: int, batch_size: int
) -> Iterator[tuple[int, int, int, int, tuple[tuple[int, int], ...]]]:
    """Yield (start, end, first_line, lines, duplicates) byte ranges of ``path`` holding up to a batch of lines.

    Lines are read in chunks of at most 1 MiB, so an enormous line is never held
    whole. Lines of up to 1 MiB are parsed for their ``id``, so that a document id
    used twice in the file is caught even when the two lines land in different batches.
    """
    room = max(first_room, 1)
    start = pos = 0
    line_no = first_line = 1
    count = 0
    pending = False  # the current (unfinished) line has non-blank bytes
    whole: bytes | None = b""  # the current line, while it fits in one chunk
    seen: dict[str, int] = {}
    dups: list[tuple[int, int]] = []
    try:
        fh = path.open("rb")
    except OSError:
        yield 0, -1, 1, 1, ()
        return
    with fh:
        for chunk in iter(lambda: fh.readline(1 << 20), b""):
            pos += len(chunk)
            pending = pending or bool(chunk.strip())
            whole = whole + chunk if whole is not None and len(whole) + len(chunk) <= (1 << 20) else None
            if not chunk.endswith(b"\n"):
                continue  # the line goes on (or the file ends without a newline)
            _note_id(whole, line_no, seen, dups)
            count += pending
            pending, whole = False, b""
            line_no += 1
            if count >= room:
                yield start, pos, first_line, count, tuple(dups)
                start, first_line, count, room, dups = pos, line_no, 0, batch_size, []
    if pending:  # a last line without a newline
        _note_id(whole, line_no, seen, dups)
        count += 1
    if count:
        yield start, pos, first_line, count, tuple(dups)


def _note_id(line: bytes | None, line_no: int, seen: dict[str, int], dups: list[tuple[int, int]]) -> None:
    """Record ``line``'s document id; note the line if an earlier one used the same id."""
    if not line or not line.strip():
        return
    try:
        doc_id = document_id(jsonl_line_id(line))
    except (ValueError, RecursionError):
        return  # malformed: quarantined when the batch is read
    if not doc_id:
        return
    if doc_id in seen:
        dups.append((line_no, seen[doc_id]))
    else:
        seen[doc_id] = line_no


def jsonl_line_id(line: bytes) -> object:
    """The ``id`` of a JSONL line's object (None if it has none), as ``json.loads`` reads it.

    orjson first, several times faster; the standard parser where they differ: what orjson
    rejects (NaN, Infinity) and integer ids past 64 bits, which orjson turns into floats.
    Raises ValueError on malformed JSON, as ``json.loads`` does.
    """
    try:
        doc = orjson.loads(line)
    except orjson.JSONDecodeError:
        doc = json.loads(line)
    if isinstance(doc, dict) and isinstance(doc.get("id"), float):
        doc = json.loads(line)
    return doc.get("id") if isinstance(doc, dict) else None


def document_id(value: object) -> str:
    """A JSONL document's own id, normalised like its text ('' when it has none)."""
    return normalise_text(str(value)).strip() if value is not None else ""
