"""Span conventions of Indonesian NER annotation, applied to the article's mentions.

The training data and the evaluation sets agree on these (docs/ner.md); the word lists
are in ``ner_cues.yaml``:

* ``inner_loc_heads``: a lower-case administrative head belongs to the place after it
  ("desa Kutuk", "kota Semarang");
* ``facility_heads``: a building or facility is a place, also when an organisation names
  it ("Gedung DPR", "gedung KPK", "RSUD Tangerang");
* ``regional_units``: a unit's own name includes its region ("DPRD Jawa Barat",
  "Polda Metro Jaya", "Kemenag RI");
* ``platforms`` after ``medium_words``: a social platform as a medium is no actor
  ("diunggah di YouTube");
* ``law_heads``: names inside the title of a law are no actors ("UU KPK"), nor is what
  follows an article number ("Pasal 82 Ayat (2)");
* initials in parentheses after a person are that person ("Nurdin Basirun (NBA)");
* the dateline place ("MOSKOW -", "Jakarta, CNN Indonesia --") is a place mention.
"""

from __future__ import annotations

import re
from functools import lru_cache

from warta.actors.common import TOKEN, Mention, covered, cue_list, cue_words, listed, merge_mention, text_actor
from warta.actors.gazetteer import Gazetteer, fold

_PREV = re.compile(r"([\w\-]+)[ \t]+$")


def _previous_word(body: str, start: int) -> re.Match | None:
    return _PREV.search(body, max(0, start - 40), start)


def _law_heads() -> str:
    return "|".join(re.escape(w) for w in sorted(cue_list("law_heads"), key=len, reverse=True))


@lru_cache(maxsize=1)
def _law_head() -> re.Pattern:
    return re.compile(rf"(?<![\w\-])(?:{_law_heads()})(?![\w\-])")


@lru_cache(maxsize=1)
def _law_title() -> re.Pattern:
    heads = _law_heads()
    # "UU KPK", "UU Nomor 30 Tahun 2002 tentang Komisi ...": the title runs up to the name.
    return re.compile(rf"(?<![\w\-])(?:{heads})(?:[ \t]+(?:Nomor|No\.?)[ \t]+[\w/.\-]+)?"
                      rf"(?:[ \t]+[Tt]ahun[ \t]+\d{{4}})?(?:[ \t]+tentang)?[ \t]+$")


_ARTICLE_REF = re.compile(r"(?<![\w\-])[Pp]asal[ \t]+\d+[A-Za-z]?[ \t]+$")


def apply_conventions(body: str, mentions: list[Mention], gaz: Gazetteer) -> None:
    """Apply the conventions of the module docstring to the mentions of one body, in place."""
    _article_refs(body, mentions)
    _laws_and_platforms(body, mentions)
    _regional_units(body, mentions, gaz)
    _facilities(body, mentions, gaz)
    _inner_heads(body, mentions)


def _article_refs(body: str, mentions: list[Mention]) -> None:
    """What follows an article number of a law is a part of it, not a name ("Pasal 82 Ayat (2)")."""
    if "asal " not in body:
        return
    for m in list(mentions):
        if _ARTICLE_REF.search(body, max(0, m.start - 20), m.start):
            mentions.remove(m)


def _laws_and_platforms(body: str, mentions: list[Mention]) -> None:
    law, platforms, medium = _law_title(), cue_words("platforms"), cue_words("medium_words")
    has_law = _law_head().search(body) is not None  # most articles cite no law: skip the search
    dropped_end = -1
    for m in sorted(mentions, key=lambda x: x.start):
        if m.type == "PER":
            continue
        in_law = has_law and law.search(body, max(body.rfind("\n", 0, m.start) + 1, m.start - 80),
                                        m.start) is not None
        # "... tentang Komisi Pemberantasan Korupsi ( KPK )": the acronym belongs to the title too.
        after_dropped = dropped_end >= 0 and re.fullmatch(r"[ \t]*\([ \t]*", body[dropped_end:m.start])
        as_medium = False
        if m.text.lower() in platforms:
            prev = _previous_word(body, m.start)
            as_medium = prev is not None and prev.group(1).lower() in medium
        if in_law or after_dropped or as_medium:
            mentions.remove(m)
            dropped_end = m.end if in_law or after_dropped else -1


def _regional_units(body: str, mentions: list[Mention], gaz: Gazetteer) -> None:
    units = cue_words("regional_units")
    ordered = sorted(mentions, key=lambda x: x.start)
    for m, nxt in zip(ordered, ordered[1:]):
        if not listed(m, mentions) or m.type != "ORG" or nxt.type not in ("LOC", "COUNTRY"):
            continue
        words = TOKEN.findall(m.text)
        if not words or words[-1].lower() not in units or not re.fullmatch(r"[ \t]+", body[m.end:nxt.start]):
            continue
        merge_mention(body, mentions, m, m.start, nxt.end, "ORG", gaz)


def _facilities(body: str, mentions: list[Mention], gaz: Gazetteer) -> None:
    heads = cue_words("facility_heads")
    for m in sorted(mentions, key=lambda x: x.start):
        if m.type != "ORG" or not listed(m, mentions):
            continue  # both conventions below turn organisations into places
        words = TOKEN.findall(m.text)
        if m.actor.source == "text" and m.source != "acronym" and words and words[0].lower() in heads:
            m.type = "LOC"
            m.actor = text_actor(m.text, "LOC", gaz)
            continue
        prev = _previous_word(body, m.start)
        if prev is not None and prev.group(1).lower() in heads \
                and (prev.group(1)[0].isupper() or prev.group(1) == "gedung") \
                and not covered(mentions, prev.start(1), prev.end(1)) and "\n" not in body[prev.start(1):m.start]:
            merge_mention(body, mentions, m, prev.start(1), m.end, "LOC", gaz)  # "Gedung DPR", "gedung KPK"


def _inner_heads(body: str, mentions: list[Mention]) -> None:
    heads = cue_words("inner_loc_heads")
    for m in mentions:
        if m.type != "LOC":
            continue
        prev = _previous_word(body, m.start)
        if prev is None or not prev.group(1).islower() or prev.group(1) not in heads:
            continue
        if covered([x for x in mentions if x is not m], prev.start(1), prev.end(1)):
            continue
        # The actor stays the place itself; only the mention's span grows.
        m.start, m.text = prev.start(1), body[prev.start(1):m.end]


def person_initials(body: str, mentions: list[Mention]) -> None:
    """Initials in parentheses right after a person ("Nurdin Basirun (NBA)") are that person."""
    for m in [x for x in mentions if x.type == "PER"]:
        g = re.match(r"[ \t]*\([ \t]*([A-Z]{2,5})[ \t]*\)", body[m.end:m.end + 14])
        if g is None or g.group(1)[0] != m.text[:1]:
            continue
        s, e = m.end + g.start(1), m.end + g.end(1)
        inner = [x for x in mentions if x.start < e and s < x.end]
        if any(x.actor.source != "text" for x in inner):
            continue  # a known body's acronym
        for x in inner:
            mentions.remove(x)
        mentions.append(Mention(s, e, body[s:e], "PER", m.actor, "partial"))


_DATELINE_END = re.compile(r"[ \t]*(?:[,(]|--|[-–—])")


def _dateline_span(body: str, place: str) -> tuple[int, int] | None:
    """Where ``place`` stands as the dateline: at the head of one of the first three
    paragraphs, after at most an outlet's credit ("TEMPO.CO, "), before its separator."""
    offset = 0
    for paragraph in body.split("\n\n")[:3]:
        head = len(paragraph) - len(paragraph.lstrip(" \t\"'“‘"))
        at = paragraph.find(place, head, head + len(place) + 40)
        if at >= 0 and (at == head or paragraph[head:at].rstrip().endswith(",")) and \
                _DATELINE_END.match(paragraph, at + len(place)):
            return offset + at, offset + at + len(place)
        offset += len(paragraph) + 2
    return None


def dateline_place(body: str, place: str | None, mentions: list[Mention], gaz: Gazetteer) -> None:
    """The dateline place in the head of one of the body's first three paragraphs ("PARIS -
    ...", "Jakarta, KOMPAS.com -", "TEMPO.CO, Jakarta -") is a place mention, the gazetteer's
    place when it knows the name ("MOSKOW" is Moscow)."""
    if not place:
        return
    found = _dateline_span(body, place)
    if found is None:
        return
    start, end = found
    if covered(mentions, start, end):
        return
    known = gaz.by_name.get(fold(place))
    if known is not None and known.actor_type in ("country", "location"):
        mtype, actor = ("COUNTRY" if known.actor_type == "country" else "LOC"), known
    else:
        mtype, actor = "LOC", text_actor(place.title() if place.isupper() else place, "LOC", gaz)
    mentions.append(Mention(start, end, place, mtype, actor, "dateline"))
