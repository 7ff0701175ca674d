"""Who did what to whom: pick actor1 (source) and actor2 (target) around a trigger.

Indonesian news sentences are mostly subject-verb-object. The subject is the nearest actor
mention before the trigger that is not inside a prepositional phrase; the target is the
object or the mention after "dengan", "kepada", "terhadap", "ke" in the same clause. A di-
passive takes its agent from "oleh"; an inverse trigger ("menerima penghargaan dari X")
swaps the roles. Coordinated mentions ("X dan Y") form groups.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flows.events.lexicon import Lexicon, Tokens, TriggerMatch


@dataclass(frozen=True)
class Mention:
    """An actor mention in the article body (character offsets into the body)."""

    start: int
    end: int
    actor_id: str | None
    name: str
    type: str  # PER | ORG | COUNTRY | LOC


@dataclass
class Arguments:
    """Actor groups found for one trigger (each group: coordinated mentions, left to right)."""

    sources: list[Mention]
    targets: list[Mention]
    subject: list[Mention]  # the grammatical subject group, kept for chained verbs


# Words that end the clause of a trigger when they occur between it and a candidate object.
_CLAUSE_BREAK = frozenset(
    "yang karena setelah sebelum ketika saat sementara namun tetapi bahwa jika sejak usai "
    "agar sehingga meski meskipun walaupun seraya sambil kata ujar menurut lansir melansir "
    "dikutip sebut tambah tambahnya imbuh".split()
)
_COORD = re.compile(r"^\s*(?:,\s*)?(?:dan|serta|maupun|bersama(?:\s+dengan)?|,)\s+(?:\S+\s+){0,5}$|^\s*,\s*$")
_CHAIN_SKIP = frozenset("juga telah sudah akan kemudian lalu pun turut ikut saling tidak belum segera pula".split())
_CHAIN_WORDS = frozenset("dan serta lalu kemudian".split())
_HARD_BREAK = re.compile(r"[.;:!?\"“”]")


def _prev_words(tokens: Tokens, offset: int, n: int) -> list[str]:
    i = tokens.index_at(offset)
    return tokens.words[max(0, i - n) : i]


def is_oblique(tokens: Tokens, m: Mention, lex: Lexicon) -> bool:
    """Whether the mention follows a preposition (then it is not a subject)."""
    before = _prev_words(tokens, m.start, 1)
    return bool(before) and before[-1] in lex.cues.get("oblique_preps", frozenset())


def group_left(body: str, mentions: list[Mention], idx: int, lo: int) -> list[Mention]:
    """The coordinated group ending with ``mentions[idx]``, extended leftwards ("X dan Y")."""
    group = [mentions[idx]]
    j = idx - 1
    while j >= 0 and mentions[j].start >= lo and len(group) < 4:
        gap = body[mentions[j].end : group[0].start]
        if _HARD_BREAK.search(gap) or not _COORD.match(gap) or _has_verb(gap):
            break
        group.insert(0, mentions[j])
        j -= 1
    return group


def group_right(body: str, mentions: list[Mention], idx: int, hi: int) -> list[Mention]:
    """The coordinated group starting with ``mentions[idx]``, extended rightwards."""
    group = [mentions[idx]]
    j = idx + 1
    while j < len(mentions) and mentions[j].end <= hi and len(group) < 4:
        gap = body[group[-1].end : mentions[j].start]
        # Only "dan"/"serta" joins objects; a bare comma after an object is an apposition.
        if _HARD_BREAK.search(gap) or not re.match(r"^\s*,?\s*(?:dan|serta|maupun)\s+(?:\S+\s+){0,3}$", gap) or _has_verb(gap):
            break
        group.append(mentions[j])
        j += 1
    return group


_VERBISH = re.compile(r"\b(?:me[mnr]?\w{3,}|ber\w{3,}|di\w{4,}kan|ter\w{4,})\b", re.IGNORECASE)


def _has_verb(gap: str) -> bool:
    """A rough test for a verb in a gap between mentions (then they are not coordinated)."""
    return bool(_VERBISH.search(gap))


def _subject(
    body: str, tokens: Tokens, mentions: list[Mention], trig: TriggerMatch, sent: tuple[int, int],
    lex: Lexicon,
) -> list[Mention]:
    """The subject group: nearest non-oblique mention before the trigger, with its coordinates."""
    for idx in range(len(mentions) - 1, -1, -1):
        m = mentions[idx]
        if m.end > trig.start or m.start < sent[0]:
            continue
        if m.type == "LOC" or is_oblique(tokens, m, lex):
            continue
        return [g for g in group_left(body, mentions, idx, sent[0]) if g.type != "LOC"]
    return []


def _after(
    body: str, tokens: Tokens, mentions: list[Mention], pos: int, sent: tuple[int, int],
    stop_at: list[TriggerMatch], lex: Lexicon, preps: frozenset[str] | None = None,
    max_gap: int = 90, direct_words: int = 3,
) -> tuple[list[Mention], str | None]:
    """The first actor group after ``pos`` in the same clause, and the preposition before it.

    With ``preps`` only a mention right after one of those prepositions counts. Without,
    a mention counts after a target preposition ("dengan", "kepada", ...) or as a direct
    object at most ``direct_words`` words after ``pos``; mentions after other prepositions
    ("di", "mengenai") are passed over.
    """
    target_preps = lex.cues.get("target_preps", frozenset())
    oblique = lex.cues.get("oblique_preps", frozenset())
    for idx, m in enumerate(mentions):
        if m.start < pos or m.end > sent[1]:
            continue
        gap = body[pos : m.start]
        if len(gap) > max_gap or _HARD_BREAK.search(gap):
            return [], None
        gap_words = [w.lower() for w in re.findall(r"\w+", gap)]
        if any(w in _CLAUSE_BREAK for w in gap_words[:-1]):
            return [], None
        if any(t.start >= pos and t.end <= m.start for t in stop_at):
            return [], None  # another trigger owns this mention
        if m.type == "LOC":
            continue
        prep = gap_words[-1] if gap_words else None
        if preps is not None:
            if prep in preps:
                return group_right(body, mentions, idx, sent[1]), prep
            continue
        if prep in target_preps:
            return group_right(body, mentions, idx, sent[1]), prep
        if prep not in oblique and len(gap_words) <= direct_words:
            return group_right(body, mentions, idx, sent[1]), None
    return [], None


def find_arguments(
    body: str,
    tokens: Tokens,
    mentions: list[Mention],
    trig: TriggerMatch,
    sent: tuple[int, int],
    others: list[TriggerMatch],
    previous: Arguments | None,
    lex: Lexicon,
) -> Arguments:
    """Find the source and target actor groups of one trigger in its sentence.

    ``mentions`` are the article's actor mentions sorted by start (nested ones removed);
    ``others`` the other triggers of the sentence; ``previous`` the arguments of the
    previous verbal trigger, inherited by a chained verb ("... dan sepakat").
    """
    form = trig.form
    later = [t for t in others if t.start > trig.start and not t.form.noun]
    subject = _subject(body, tokens, mentions, trig, sent, lex)

    # "X bertemu Y dan membahas ...": the chained verb shares X's subject.
    if previous is not None and previous.subject and _is_chained(tokens, trig):
        if not subject or subject[-1].end <= previous.subject[-1].end or _is_object_of(subject, previous):
            subject = previous.subject

    possessor: list[Mention] = []
    if form.noun:
        # "kunjungan Min Aung Hlaing ke Rusia", "pertemuan antara X dan Y"
        after, prep = _after(body, tokens, mentions, trig.end, sent, later, lex, max_gap=60, direct_words=5)
        if after and prep == "antara":
            return Arguments(after[:1], after[1:2], after)
        if after and prep is None:
            possessor = after
    if form.passive:
        agent, _ = _after(body, tokens, mentions, trig.end, sent, later, lex, frozenset({"oleh"}))
        if not agent:
            direct, prep = _after(body, tokens, mentions, trig.end, sent, later, lex, max_gap=40, direct_words=2)
            agent = direct if prep is None else []
        target, _ = _after(
            body, tokens, mentions, trig.end, sent, later, lex,
            frozenset({"terhadap", "kepada", "atas", "bagi", "untuk", "pada"}),
        )
        return Arguments(agent, target or subject, subject)
    if form.trigger.inverse:
        agent, _ = _after(body, tokens, mentions, trig.end, sent, later, lex, frozenset({"dari", "oleh"}))
        return Arguments(agent, subject, subject)

    source = possessor or subject
    start = possessor[-1].end if possessor else trig.end
    target, prep = _after(body, tokens, mentions, start, sent, later, lex)
    target = [t for t in target if t not in source]
    # "X dan Y bertemu/sepakat": both parties act; a far topic ("membahas urusan Z") is no target.
    if form.trigger.symmetric and len(source) >= 2 and prep not in ("dengan", "antara"):
        return Arguments(source[:1], source[1:2], source)
    return Arguments(source, target, subject or source)


def _is_chained(tokens: Tokens, trig: TriggerMatch) -> bool:
    """Whether the trigger is a verb coordinated with an earlier one ("dan sepakat")."""
    i = trig.tok_start - 1
    while i >= 0 and tokens.words[i] in _CHAIN_SKIP:
        i -= 1
    return i >= 0 and tokens.words[i] in _CHAIN_WORDS


def _is_object_of(subject: list[Mention], previous: Arguments) -> bool:
    return any(m in previous.targets for m in subject)
