"""Decoding of input bytes into text: BOMs, UTF-8, legacy code pages, binary detection."""

from __future__ import annotations

import codecs
import re
import unicodedata

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters other than tab/newline/carriage return (C0 and C1), zero-width and
# bidi marks, soft hyphens and non-characters: invisible, and they break matching and offsets.
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ufffe\uffff]"
)
_C0 = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd]")
# UTF-8 read as latin-1 ("Ã©", "Ù\x8a"): runs of latin-1 supplement characters.
_MOJIBAKE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf]+(?:[\u00c2-\u00f4][\u0080-\u00bf]+|[ ]{1,3})*")
_MAGIC = (
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
)


class DecodeError(ValueError):
    """The bytes are not text in any encoding Warta accepts."""


def decode_bytes(data: bytes) -> str:
    """Decode ``data`` to text, or raise :class:`DecodeError` saying why it is not text.

    Tries a BOM, then strict UTF-8, then cp1252 and latin-1 (legacy Windows
    scrapes). Control and zero-width characters are removed; the result is NFC.
    """
    for magic, name in _MAGIC:
        if data.startswith(magic):
            raise DecodeError(f"binary data ({name}), not text")
    text = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {encoding} text: {exc.reason}") from exc
            break
    if text is None:
        text = _decode_utf16(data)
    if text is None:
        if b"\x00" in data[:4096]:
            raise DecodeError("binary data (NUL bytes), not text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_damaged(data)
    head = text[:4096]
    if head and len(_C0.findall(head)) / len(head) > 0.05:
        raise DecodeError("binary data (control characters), not text")
    return normalise_text(text)


def normalise_text(text: str) -> str:
    """Remove control and zero-width characters, repair UTF-8 mojibake, and NFC-normalise."""
    text = _MOJIBAKE.sub(_repair, text)  # the regex scans in C; a Python pre-check cost more
    return unicodedata.normalize("NFC", _CONTROL.sub("", text))


def _repair(match: re.Match[str], codec: str = "latin-1") -> str:
    chunk = match.group(0)
    try:
        return chunk.encode(codec).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return chunk


# UTF-8 continuation bytes (0x80-0xBF) as Mac Roman shows them, after the lead bytes of
# the usual cases: 0xC2 "¬" (no-break space), 0xC3 "√" (é, ü), 0xE2 "‚" (“ ” ’ – …). Other
# lead bytes show as letters and quotes that real text has ("“É"), so they are left alone.
_CONT = re.escape("".join(bytes([b]).decode("mac_roman") for b in range(0x80, 0xC0)))
_MAC_ROMAN = re.compile(f"(?:[¬√][{_CONT}]|‚[{_CONT}]{{2}})+")
_MAC_HINT = re.compile("[‚¬√]")


def repair_mac_roman(text: str) -> str:
    """Undo UTF-8 read as Mac Roman, as some scraped dumps are: "‚Äú" -> "“", "¬†" -> a no-break space."""
    if not _MAC_HINT.search(text):
        return text
    return _MAC_ROMAN.sub(lambda m: _repair(m, "mac_roman"), text)


def _utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le``/``-be`` when the bytes look like mostly-ASCII UTF-16 without a BOM (Windows exports)."""
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) <= 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) <= 0.1 * len(odd):
        return "utf-16-be"
    return None


def _decode_utf16(data: bytes) -> str | None:
    encoding = _utf16_without_bom(data[:4096])
    try:
        return data.decode(encoding) if encoding else None
    except UnicodeDecodeError:
        return None


def _decode_damaged(data: bytes) -> str:
    """Decode bytes that are not valid UTF-8: UTF-8 with a few broken bytes, or a legacy code page.

    If valid multi-byte UTF-8 sequences outnumber the broken bytes, the text is
    UTF-8 with damage (a truncated scrape, a stray byte): the broken bytes become
    U+FFFD and everything else keeps its meaning. Otherwise it is cp1252/latin-1.
    """
    lenient = data.decode("utf-8", errors="replace")
    broken = lenient.count("\ufffd")
    multibyte = sum(1 for ch in lenient if ord(ch) > 0x7F) - broken
    if multibyte > broken:
        return lenient
    return _decode_legacy(data)


def _decode_legacy(data: bytes) -> str:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")
