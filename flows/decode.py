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
# Control characters other than tab/newline/carriage return, and zero-width marks.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200d\u2060\ufeff]")
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
        if b"\x00" in data[:4096]:
            raise DecodeError("binary data (NUL bytes), not text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_legacy(data)
    head = text[:4096]
    if head and len(_C0.findall(head)) / len(head) > 0.05:
        raise DecodeError("binary data (control characters), not text")
    return normalise_text(text)


def normalise_text(text: str) -> str:
    """Remove control and zero-width characters, repair UTF-8 mojibake, and NFC-normalise."""
    if any("\u00c2" <= ch <= "\u00f4" for ch in text):
        text = _MOJIBAKE.sub(_repair, text)
    return unicodedata.normalize("NFC", _CONTROL.sub("", text))


def _repair(match: re.Match[str]) -> str:
    chunk = match.group(0)
    try:
        return chunk.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return chunk


def _decode_legacy(data: bytes) -> str:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")
