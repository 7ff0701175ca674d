"""WARC files as input: every archived HTML page (a 200 response) is one document.

``warta crawl`` writes WARC files (warta/crawl/archive.py), and any other crawler's
WARC files read the same way (warcio). A WARC file is cut into byte ranges of whole
records, like a JSONL file into lines, so a large archive spreads over batches. Other
records (requests, redirects, 304s, images, scripts, warcinfo) are not documents and
are passed over.

Each page keeps its URL (``WARC-Target-URI``) and its fetch time (``WARC-Date``). The
fetch time becomes the article's date only when the page itself states none: the
page is searched with htmldate, the date finder the cleaning stage's extractor also
falls back on; where it finds nothing, the date its feed or sitemap listed
(``Warta-Listed-Date``), else the fetch time, is passed on as ``published_hint``.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from warta.quarantine import quarantine_row
from warta.text.decoding import DecodeError, decode_bytes, normalise_text

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
# The date a feed or sitemap gave for the page, written by warta crawl (not a WARC 1.1 field).
LISTED_DATE = "Warta-Listed-Date"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Labels browsers read as windows-1252 (WHATWG Encoding): Python's latin-1 differs in 0x80-0x9F.
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii", "l1", "cp819"}
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def is_warc(path: Path | str) -> bool:
    """True for ``.warc`` and ``.warc.gz`` files."""
    return str(path).lower().endswith(WARC_SUFFIXES)


def warc_record_key(path: Path | str, offset: int) -> str:
    """The ``source_file`` (and ledger key) of the document at byte ``offset`` of a WARC file."""
    return f"{path}#{offset}"


def _content_type(record) -> str | None:
    if record.rec_type == "response" and record.http_headers is not None:
        return record.http_headers.get_header("Content-Type")
    return record.rec_headers.get_header("Content-Type")


def _is_document(record) -> bool:
    """An HTML page: a 200 response (or a resource record) whose type is HTML, or not given."""
    if record.rec_type == "response":
        if record.http_headers is None or record.http_headers.get_statuscode() != "200":
            return False
    elif record.rec_type != "resource":
        return False
    kind = (_content_type(record) or "").split(";", 1)[0].strip().lower()
    return kind in HTML_TYPES or not kind


def looks_like_html(payload: bytes) -> bool:
    """True if a body without a Content-Type starts like an HTML page (a BOM and blanks allowed)."""
    head = payload[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<!--"))


def warc_ranges(path: Path, first_room: int, batch_size: int) -> Iterator[tuple[int, int, int] | tuple[int, str]]:
    """Yield ``(start, end, documents)`` byte ranges of whole records holding up to a batch of pages.

    A file that cannot be read on yields ``(offset, reason)`` for the rest of it, after
    the range of the pages before that point.
    """
    room = max(first_room, 1)
    start, count, records = None, 0, None
    try:
        with path.open("rb") as fh:
            records = ArchiveIterator(fh)
            for record in records:
                if not _is_document(record):
                    continue
                offset = records.get_record_offset()
                if start is None:
                    start = offset
                elif count >= room:
                    yield start, offset, count
                    start, count, room = offset, 0, batch_size
                count += 1
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        broken = records.offset if records is not None else 0
        if count:
            yield start, broken, count
        yield broken, f"unreadable WARC data from byte {broken}: {exc}"[:500]
        return
    if count:
        yield start, -1, count


def read_warc(path: str, start: int, end: int, max_bytes: int, rows: list[dict], bad: list[dict]) -> None:
    """Read the pages of the byte range ``[start, end)`` of a WARC file into raw-article rows (``end`` -1: to the end)."""
    try:
        fh = open(path, "rb")
    except OSError as exc:
        bad.append(quarantine_row("ingest", path, f"unreadable file: {exc.strerror or exc}"))
        return
    with fh:
        fh.seek(start)
        records = ArchiveIterator(fh)
        try:
            # records.offset is where the next record begins (counted from the file's start), so
            # the range stops before parsing what lies past its end, a broken record included.
            while end < 0 or records.offset < end:
                record = next(records, None)
                if record is None:
                    break
                # Read the payload before asking the offset: warcio reads a record to its end to tell it.
                payload = record.content_stream().read(max_bytes + 1) if _is_document(record) else None
                offset = records.get_record_offset()
                if payload is not None:
                    _read_page(record, payload, warc_record_key(path, offset), max_bytes, rows, bad)
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
            bad.append(quarantine_row("ingest", warc_record_key(path, records.offset),
                                      f"unreadable WARC data from byte {records.offset}: {exc}"[:500]))


def _read_page(record, payload: bytes, key: str, max_bytes: int, rows: list[dict], bad: list[dict]) -> None:
    if len(payload) > max_bytes:
        bad.append(quarantine_row("ingest", key, f"page larger than max_file_bytes (> {max_bytes})"))
        return
    if record.raw_stream.limit > 0:  # the file ended inside the record: warcio hands over what there was
        bad.append(quarantine_row("ingest", key, f"truncated WARC record ({record.raw_stream.limit} bytes missing)"))
        return
    if not payload.strip():
        bad.append(quarantine_row("ingest", key, "empty page"))
        return
    if not _content_type(record) and not looks_like_html(payload):
        bad.append(quarantine_row("ingest", key, "no Content-Type, and the body does not look like an HTML page"))
        return
    try:
        html = decode_page(payload, _content_type(record))
    except DecodeError as exc:
        bad.append(quarantine_row("ingest", key, str(exc)))
        return
    headers = record.rec_headers
    record_id = (headers.get_header("WARC-Record-ID") or "").strip("<>")
    rows.append({
        "doc_id": record_id.removeprefix("urn:uuid:") or key.rsplit("/", 1)[-1],
        "source_file": key,
        "url": headers.get_header("WARC-Target-URI"),
        "format": "html",
        "text": None,
        "html": html,
        "title_hint": None,
        "published_hint": None if page_states_date(html) else (
            headers.get_header(LISTED_DATE) or headers.get_header("WARC-Date")),
        "raw_hash": hashlib.sha256(payload).hexdigest(),
    })


def archived_payload(key: str, max_bytes: int = 50_000_000) -> bytes | None:
    """The payload of the record at a WARC record key (``file#offset``); None if the file or record is gone."""
    path, _, offset = key.rpartition("#")
    if not offset.isdigit():
        return None
    try:
        with open(path, "rb") as fh:
            fh.seek(int(offset))
            record = next(ArchiveIterator(fh), None)
            return record.content_stream().read(max_bytes) if record is not None else None
    except (ArchiveLoadFailed, OSError, EOFError, ValueError):
        return None


def decode_page(payload: bytes, content_type: str | None) -> str:
    """Decode an HTML page: a BOM, else the HTTP charset, else its ``<meta>`` charset, else by inspection.

    Raises :class:`DecodeError` for bytes that are not text.
    """
    if payload.startswith(_BOMS):
        return decode_bytes(payload)
    for charset in (_header_charset(content_type), _meta_charset(payload)):
        if not charset:
            continue
        charset = "cp1252" if charset.lower() in _AS_CP1252 else charset
        try:
            return normalise_text(payload.decode(charset))
        except (LookupError, UnicodeDecodeError):
            continue  # an unknown label or a wrong declaration: the next clue, then inspection
    return decode_bytes(payload)


def _header_charset(content_type: str | None) -> str | None:
    for param in (content_type or "").split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip().strip("\"'"):
            return value.strip().strip("\"'")
    return None


def _meta_charset(payload: bytes) -> str | None:
    match = _META_CHARSET.search(payload[:4096])
    return match.group(1).decode("ascii") if match else None


def page_states_date(html: str) -> bool:
    """True if the page gives a publication date anywhere: metadata, markup or text (htmldate, extensive search)."""
    from htmldate import find_date

    try:
        return find_date(html, extensive_search=True, original_date=True) is not None
    except (ValueError, TypeError):  # htmldate on markup it cannot parse
        return False
