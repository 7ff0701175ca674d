"""Shared pieces of actor extraction: the Mention record, span helpers, cue word lists."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from warta.actors.gazetteer import GazActor, Gazetteer, fold
from warta.actors.roles import Role
from warta.lexicon import load_tsv, load_yaml

TYPE_OF = {"person": "PER", "organization": "ORG", "group": "ORG", "country": "COUNTRY",
           "location": "LOC"}


ACTOR_TYPE_OF = {"PER": "person", "ORG": "organization", "LOC": "location"}


@dataclass
class Mention:
    """One mention of an actor in a body."""

    start: int
    end: int
    text: str
    type: str  # PER | ORG | LOC | COUNTRY
    actor: GazActor
    source: str  # gazetteer | ner | title | acronym | descriptor | partial
    role: Role | None = None


# A capitalised name: up to five capitalised tokens, allowing name particles inside.
NAME = re.compile(
    r"[A-Z][\w'’\-]*(?:[ \t]+(?:(?:bin|binti|van|von|der|de|al|el|da|di)[ \t]+)?[A-Z][\w'’\-]*){0,4}"
)




TOKEN = re.compile(r"[\w'’\-]+")


WS_TOKEN = re.compile(r"\S+")


def skip_regions(body: str, prefixes: tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans of lines that are navigation ("Baca juga: ...") rather than article text."""
    out = []
    pos = 0
    for line in body.splitlines(keepends=True):
        if line.lstrip().startswith(prefixes):
            out.append((pos, pos + len(line)))
        pos += len(line)
    return out


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether the span lies inside one of ``spans``."""
    return any(a <= start and end <= b for a, b in spans)


def overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    """Whether two half-open spans overlap."""
    return a0 < b1 and b0 < a1


def listed(m: Mention, mentions: list[Mention]) -> bool:
    """Whether this very mention is still in ``mentions`` (identity, not field equality)."""
    return any(x is m for x in mentions)


def covered(mentions: list[Mention], start: int, end: int) -> bool:
    """Whether any mention overlaps the span."""
    return any(overlaps(start, end, m.start, m.end) for m in mentions)


def text_actor(name: str, mtype: str, gaz: Gazetteer) -> GazActor:
    """The gazetteer actor of that name, else a new actor named by the text."""
    known = gaz.by_name.get(fold(name))
    if known is not None and TYPE_OF.get(known.actor_type) in (mtype, "COUNTRY" if mtype == "LOC" else None):
        return known
    if known is not None and mtype in ("PER", "ORG") and TYPE_OF.get(known.actor_type) in ("PER", "ORG"):
        return known  # the curated type wins over the tagger's
    return GazActor(name=name, actor_type=ACTOR_TYPE_OF[mtype], source="text")


def merge_mention(body: str, mentions: list[Mention], first: Mention, start: int, end: int, mtype: str,
                  gaz: Gazetteer) -> None:
    """Make ``first`` the mention ``body[start:end]`` of type ``mtype``; drop what it covers."""
    for x in [x for x in mentions if x is not first and start <= x.start and x.end <= end]:
        mentions.remove(x)
    first.start, first.end, first.text, first.type = start, end, body[start:end], mtype
    first.actor = text_actor(first.text, mtype, gaz)


def word_occurrences(body: str, word: str) -> list[tuple[int, int]]:
    """Spans of ``word`` in ``body`` as a whole word (no letter, digit or hyphen around it)."""
    out = []
    i = body.find(word)
    n = len(word)
    while i >= 0:
        before = body[i - 1] if i > 0 else " "
        after = body[i + n] if i + n < len(body) else " "
        if not (before.isalnum() or before in "_-") and not (after.isalnum() or after in "_-"):
            out.append((i, i + n))
        i = body.find(word, i + n)
    return out


def end_of_words(body: str, pos: int, n: int) -> int:
    """End offset of the ``n`` words that start at ``pos``."""
    it = TOKEN.finditer(body, pos)
    end = pos
    for _, w in zip(range(n), it):
        end = w.end()
    return end


def skip_spaces(body: str, pos: int, end: int) -> int:
    """The first non-space offset from ``pos`` (at most ``end``)."""
    while pos < end and body[pos].isspace():
        pos += 1
    return pos


def sentence_initial(body: str, pos: int) -> bool:
    """Whether ``pos`` opens a sentence, line or quotation."""
    i = pos - 1
    while i >= 0 and body[i] in " \t\"'“‘(":
        i -= 1
    return i < 0 or body[i] in ".!?\n:"


@lru_cache(maxsize=1)
def not_names() -> frozenset[str]:
    """Capitalised words that are never (part of) a name, as written (``ner_cues.yaml: not_names``)."""
    return frozenset(str(w) for w in (load_yaml("ner_cues.yaml") or {}).get("not_names") or ())


@lru_cache(maxsize=1)
def name_connectors() -> frozenset[str]:
    """Small words inside organisation names (``ner_cues.yaml: name_connectors``)."""
    return _cue_words("name_connectors")


@lru_cache(maxsize=None)
def cue_list(key: str) -> tuple[str, ...]:
    """The words under ``key`` of ``ner_cues.yaml``, as written (empty without the file)."""
    try:
        cues = load_yaml("ner_cues.yaml") or {}
    except FileNotFoundError:
        return ()
    return tuple(str(w) for w in cues.get(key) or ())


@lru_cache(maxsize=None)
def cue_words(key: str) -> frozenset[str]:
    """The words under ``key`` of ``ner_cues.yaml``, lower-cased (empty without the file)."""
    return frozenset(w.lower() for w in cue_list(key))


def _cue_words(*keys: str) -> frozenset[str]:
    """Lower-cased words under ``keys`` of the NER's cue list (empty without the file)."""
    return frozenset().union(*(cue_words(k) for k in keys))


@lru_cache(maxsize=1)
def cue_titles() -> frozenset[str]:
    """Title words from the NER's cue list (lower case)."""
    return _cue_words("titles")


@lru_cache(maxsize=1)
def org_heads() -> frozenset[str]:
    """Words that make an acronym-defined name an organisation."""
    extra = (load_yaml("roles.yaml") or {}).get("acronym_heads") or ()
    return frozenset(w.lower() for w in extra) | _cue_words("org_heads")


@lru_cache(maxsize=1)
def loc_heads() -> frozenset[str]:
    """Head words of place names (the NER's cue list)."""
    return _cue_words("loc_heads")


@lru_cache(maxsize=1)
def name_heads() -> frozenset[str]:
    """Head words of organisation and place names (shared with the NER's cue list)."""
    return _cue_words("org_heads", "loc_heads")


@lru_cache(maxsize=1)
def known_org_names() -> frozenset[str]:
    """Folded organisation names of ``organizations.yaml`` and ``org_names.tsv``."""
    names = {str(n) for group in (load_yaml("organizations.yaml") or {}).values() for n in group or ()}
    try:
        names |= {row["name"] for row in load_tsv("org_names.tsv") if row.get("name")}
    except FileNotFoundError:
        pass
    return frozenset(fold(n) for n in names)


def news_casing() -> dict[str, str]:
    """The NER's table of how often news capitalises each word mid-sentence (A, M, S, R,
    N: always ... never); empty without the model."""
    from warta.actors.ner import load_ner

    tagger = load_ner()
    res = getattr(tagger, "resources", None)
    return getattr(res, "casing", None) or {}


def ordinary_word(word: str, gaz: Gazetteer) -> bool:
    """Whether ``word`` is an ordinary word rather than (part of) a name."""
    bucket = news_casing().get(word.lower())
    if bucket in ("R", "N"):
        return True
    if bucket in ("A", "M"):
        return False
    return gaz.is_word(word)
