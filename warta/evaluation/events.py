"""Strict scoring of extracted events against exhaustive annotations (docs/event-annotation.md).

A gold event and an extracted event match when they are in the same sentence, the
extracted type is one of the gold types, and both actors match: the extracted actor's
canonical name, or the article's own words it was read from, equals the annotated name
or a listed alias, compared case-insensitively after collapsing white space, never by
substring. CONSULT, AGREE and COOPERATE match in either actor order. Matching is one to
one. Gold events marked optional are neither hits nor misses; an extracted event that
matches only an optional one is not a false positive either.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from warta.text.sentences import sentence_spans

SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
HAPPENED = "happened"


def fold(name: str | None) -> str:
    """A name compared case-insensitively with white space collapsed."""
    return " ".join(str(name or "").split()).casefold()


@dataclass(frozen=True)
class GoldActor:
    """One acceptable actor for a slot: its names, and whether it is an unnamed group."""

    names: frozenset[str]
    generic: bool = False


@dataclass
class GoldEvent:
    """An annotated event, located in the clean body."""

    article: str
    anchor: str
    types: tuple[str, ...]
    actor1: tuple[GoldActor, ...] | None  # None: no actor; else any of these
    actor2: tuple[GoldActor, ...] | None
    mode: str = HAPPENED
    date: tuple[dt.date, dt.date] | None = None
    optional: bool = False
    sentences: frozenset[int] = frozenset()  # sentence ids of the clean body the anchor overlaps


@dataclass(frozen=True)
class SystemEvent:
    """An extracted event as ``warta extract`` prints it."""

    article: str
    sentence_id: int
    type: str
    actor1: str | None
    actor2: str | None
    actor1_named: bool  # the actor has an actor_id (a resolved actor, not an unnamed group)
    actor2_named: bool
    mode: str
    date: dt.date | None
    sentence: str = ""
    actor1_mention: str | None = None  # the article's own words for the actor
    actor2_mention: str | None = None
    confidence: float = 1.0


def gold_actor_options(value) -> tuple[GoldActor, ...] | None:
    """The acceptable actors of an annotated slot (``None`` for an empty slot)."""
    if value is None:
        return None
    options = value if isinstance(value, list) else [value]
    return tuple(
        GoldActor(frozenset(fold(n) for n in [o["name"], *(o.get("aliases") or [])]), bool(o.get("generic")))
        for o in options
    )


def date_window(value) -> tuple[dt.date, dt.date] | None:
    """An annotated date or ``[first, last]`` window as a pair of dates."""
    if value is None:
        return None
    values = value if isinstance(value, list) else [value, value]
    first, last = (v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v)) for v in values)
    return first, last


def _squeezed(text: str) -> tuple[str, list[int]]:
    """``text`` without white space, and the offset in ``text`` of each kept character."""
    kept, offsets = [], []
    for i, ch in enumerate(text):
        if not ch.isspace():
            kept.append(ch)
            offsets.append(i)
    return "".join(kept), offsets


def anchor_sentences(body: str, anchor: str) -> frozenset[int]:
    """Sentence ids of ``body`` that the anchor overlaps (empty when it is not found).

    White space is ignored on both sides, so an anchor copied from a tokenised or
    re-wrapped source text still finds its place in the cleaned body.
    """
    squeezed, offsets = _squeezed(body)
    needle, _ = _squeezed(anchor)
    at = squeezed.find(needle) if needle else -1
    if at < 0:
        return frozenset()
    start, end = offsets[at], offsets[at + len(needle) - 1] + 1
    return frozenset(i for i, (a, b) in enumerate(sentence_spans(body)) if a < end and start < b)


def _slot_matches(options: tuple[GoldActor, ...] | None, name: str | None, named: bool,
                  mention: str | None = None) -> bool:
    """Whether an extracted actor (its canonical name, or the article's words it was read
    from) fills an annotated slot; exact names only."""
    unnamed = name is None or not named
    if options is None:
        return unnamed  # no actor in the text: only an empty slot or an unnamed group
    keys = {fold(name), fold(mention)} - {""}
    return any((keys & o.names) or (o.generic and unnamed) for o in options)


def matches(gold: GoldEvent, sys: SystemEvent, lenient: bool = False) -> bool:
    """Whether ``sys`` is ``gold``: same article and sentence, an accepted type, and (unless
    ``lenient``) both actors."""
    if gold.article != sys.article or sys.sentence_id not in gold.sentences or sys.type not in gold.types:
        return False
    if lenient:
        return True
    first = (sys.actor1, sys.actor1_named, sys.actor1_mention)
    second = (sys.actor2, sys.actor2_named, sys.actor2_mention)
    straight = _slot_matches(gold.actor1, *first) and _slot_matches(gold.actor2, *second)
    if straight or sys.type not in SYMMETRIC:
        return straight
    return _slot_matches(gold.actor1, *second) and _slot_matches(gold.actor2, *first)


def _max_matching(golds: list[GoldEvent], systems: list[SystemEvent], lenient: bool) -> dict[int, int]:
    """A maximum one-to-one matching (system index -> gold index), by augmenting paths."""
    edges = [[g for g, gold in enumerate(golds) if matches(gold, sys, lenient)] for sys in systems]
    owner: dict[int, int] = {}  # gold -> system

    def augment(s: int, seen: set[int]) -> bool:
        for g in edges[s]:
            if g in seen:
                continue
            seen.add(g)
            if g not in owner or augment(owner[g], seen):
                owner[g] = s
                return True
        return False

    for s in range(len(systems)):
        augment(s, set())
    return {s: g for g, s in owner.items()}


@dataclass
class Score:
    """Counts of one scoring run, overall and per type."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    ignored: int = 0  # extracted events that matched only optional gold events
    per_type: dict[str, Counter] = field(default_factory=dict)
    mode_right: int = 0
    date_right: int = 0
    date_scored: int = 0
    misses: list[GoldEvent] = field(default_factory=list)
    false_positives: list[SystemEvent] = field(default_factory=list)
    wrong_dates: list[tuple[GoldEvent, SystemEvent]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def _count(self, etype: str, key: str) -> None:
        self.per_type.setdefault(etype, Counter())[key] += 1


def score(golds: list[GoldEvent], systems: list[SystemEvent], lenient: bool = False) -> Score:
    """Score ``systems`` against ``golds`` (strict unless ``lenient``: sentence and type only)."""
    out = Score()
    by_article: dict[str, tuple[list[GoldEvent], list[SystemEvent]]] = {}
    for g in golds:
        by_article.setdefault(g.article, ([], []))[0].append(g)
    for s in systems:
        by_article.setdefault(s.article, ([], []))[1].append(s)
    for article_golds, article_systems in by_article.values():
        required = [g for g in article_golds if not g.optional]
        optional = [g for g in article_golds if g.optional]
        matched = _max_matching(required, article_systems, lenient)
        rest = [i for i in range(len(article_systems)) if i not in matched]
        ignored = _max_matching(optional, [article_systems[i] for i in rest], lenient)
        for s_index, g_index in matched.items():
            gold, sys = required[g_index], article_systems[s_index]
            out.tp += 1
            out._count(sys.type, "tp")
            out.mode_right += sys.mode == gold.mode
            if gold.date is not None:
                out.date_scored += 1
                right = sys.date is not None and gold.date[0] <= sys.date <= gold.date[1]
                out.date_right += right
                if not right:
                    out.wrong_dates.append((gold, sys))
        out.ignored += len(ignored)
        for k, i in enumerate(rest):
            if k not in ignored:
                out.fp += 1
                out._count(article_systems[i].type, "fp")
                out.false_positives.append(article_systems[i])
        for g_index, gold in enumerate(required):
            if g_index not in matched.values():
                out.fn += 1
                out._count(gold.types[0], "fn")
                out.misses.append(gold)
    return out


def system_mode(mode: str | None) -> str:
    """The annotation's mode of an extracted event: planned, denied, else happened."""
    return mode if mode in ("planned", "denied") else HAPPENED


def _slots_agree(a: tuple[GoldActor, ...] | None, b: tuple[GoldActor, ...] | None) -> bool:
    if a is None or b is None:
        return (a is None or any(o.generic for o in a)) and (b is None or any(o.generic for o in b))
    return any(x.names & y.names or (x.generic and y.generic) for x in a for y in b)


def annotations_agree(a: GoldEvent, b: GoldEvent) -> bool:
    """Whether two annotators' events are the same event (sentence, a shared type, actors)."""
    if a.article != b.article or not (a.sentences & b.sentences) or not set(a.types) & set(b.types):
        return False
    if _slots_agree(a.actor1, b.actor1) and _slots_agree(a.actor2, b.actor2):
        return True
    return bool(set(a.types) & SYMMETRIC) and _slots_agree(a.actor1, b.actor2) and _slots_agree(a.actor2, b.actor1)


def agreement(first: list[GoldEvent], second: list[GoldEvent]) -> tuple[int, int, int]:
    """Inter-annotator agreement on the events neither marked optional: (agreed, only first, only second)."""
    a = [g for g in first if not g.optional]
    b = [g for g in second if not g.optional]
    used: set[int] = set()
    agreed = 0
    for x in a:
        for j, y in enumerate(b):
            if j not in used and annotations_agree(x, y):
                used.add(j)
                agreed += 1
                break
    return agreed, len(a) - agreed, len(b) - agreed
