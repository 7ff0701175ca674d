"""Sentence splitting shared by every stage that reports a sentence id."""

from __future__ import annotations

import re
from functools import lru_cache

# A sentence ends at . ! ? (optionally followed by a closing quote or bracket) before
# whitespace and an upper-case letter, digit or opening quote, or at a paragraph break.
# Abbreviations common in Indonesian news must not end a sentence.
_ABBREVIATIONS = frozenset(
    "dr drs ir prof no hlm tgl jl kol let jen brigjen mayjen letjen laksda marsda "
    "st sdr bpk ibu h hj kh mr mrs ms dll dsb dkk yth a.n u.p vs etc inc co ltd".split()
)
_BOUNDARY = re.compile(r"""[.!?]["'”’)\]]*\s+(?=["'“‘(\[]?[A-Z0-9])|\n\s*\n""")
_WORD_BEFORE = re.compile(r"(\w+)\.$")


def article_sentence_spans(body: str) -> list[tuple[int, int]]:
    """:func:`sentence_spans` of a whole article body, remembered for a batch's worth of bodies.

    The actor and event stages split the same bodies; short texts (NER windows) should
    call :func:`sentence_spans` directly so they do not push the bodies out.
    """
    return list(_remembered_spans(body))


@lru_cache(maxsize=4096)
def _remembered_spans(body: str) -> tuple[tuple[int, int], ...]:
    return tuple(sentence_spans(body))


def sentence_spans(body: str) -> list[tuple[int, int]]:
    """Return (start, end) character spans of the sentences of ``body``.

    Spans cover the text without surrounding whitespace; ``sentence_id`` is the
    index of a span in this list.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(body):
        # Only the word before the boundary matters; a bounded window keeps this linear.
        head = body[max(start, m.start() - 40) : m.start() + 1]
        word = _WORD_BEFORE.search(head)
        if word and m.group(0)[0] == "." and (
            word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1
        ):
            continue
        _append(body, start, m.end(), spans)
        start = m.end()
    _append(body, start, len(body), spans)
    return spans


def _append(body: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def sentence_index(spans: list[tuple[int, int]], offset: int) -> int:
    """Return the id of the sentence containing ``offset`` (the nearest one before it)."""
    lo, hi = 0, len(spans) - 1
    found = 0
    while lo <= hi:
        mid = (lo + hi) // 2
        if spans[mid][0] <= offset:
            found = mid
            lo = mid + 1
        else:
            hi = mid - 1
    return found
