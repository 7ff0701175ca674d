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

import orjson
import polars as pl

from flows.decode import DecodeError, decode_bytes, normalise_text
from flows.quarantine import quarantine_frame, quarantine_row

JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
# A manifest lists input files, one path a line, relative to the manifest's own folder.
MANIFEST_SUFFIXES = {".manifest"}
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
    # JSONL lines of this range whose document id an earlier line of the file already used:
    # (line, first line with that id). Found while planning, so batches need not talk.
    duplicates: tuple[tuple[int, int], ...] = ()


@dataclass
class BatchSpec:
    """The pieces one batch reads; small enough to ship to a worker."""

    number: int
    pieces: list[Piece] = field(default_factory=list)
    documents: int = 0


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | tuple[Path, str]]:
    """Yield input files under ``paths`` (files, folders, globs, manifests), sorted and de-duplicated.

    Unreadable entries, symlink loops, and entries that lead outside the folder
    being read (symlinks, manifest lines with ``..`` or absolute paths) are
    yielded as ``(path, reason)`` so they can be quarantined. A top-level path
    that does not exist raises :class:`InputPathError`.
    """
    seen: set[str] = set()
    for raw in paths:
        text = str(raw)
        if any(ch in text for ch in "*?[") and not Path(text).exists():
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                raise InputPathError(f"no files match {text!r}")
            candidates = [Path(m).absolute() for m in matches]
        else:
            path = Path(text)
            if not path.exists() and not path.is_symlink():
                raise InputPathError(f"input path not found: {text}")
            # Absolute, so the ledger knows a file however the command line spelled it.
            candidates = [path.absolute()]
        for candidate in candidates:
            # A folder named on the command line confines everything read below it.
            root = os.path.realpath(candidate) if candidate.is_dir() else None
            yield from _walk(candidate, seen, root)


def _inside(real: str, root: str | None) -> bool:
    return root is None or real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _walk(path: Path, seen: set[str], root: str | None) -> Iterator[Path | tuple[Path, str]]:
    if path.is_symlink() and not path.exists():
        yield path, "broken symlink or symlink loop"
        return
    try:
        real = os.path.realpath(path, strict=True)
    except (OSError, RuntimeError) as exc:  # RuntimeError: symlink loop on some Pythons
        yield path, f"unreadable path: {getattr(exc, 'strerror', None) or exc}"
        return
    if not _inside(real, root):
        yield path, f"path leads outside the folder being read ({root})"
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
            yield from _walk(entry, seen, root)
    elif path.is_file():
        if path.suffix.lower() in MANIFEST_SUFFIXES:
            yield from _manifest_entries(path, seen)
        else:
            yield path
    else:
        yield path, "not a regular file"


def _manifest_entries(manifest: Path, seen: set[str]) -> Iterator[Path | tuple[Path, str]]:
    """Yield the files a manifest lists, one relative path a line, confined to its folder."""
    base = os.path.realpath(manifest.parent)
    try:
        lines = manifest.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        yield manifest, f"unreadable manifest: {exc.strerror or exc}"
        return
    for number, line in enumerate(lines, start=1):
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        key = Path(f"{manifest}:{number}")
        target = confined_path(base, entry)
        if target is None:
            yield key, f"manifest path escapes the manifest's folder: {entry[:200]!r}"
        elif not target.exists() and not target.is_symlink():
            yield key, f"manifest path not found: {entry[:200]!r}"
        else:
            yield from _walk(target, seen, base)


def confined_path(base: str | Path, entry: str) -> Path | None:
    """Resolve ``entry`` relative to the folder ``base``; None if it would leave ``base``.

    Absolute paths, ``..`` components and symlinks that lead outside are all
    refused, so a manifest or JSONL file can only point at files beside it.
    """
    if not entry or "\x00" in entry or os.path.isabs(entry):
        return None
    root = os.path.realpath(base)
    real = os.path.realpath(os.path.join(root, entry))
    return Path(os.path.join(root, entry)) if _inside(real, root) and real != root else None


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
        elif size > max_file_bytes:
            add(Piece(str(path), "skip", reason=f"file larger than max_file_bytes ({size} > {max_file_bytes})"), 1)
        else:
            add(Piece(str(path), "file"), 1)
    if current.pieces:
        batches.append(current)
    return batches


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
        doc_id = _doc_id(_line_id(line))
    except (ValueError, RecursionError):
        return  # malformed: quarantined when the batch is read
    if not doc_id:
        return
    if doc_id in seen:
        dups.append((line_no, seen[doc_id]))
    else:
        seen[doc_id] = line_no


def _line_id(line: bytes) -> object:
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


def _doc_id(value: object) -> str:
    """A JSONL document's own id, normalised like its text ('' when it has none)."""
    return normalise_text(str(value)).strip() if value is not None else ""


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
            line = _bounded_line(fh, max_line_bytes)
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
                bad.append(quarantine_row("ingest", key, _duplicate_reason(_doc_id(json.loads(line).get("id")), first), line[:2000]))
                continue
            record = _parse_jsonl_line(line, key, bad, base, max_line_bytes)
            if record is not None:
                rows.append(record)


def _bounded_line(fh, max_bytes: int) -> bytes | int | None:
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
    doc_id = _doc_id(doc.get("id"))
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
        lines = iter(lambda: _bounded_line(stream, max_line_bytes), None)
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


def unchanged_documents(piece: Piece, seen: set[tuple[str, str]], max_line_bytes: int) -> int | None:
    """Documents in ``piece`` if every one is in ``seen`` as ``(file, hash)`` hashed as ingest does, else None.

    Lines are hashed one at a time; a line longer than ``max_line_bytes`` means
    "not known" (ingest will quarantine it) and is never read whole.
    """
    try:
        if piece.kind == "file":
            digest = hashlib.sha256()
            with open(piece.path, "rb") as fh:
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(chunk)
            return 1 if (piece.path, digest.hexdigest()) in seen else None
        if piece.kind != "jsonl":
            return None
        count = 0
        with open(piece.path, "rb") as fh:
            fh.seek(piece.start)
            while piece.end < 0 or fh.tell() < piece.end:
                line = fh.readline(max_line_bytes + 1)
                if not line:
                    break
                if len(line) > max_line_bytes:
                    return None
                if not line.strip():
                    continue
                if (piece.path, hashlib.sha256(line.strip()).hexdigest()) not in seen:
                    return None
                count += 1
        return count
    except OSError:
        return None  # ingest reports it
