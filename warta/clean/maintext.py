"""The main text of a page, chosen between trafilatura's precision and recall modes.

Precision mode leaves out most sidebars, comment threads and teaser lists, and it
scores best on saved pages (``scripts/score_html.py``). But it sometimes drops the
lead paragraph, or nearly everything. The recall-mode text of the same page is the
reference for what was lost: a near-empty precise text gives way to it, and a lead
that precision mode skipped is put back. It is also the context that precision mode
strips: a teaser that precision mode keeps without its headline and its "Berita
Lainnya" heading still stands in that block in the recall-mode text, and goes.
"""

from __future__ import annotations

import re

from warta.clean.boilerplate import classify_lines
from warta.clean.metadata import parse_dateline

_SENTENCE_END = re.compile(r"""[.!?…]["'”’)\]]*$""")
# A precise text this short, from a page whose default text is at least twice as long,
# is a failed extraction rather than a short story.
MIN_WORDS = 50
LEDE_MIN_WORDS = 15
# Reasons of the line rules that mark a block of furniture rather than one odd line.
_BLOCK_REASONS = frozenset({"tail", "teaser", "related", "widget", "foreign"})


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.split("\n") if p.strip()]


def _running_text(paragraph: str) -> bool:
    """Story prose: long enough, closed like a sentence, not a list item."""
    return (
        len(paragraph.split()) >= LEDE_MIN_WORDS and bool(_SENTENCE_END.search(paragraph))
        and not paragraph.startswith(("- ", "• ", "* "))
    )


def _lost_lede(wide: list[str], first: int) -> list[str]:
    """Paragraphs of running text right before ``wide[first]`` from the one that opens
    with a dateline ("VIVA.co.id - ...", "JAKARTA, KOMPAS.com - ..."): the lead of an
    Indonesian news story. A deck or a summary without a dated lead is not put back."""
    i = first - 1
    while i >= 0 and _running_text(wide[i]):
        i -= 1
    run = wide[i + 1 : first]
    for j, paragraph in enumerate(run):
        if parse_dateline(paragraph) is not None:
            return run[j:]
    return []


def _in_furniture(kept: list[str], wide: list[str]) -> list[bool]:
    """For each precise paragraph: does the recall-mode text hold it inside a furniture
    block (after a tail marker, in a teaser list, under a "related" marker)?"""
    verdicts = classify_lines(wide)
    furniture = [line for line, keep, why in zip(wide, verdicts.keep, verdicts.reasons)
                 if not keep and why in _BLOCK_REASONS]
    # Precision mode drops the link text of a teaser row: the row holds the paragraph.
    return [any(paragraph in line for line in furniture) for paragraph in kept]


def choose_main_text(precise: str, broad: str) -> str:
    """The precision-mode text, the recall-mode text where precision failed, a lead that
    only recall mode found, and no paragraph that recall mode shows inside furniture."""
    n_precise = len(precise.split())
    if n_precise < MIN_WORDS and len(broad.split()) >= 2 * max(n_precise, 1):
        return broad
    kept, wide = _paragraphs(precise), _paragraphs(broad)
    if not kept or not wide:
        return precise
    kept = [p for p, furniture in zip(kept, _in_furniture(kept, wide)) if not furniture] or kept
    if parse_dateline(kept[0]) is None:  # a text that opens with its dateline has its lead
        try:
            lede = _lost_lede(wide, wide.index(kept[0]))
        except ValueError:
            lede = []
        kept = lede + kept
    return "\n".join(kept)
