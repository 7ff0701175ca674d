"""Who did what to whom: pick actor1 (source) and actor2 (target) around a trigger.

Indonesian news sentences are mostly subject-verb-object. The subject is the nearest actor
mention before the trigger that is not inside a prepositional phrase; the target is the
object or the mention after "dengan", "kepada", "terhadap", "ke" in the same clause. A di-
passive takes its agent from "oleh"; an inverse trigger ("menerima penghargaan dari X")
swaps the roles. Coordinated mentions ("X dan Y", "X, Y dan Z") form groups, and a verb
chained to an earlier one ("... dan sepakat", "... untuk membahas") shares its subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from warta.events.lexicon import Lexicon, Tokens, TriggerMatch, cue_words


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


_COORD = re.compile(
    r"^[\s)\]]*,?\s*(?:dan|serta|maupun|bersama(?:\s+dengan)?)\s+(?:\S+\s+){0,4}$"  # "X (A) dan (wakil) Y"
    r"|^[\s)\]]*,\s*$"  # "X, Y"
)
_COORD_RIGHT = re.compile(r"^[\s)\]]*,?\s*(?:dan|serta|maupun)\s+(?:\S+\s+){0,3}$|^[\s)\]]*,\s*$")
_TITLED_LIST = re.compile(r"^\s*,\s*(?:(?:dan|serta)\s+)?(?:[a-z][\w-]*\s+){1,4}$")
_TITLE_TAIL = re.compile(r"^\s*(?:(?:dan|serta)\s+)?(?:[a-z][\w-]*\s+){0,4}$")
_HARD_BREAK = re.compile(r"[.;:!?\"“”]")
_VERBISH = re.compile(r"\b(?:me[mnr]?\w{3,}|ber\w{3,}|di\w{3,}(?:kan|i)|ter\w{4,})\b", re.IGNORECASE)
_WORD = re.compile(r"\w+")


def _has_verb(gap: str) -> bool:
    """A rough test for a verb in a gap between mentions (then they are not coordinated)."""
    return any(m.group(0).lower() not in cue_words("not_verbs") for m in _VERBISH.finditer(gap))


def _prev_words(tokens: Tokens, offset: int, n: int) -> list[str]:
    i = tokens.index_at(offset)
    return tokens.words[max(0, i - n) : i]


def is_oblique(tokens: Tokens, m: Mention, lex: Lexicon) -> bool:
    """Whether the mention follows a preposition (then it is not a subject)."""
    before = _prev_words(tokens, m.start, 1)
    return bool(before) and before[-1] in lex.cues.get("oblique_preps", frozenset())


def group_left(
    body: str, tokens: Tokens, mentions: list[Mention], idx: int, lo: int, lex: Lexicon,
) -> list[Mention]:
    """The coordinated group ending with ``mentions[idx]``, extended leftwards ("X dan Y")."""
    group = [mentions[idx]]
    j = idx - 1
    while j >= 0 and mentions[j].start >= lo and len(group) < 4:
        gap = body[mentions[j].end : group[0].start]
        if _HARD_BREAK.search(gap) or not _COORD.match(gap) or _has_verb(gap):
            break
        if mentions[j].type == "LOC" or is_oblique(tokens, mentions[j], lex):
            break
        if gap.strip(" )]") == "," and mentions[j].type != group[0].type:
            break  # "Pemimpin Minoritas Senat, Chuck Schumer": an apposition
        group.insert(0, mentions[j])
        j -= 1
    return group


def group_right(body: str, mentions: list[Mention], idx: int, hi: int) -> list[Mention]:
    """The coordinated group starting with ``mentions[idx]``, extended rightwards.

    A bare comma joins only mentions of the same type ("Soe Win, Maung Maung Aye"), so
    an apposition ("Patrushev, sekretaris Dewan Keamanan") stays out.
    """
    group = [mentions[idx]]
    j = idx + 1
    while j < len(mentions) and mentions[j].end <= hi and len(group) < 8:
        gap = body[group[-1].end : mentions[j].start]
        # A list of people may carry lower-case titles: "Soe Win, menteri transportasi Mya Tun Oo".
        titled = mentions[j].type == "PER" == group[-1].type and _TITLED_LIST.match(gap) is not None
        if (
            not titled and group[-1].type == "PER" and mentions[j].type in ("ORG", "COUNTRY")
            and _TITLED_LIST.match(gap) and j + 1 < len(mentions) and mentions[j + 1].type == "PER"
            and mentions[j + 1].end <= hi
            and _TITLE_TAIL.match(body[mentions[j].end : mentions[j + 1].start])
        ):
            # "..., sekretaris Dewan Administrasi Negara dan kepala intelijen Ye Win Oo": the
            # organisation is part of a title; the person is the next list member.
            group.append(mentions[j + 1])
            j += 2
            continue
        if _HARD_BREAK.search(gap) or not (_COORD_RIGHT.match(gap) or titled) or _has_verb(gap):
            break
        if gap.strip() == "," and mentions[j].type != group[-1].type:
            break
        if mentions[j].type == "LOC":
            break
        k = _head(mentions, j)
        group.append(mentions[k])
        j = k + 1
    return group


def _head(mentions: list[Mention], idx: int) -> int:
    """Prefer the name after a title-like mention: "Kementerian Pertahanan Rusia Sergei Shoigu"."""
    m = mentions[idx]
    if idx + 1 < len(mentions) and m.type != "PER":
        nxt = mentions[idx + 1]
        if nxt.type == "PER" and 0 <= nxt.start - m.end <= 1:
            return idx + 1
    return idx


def _in_leading_subclause(body: str, tokens: Tokens, m: Mention, trig: TriggerMatch, sent: tuple[int, int]) -> bool:
    """Whether ``m`` sits in a leading "Saat/Ketika ...," clause that ends before the trigger."""
    head = _WORD.search(body, sent[0], sent[1])
    if not head or head.group(0).lower() not in cue_words("subordinators"):
        return False
    comma = body.find(",", m.end, trig.start)
    return comma != -1


def _is_country(m: Mention) -> bool:
    from warta.events.locations import country_by_name

    return country_by_name(m.name) is not None




def _subject(
    body: str, tokens: Tokens, mentions: list[Mention], trig: TriggerMatch, sent: tuple[int, int],
    lex: Lexicon,
) -> list[Mention]:
    """The subject group: nearest non-oblique mention before the trigger, with its coordinates.

    A place (LOC) counts only right before the verb, as a capital standing for its state
    ("Moskow menentang sanksi").
    """
    for idx in range(len(mentions) - 1, -1, -1):
        m = mentions[idx]
        if m.end > trig.start or m.start < sent[0]:
            continue
        gap_words = [w.lower() for w in _WORD.findall(body[m.end : trig.start])]
        # "dengan Moskow memberikan pelatihan": a "dengan" phrase right before the verb is
        # its subject (an absolute construction); "di X dilarang" is not.
        before = _prev_words(tokens, m.start, 1)
        adjacent = bool(before) and before[-1] == "dengan" and all(w in cue_words("auxiliaries") for w in gap_words)
        if (is_oblique(tokens, m, lex) and not adjacent) or _in_leading_subclause(body, tokens, m, trig, sent):
            continue
        if m.type == "LOC" and len(gap_words) > 4:
            continue
        if _is_speaker(body[m.end : trig.start], trig.form.noun):
            return []  # "Kabid Humas X menjelaskan, kunjungan Kapolda ...": X only reports it
        return group_left(body, tokens, mentions, idx, sent[0], lex)
    return []




def _is_speaker(gap: str, noun: bool) -> bool:
    """Whether the mention before ``gap`` only reports the event: a verb of saying followed
    by other words (a new clause) with no pronoun referring back, or by a comma and a noun
    trigger. "Moskow mengatakan menentang sanksi" keeps Moscow as the one who opposes."""
    words = [(w.group(0).lower(), w.end()) for w in _WORD.finditer(gap)]
    last = max((i for i, (w, _) in enumerate(words) if w in cue_words("saying")), default=None)
    if last is None:
        return False
    after = [w for w, _ in words[last + 1 :]]
    if any(w in cue_words("speaker_references") for w in after):
        return False
    return bool(after) or (noun and "," in gap[words[last][1] :])


def _main_subject(
    body: str, tokens: Tokens, mentions: list[Mention], trig: TriggerMatch, sent: tuple[int, int], lex: Lexicon,
) -> list[Mention]:
    """The first non-oblique mention of the sentence (the main clause subject), with its head."""
    for idx, m in enumerate(mentions):
        if m.start < sent[0] or m.end > trig.start:
            continue
        if m.type == "LOC" or is_oblique(tokens, m, lex) or _in_leading_subclause(body, tokens, m, trig, sent):
            continue
        return [mentions[_head(mentions, idx)]]
    return []


def _after(
    body: str, tokens: Tokens, mentions: list[Mention], pos: int, sent: tuple[int, int],
    stop_at: list[TriggerMatch], lex: Lexicon, preps: frozenset[str] | None = None,
    max_gap: int = 90, direct_words: int = 3, extra_preps: tuple[str, ...] = (),
) -> tuple[list[Mention], str | None]:
    """The first actor group after ``pos`` in the same clause, and the preposition before it.

    With ``preps`` only a mention right after one of those prepositions counts. Without,
    a mention counts within six words after a target preposition ("dengan", "kepada",
    ...), or as a direct object at most ``direct_words`` words after ``pos``; mentions after
    other prepositions ("di", "mengenai") are passed over, and once one has been passed
    over a comma ends the search.
    """
    target_preps = lex.cues.get("target_preps", frozenset()) | frozenset(extra_preps)
    oblique = lex.cues.get("oblique_preps", frozenset()) - frozenset(extra_preps)
    skipped = False
    for idx, m in enumerate(mentions):
        if m.start < pos or m.end > sent[1]:
            continue
        gap = body[pos : m.start]
        if len(gap) > max_gap or _HARD_BREAK.search(gap):
            return [], None
        if skipped and "," in body[mentions[idx - 1].end : m.start]:
            # "ke St Petersburg, Rusia": a place then its country is still the target.
            if not (mentions[idx - 1].type == "LOC" and m.type == "COUNTRY"
                    and body[mentions[idx - 1].end : m.start].strip() == ","):
                return [], None
        gap_words = [w.lower() for w in _WORD.findall(gap)]
        if any(w in cue_words("clause_break") for w in gap_words):
            return [], None
        if any(t.start >= pos and t.end <= m.start for t in stop_at):
            return [], None  # another trigger owns this mention
        prep = gap_words[-1] if gap_words else None
        if preps is not None:
            # "oleh penjaga pantai Malaysia": the preposition may head a short phrase.
            at = max((i for i, w in enumerate(gap_words) if w in preps), default=None)
            if at is not None and len(gap_words) - at - 1 <= 3 and not _has_verb(" ".join(gap_words[at + 1 :])):
                if m.type != "LOC" or gap_words[at] in ("oleh", "terhadap", "kepada"):
                    return group_right(body, mentions, _head(mentions, idx), sent[1]), gap_words[at]
            skipped = True
            continue
        if m.type == "LOC":
            # A capital as target only right after "terhadap"/"kepada" ("sanksi terhadap Moskow"),
            # a place tagged LOC that is a country ("dari Niger") after any target preposition.
            if prep in ("terhadap", "kepada") or (prep in target_preps and _is_country(m)):
                return [m], prep
            skipped = True
            continue
        if prep in target_preps:
            return group_right(body, mentions, _head(mentions, idx), sent[1]), prep
        # "dengan kepala eksportir senjata Rusia X": the mention ends a target phrase.
        last_prep = max((i for i, w in enumerate(gap_words) if w in target_preps), default=None)
        if (
            last_prep is not None and len(gap_words) - last_prep - 1 <= 6
            and (prep not in oblique or prep == "dari") and "," not in gap
        ):
            if not _has_verb(" ".join(gap_words[last_prep + 1 :])):
                return group_right(body, mentions, _head(mentions, idx), sent[1]), gap_words[last_prep]
        if prep not in oblique and len(gap_words) <= direct_words and (not _has_verb(gap) or len(gap_words) == 1):
            # A single verb may stand between: "menolak mengizinkan X", "meminta X".
            return group_right(body, mentions, _head(mentions, idx), sent[1]), None
        skipped = True
    return [], None




def _near_subject(body: str, tokens: Tokens, subject: list[Mention], trig: TriggerMatch) -> bool:
    """Whether a noun trigger without a possessor belongs to the subject before it: within
    four words ("X menggelar demonstrasi"), or as the setting of X's act ("... dalam
    pertemuan Moskow", "saat kunjungan")."""
    between = [w.lower() for w in _WORD.findall(body[subject[-1].end : trig.start])]
    if len(between) <= 4:
        return True
    return trig.tok_start > 0 and tokens.words[trig.tok_start - 1] in cue_words("circumstance")


def _implicit_subject(
    body: str, tokens: Tokens, mentions: list[Mention], trig: TriggerMatch, sent: tuple[int, int],
    context_lo: int | None, lex: Lexicon,
) -> list[Mention]:
    """A subject that is not a named mention: "Dia meminta ..." (the last person named) or
    "aktivis hak asasi manusia menuduh ..." (an unnamed group, named but without an id)."""
    lo = tokens.index_at(sent[0])
    i = trig.tok_start - 1
    while i >= lo and tokens.words[i] in cue_words("chain_skip") | cue_words("auxiliaries"):
        i -= 1
    if i < lo:
        return []
    if tokens.words[i] in lex.cues.get("pronouns", frozenset()):
        at = tokens.starts[i]
        floor = sent[0] if context_lo is None else context_lo
        people = [m for m in mentions if m.type == "PER" and floor <= m.start and m.end <= at]
        return people[-1:]
    groups = lex.cues.get("groups", frozenset())
    # The group word heads a short noun phrase before the verb: "aktivis hak asasi manusia".
    for j in range(i, max(lo - 1, i - 4), -1):
        for n in (2, 1):
            phrase = " ".join(tokens.words[j - n + 1 : j + 1]) if j - n + 1 >= lo else None
            if phrase in groups and not _has_verb(" ".join(tokens.words[j + 1 : trig.tok_start])):
                start, end = tokens.starts[j - n + 1], tokens.ends[j]
                return [Mention(start, end, None, phrase, "GROUP")]
    return []


def _chain(tokens: Tokens, trig: TriggerMatch) -> str | None:
    """How the trigger is chained to an earlier verb: 'and' ("dan sepakat"), 'purpose'
    ("untuk membahas") or None."""
    i = trig.tok_start - 1
    while i >= 0 and tokens.words[i] in cue_words("chain_skip"):
        i -= 1
    if i < 0:
        return None
    if tokens.words[i] in cue_words("and_chain"):
        return "and"
    if tokens.words[i] in cue_words("purpose_chain"):
        return "purpose"
    if tokens.words[i] in cue_words("sub_chain"):
        return "sub"
    return None


def find_arguments(
    body: str,
    tokens: Tokens,
    mentions: list[Mention],
    trig: TriggerMatch,
    sent: tuple[int, int],
    others: list[TriggerMatch],
    previous: tuple[TriggerMatch, Arguments] | None,
    lex: Lexicon,
    context_lo: int | None = None,
) -> Arguments:
    """Find the source and target actor groups of one trigger in its sentence.

    ``mentions`` are the article's actor mentions sorted by start (nested ones removed);
    ``others`` the other triggers of the sentence; ``previous`` the previous verbal trigger
    of the sentence and its arguments, whose subject a chained verb inherits; a pronoun
    subject is resolved to the last person named from ``context_lo`` on.
    """
    form = trig.form
    later = [t for t in others if t.start > trig.start and not t.form.noun]
    subject = _subject(body, tokens, mentions, trig, sent, lex)
    inherited_targets: list[Mention] = []

    how = None if form.noun else _chain(tokens, trig)
    if how == "sub":
        subject = _main_subject(body, tokens, mentions, trig, sent, lex) or subject
    elif previous is not None and previous[1].subject and how is not None:
        prev_trig, prev_args = previous
        # Mentions between the two verbs, unless set off by a comma ("..., Mikheyev, untuk").
        between = [
            m for m in mentions
            if prev_trig.end <= m.start and m.end <= trig.start and not is_oblique(tokens, m, lex)
            and "," not in body[m.end : trig.start]
        ]
        if how == "and" or (how == "purpose" and not between):
            subject = prev_args.subject
            inherited_targets = prev_args.targets if how == "purpose" else []

    if not subject and not form.noun:
        subject = _implicit_subject(body, tokens, mentions, trig, sent, context_lo, lex)

    possessor: list[Mention] = []
    if form.noun:
        # "kunjungan Min Aung Hlaing ke Rusia", "pertemuan antara X dan Y"
        after, prep = _after(body, tokens, mentions, trig.end, sent, later, lex, max_gap=70, direct_words=7)
        if after and prep == "antara":
            return Arguments(after[:1], after[1:2], after)
        if after and prep is None and "," not in body[trig.end : after[0].start]:
            if form.patient_noun:
                # "penangkapan X", "pembunuhan X": the possessor is the one it was done to.
                return Arguments(subject, after, subject)
            possessor = after
    if form.passive:
        agent, _ = _after(body, tokens, mentions, trig.end, sent, later, lex, frozenset({"oleh"}))
        if not agent:
            direct, prep = _after(body, tokens, mentions, trig.end, sent, later, lex, max_gap=40, direct_words=2)
            agent = direct if prep is None else []
        if form.trigger.symmetric and not agent:
            return Arguments([], [], subject)  # "... telah disepakati": what was agreed, not who
        target, _ = _after(
            body, tokens, mentions, trig.end, sent, later, lex,
            frozenset({"terhadap", "kepada", "atas", "bagi", "untuk", "pada"}),
        )
        return Arguments(agent, target or subject, subject)
    if form.trigger.inverse:
        agent, _ = _after(body, tokens, mentions, trig.end, sent, later, lex, frozenset({"dari", "oleh"}))
        return Arguments(agent, subject, subject)

    if form.noun and not possessor and subject and not _near_subject(body, tokens, subject, trig):
        subject = []  # a bare noun far from any actor ("... bukan sekedar kesepakatan") codes nothing
    source = possessor or subject
    start = possessor[-1].end if possessor else trig.end
    target, prep = _after(body, tokens, mentions, start, sent, later, lex, extra_preps=form.trigger.target_preps)
    target = [t for t in target if t not in source] or [t for t in inherited_targets if t not in source]
    # "X dan Y bertemu/sepakat": both parties act; a far topic ("membahas urusan Z") is no target.
    if form.trigger.symmetric and len(source) >= 2 and prep not in ("dengan", "antara"):
        return Arguments(source[:1], source[1:2], source)
    return Arguments(source, target, subject or source)
