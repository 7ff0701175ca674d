"""Name boundaries and types that the shape of a name decides.

* legal forms close a company name: "PT PLN (Persero)", "PT Jasa Marga (Persero) Tbk";
* a name ending in an organisation tail is an organisation: "Sriwijaya FC", "Lippo Group";
* coordinated names are two names: "Stoke dan Liverpool", unless a head word makes them
  one ("Kementerian Pekerjaan Umum dan Perumahan Rakyat");
* competitions and events ("Liga Champions", "Piala Dunia") and product or model codes
  ("W510", "NOAA-20") are not actors;
* a tagged place or person whose whole text is a known organisation name
  (``organizations.yaml``, ``org_names.tsv``) and no known place is an organisation;
* "berinisial DRN", "GAG (18)": initials (or a one-word name) with a cue or an age stand
  for a person, and so does a tagged place with an age ("Stephen Paddock (64)");
* a unit's name after a slash belongs to the organisation: "Kodam V/Brawijaya".

The word lists live in ``ner_cues.yaml`` (``org_tails``, ``legal_forms``, ``event_heads``,
``initial_cues``) and the organisation lexicons.
"""

from __future__ import annotations

import re
from functools import lru_cache

from warta.actors.common import (
    TOKEN,
    Mention,
    covered,
    cue_list,
    cue_words,
    inside,
    known_org_names,
    listed,
    loc_heads,
    org_heads,
    text_actor,
)
from warta.actors.gazetteer import Gazetteer, fold


@lru_cache(maxsize=1)
def _legal_form() -> re.Pattern:
    words = "|".join(re.escape(w) for w in sorted(cue_list("legal_forms"), key=len, reverse=True))
    # "(Persero)", "( Persero )", " Tbk", ", Tbk": one legal form right after the name.
    return re.compile(rf"[ \t]*(?:\([ \t]*(?:{words})[ \t]*\)|,?[ \t]+(?:{words})\b)")


@lru_cache(maxsize=1)
def _initials() -> re.Pattern:
    cues = "|".join(re.escape(w) for w in cue_list("initial_cues"))
    return re.compile(rf"\b(?:{cues})[ \t]+(?P<name>[A-Z]{{1,4}}(?:\.[ \t]?[A-Z]{{1,2}}){{0,2}})(?![\w'’\-])",
                      re.IGNORECASE)


_CODE = re.compile(r"(?=[\w\-]*\d)[A-Za-z]+-?\d[\w\-]*")
_COORD = re.compile(r"[ \t]+(?:dan|serta|atau)[ \t]+|[ \t]*,[ \t]+")


def _known_place(text: str, gaz: Gazetteer) -> bool:
    actor = gaz.by_name.get(fold(text))
    return actor is not None and actor.actor_type in ("country", "location")


def tidy_tagged(body: str, mentions: list[Mention], gaz: Gazetteer) -> None:
    """Split coordinated names and retype known organisations among the tagger's mentions
    (gazetteer mentions are left as they are)."""
    known = known_org_names()
    tails = cue_words("org_tails")
    for m in [x for x in mentions if x.source == "ner"]:
        words = TOKEN.findall(m.text)
        folded = fold(m.text)
        if not words:
            continue
        if m.type != "ORG" and (words[-1].lower() in tails or (folded in known and not _known_place(m.text, gaz))):
            m.type = "ORG"  # "Sriwijaya FC", "Gojek"
            m.actor = text_actor(m.text, "ORG", gaz)
        head = words[0].lower()
        if head in org_heads() or head in loc_heads():
            continue
        parts = _COORD.split(m.text)
        if len(parts) < 2 or not all(p[:1].isupper() for p in parts):
            continue
        # "Stoke dan Liverpool": one mention per name, same type.
        mentions.remove(m)
        at = m.start
        for p in parts:
            s = body.index(p, at)
            at = s + len(p)
            mentions.append(Mention(s, at, p, m.type, text_actor(p, m.type, gaz), "ner"))


def not_actors(mentions: list[Mention]) -> None:
    """Drop competitions, events and names with a product or model code ("Liga Champions",
    "W510", "Sukhoi Su-30") that the tagger or the head-word rules took for names; known
    organisations stay."""
    known, events = known_org_names(), cue_words("event_heads")
    for m in list(mentions):
        if m.actor.source != "text" or fold(m.text) in known:
            continue
        words = TOKEN.findall(m.text)
        if words and (words[0].lower() in events or any(_CODE.fullmatch(w) for w in words)):
            mentions.remove(m)


def _starting_in(mentions: list[Mention], m: Mention, end: int) -> list[Mention]:
    """The other mentions that start between the end of ``m`` and ``end``."""
    return [x for x in mentions if x is not m and m.end <= x.start < end]


def _extend_over(body: str, m: Mention, end: int, mentions: list[Mention]) -> None:
    """Extend ``m`` to ``end``, dropping the mentions that start in what it takes over."""
    for x in _starting_in(mentions, m, end):
        mentions.remove(x)
    m.end, m.text = end, body[m.start:end]


def legal_forms(body: str, mentions: list[Mention], gaz: Gazetteer) -> None:
    """Extend organisation names over the legal forms after them ("PT PLN (Persero)"), and
    drop mentions made of legal forms or head words only ("Persero", "PT")."""
    pattern = _legal_form()
    bare = {w.lower() for w in (*cue_list("legal_forms"), *cue_list("legal_prefixes"))}
    for m in sorted((x for x in mentions if x.type == "ORG"), key=lambda x: x.start):
        if not listed(m, mentions):
            continue
        end = m.end
        while (g := pattern.match(body, end)) is not None:
            end = g.end()
        if end == m.end:
            continue
        _extend_over(body, m, end, mentions)
        if m.actor.source == "text":
            m.actor = text_actor(m.text, "ORG", gaz)
    for m in list(mentions):
        if m.actor.source == "text" and all(w.lower() in bare for w in TOKEN.findall(m.text)):
            mentions.remove(m)


# A unit's name after a slash, with no space: "Kodam V/Brawijaya", "Korem 173/PVB".
_UNIT_NAME = re.compile(r"/(?=[A-Z0-9])[\w\-]+")


def unit_names(body: str, mentions: list[Mention], gaz: Gazetteer) -> None:
    """Extend organisation names over a slash and the unit name after it ("Kodam
    XVII/Cenderawasih", "Korem 173/PVB"): the tagger stops at the slash. Two known bodies
    written with a slash ("DPR/MPR") stay two."""
    for m in sorted((x for x in mentions if x.type == "ORG"), key=lambda x: x.start):
        g = _UNIT_NAME.match(body, m.end)
        if g is None or not listed(m, mentions):
            continue
        if any(x.source == "gazetteer" and x.type in ("ORG", "COUNTRY") for x in _starting_in(mentions, m, g.end())):
            continue
        _extend_over(body, m, g.end(), mentions)
        m.actor = text_actor(m.text, "ORG", gaz)


# Initials or a one-word name with an age in parentheses: "GAG (18)", "Dp (7)", "Arma (56)".
_AGED_NAME = re.compile(r"(?<![\w.])(?P<name>[A-Z]{1,4}|[A-Z][a-z]{1,11})[ \t]*\([ \t]*\d{1,2}(?:[ \t]*tahun)?[ \t]*\)")


def initials_names(body: str, mentions: list[Mention], skip: list[tuple[int, int]], gaz: Gazetteer) -> None:
    """Initials after "berinisial" / "inisial" stand for a person ("pria berinisial DRN",
    "bocah berinisial Dp"), and so do initials with an age in parentheses ("GAG (18),
    warga Desa ..."), and their later uses in the article ("Dp diseret")."""
    cued = list(_initials().finditer(body)) if cue_list("initial_cues") else []
    cued_spans = {m.span("name") for m in cued}
    found = sorted([*cued, *_AGED_NAME.finditer(body)], key=lambda m: m.start("name"))
    for m in found:
        s, e = m.span("name")
        if not body[s].isupper() or inside(skip, s, e):
            continue
        actor = text_actor(body[s:e], "PER", gaz)
        if (s, e) in cued_spans:
            # "pelaku berinisial GAG": the cue outweighs the type a tagger gave the same
            # letters, here and elsewhere in the article.
            for t in mentions:
                if t.text == body[s:e] and t.type != "PER" and t.actor.source == "text":
                    t.type, t.actor = "PER", actor
        if covered(mentions, s, e):
            continue
        mentions.append(Mention(s, e, body[s:e], "PER", actor, "title"))
        for later in re.finditer(rf"(?<![\w.]){re.escape(body[s:e])}(?![\w'’\-])", body[e:]):
            ls, le = e + later.start(), e + later.end()
            if not covered(mentions, ls, le) and not inside(skip, ls, le):
                mentions.append(Mention(ls, le, body[ls:le], "PER", actor, "partial"))


# The age of a tagged place is read more widely than _AGED_NAME's ("27 th", "31th" occur).
_AGE = re.compile(r"[ \t]*\([ \t]*\d{1,2}(?:[ \t]*(?:tahun|thn|th))?[ \t]*\)")


def aged_persons(body: str, mentions: list[Mention], gaz: Gazetteer) -> None:
    """A name the tagger called a place, followed by an age in parentheses ("Stephen
    Paddock (64)"), is a person, and so is every mention of the same name."""
    aged = {m.actor.name for m in mentions
            if m.type == "LOC" and m.actor.source == "text" and _AGE.match(body, m.end)}
    if not aged:
        return
    actors = {name: text_actor(name, "PER", gaz) for name in aged}
    for m in mentions:
        if m.type == "LOC" and m.actor.source == "text" and m.actor.name in actors:
            m.type, m.actor = "PER", actors[m.actor.name]
