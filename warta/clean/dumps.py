"""Repairs of scraped text dumps before the line rules read them.

Scrapers that flatten a page into one string leave marks the line rules cannot read:

- **mojibake** from UTF-8 read as Mac Roman ("‚Äú" for “, "¬†" for a no-break space),
  which ingest's Latin-1 repair does not cover (``warta.text.decoding.repair_mac_roman``);
- **paragraphs joined by commas**: every element boundary became a bare comma, so
  paragraphs run together as "… Riau.,Penangkapan …" and dropped link texts leave
  runs such as "kepada ,, Rabu". A comma after a sentence end becomes a paragraph
  break again; a boundary inside a sentence becomes a space (or one comma);
- **tokenised text** with spaces around punctuation ("Jakarta , CNN Indonesia - -
  Presiden …", "Senin ( 27 / 3 )"): the spaces go, so datelines, dates and sentence
  ends read as in running text;
- a **cut dateline**: the text opens with " - " where the place and outlet were.

Each repair runs only when the text shows its mark, so ordinary text is untouched.
"""

from __future__ import annotations

import re

from warta.text.decoding import repair_mac_roman

# --- paragraphs joined by commas --------------------------------------------------------

# A sentence end (maybe closed by a quote or bracket), then the boundary comma(s), then the
# next paragraph's first character with no space between: a scraper's join, not "dll., dan".
# With a space after the comma ("KPK., Yanti") only a capital may follow: "dll., dan" is a list.
_JOIN = re.compile(r"""([.!?…:]["'”’)\]]?)\s*,+(?:(?=["“‘(\[]?[\w‚])|[ \t]+(?=["“‘(\[]?[A-Z]))""")
_RUN = re.compile(r"\s*,{2,}\s*")
_GLUED = re.compile(r"(?<=[^\W\d_]),(?=[^\W\d_])")  # "Menkopolhukam,dari": a boundary without a space
MIN_JOINS = 3


def split_comma_joins(text: str) -> str:
    """Restore the paragraph breaks of a text whose paragraphs were joined by bare commas."""
    if "\n\n" in text or len(_JOIN.findall(text, 0, 20000)) < MIN_JOINS:
        return text
    text = _JOIN.sub(r"\1\n\n", text)
    text = _RUN.sub(", ", text)
    return _GLUED.sub(" ", text)


# --- tokenised text ---------------------------------------------------------------------

# Spaces that tokenisation put before closing and after opening punctuation (plain string
# replacements: one C pass each, several times faster than a regular expression).
_CLOSE_UP = tuple((f" {c}", c) for c in ".,;:!?%)]}”’") + tuple((f"{c} ", c) for c in "([{“‘") + (
    (" - - ", " -- "), (" / ", "/"), ("/ ", "/"))
_HYPHEN = re.compile(r"(?<=\w) - (?=[a-z])")  # "bentrokan - bentrokan", "Mudah - mudahan"
_STRAIGHT_QUOTE = re.compile(r'"')


def _quotes(paragraph: str) -> str:
    """Close up straight quotes, alternating opening and closing within a paragraph."""
    parts = _STRAIGHT_QUOTE.split(paragraph)
    if len(parts) == 1:
        return paragraph
    out = [parts[0]]
    for k, part in enumerate(parts[1:]):
        if k % 2 == 0:  # an opening quote: no space after it
            out.append('"' + part.lstrip())
        else:  # a closing quote: no space before it
            out[-1] = out[-1].rstrip()
            out.append('"' + part)
    return "".join(out)


def detokenise(text: str) -> str:
    """Join the punctuation of a tokenised text back to its words."""
    if text.count(" , ", 0, 5000) + text.count(" . ", 0, 5000) < MIN_JOINS:
        return text
    for spaced, tight in _CLOSE_UP:
        text = text.replace(spaced, tight)
    text = _HYPHEN.sub("-", text)
    if '"' not in text:
        return text
    return "\n".join(_quotes(p) if '"' in p else p for p in text.split("\n"))


# --- cut dateline -----------------------------------------------------------------------

_CUT_DATELINE = re.compile(r"^\s*[-–—]+\s*(?:\n\s*)?(?=[\"“A-Z])")


def repair_dump(text: str) -> str:
    """All repairs of a scraped text dump, each only where its mark is found."""
    text = repair_mac_roman(text)
    text = split_comma_joins(text)
    text = detokenise(text)
    return _CUT_DATELINE.sub("", text, count=1)
