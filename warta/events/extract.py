"""Event extraction: triggers + arguments + modes + dates + places -> one row per event."""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import re
from dataclasses import dataclass, replace

import polars as pl

from warta.actors.ner_features import tokenize as word_and_punct_spans
from warta.clean.metadata import find_dateline
from warta.clean.outlets import press_names
from warta.events.agents import is_law_step, law_agent, law_bodies
from warta.events.arguments import SYMMETRIC, Arguments, Mention, Sentence, claimant, find_arguments, trigger_head
from warta.events.codes import codes_for, confidence
from warta.events.discourse import Discourse, affiliations, quoted_speakers, speaker_of
from warta.events.lexicon import Lexicon, Tokens, TriggerMatch, cue_words, find_triggers, get_lexicon, tokenize
from warta.events.locations import locate
from warta.events.modes import find_context, is_future, is_negated, is_past, is_reported, mode_of
from warta.text.dates import DateMention, find_dates
from warta.text.sentences import article_sentence_spans, sentence_index
from warta.text.syntax import Parse, parse

EVENT_SCHEMA: dict[str, pl.DataType] = {
    "event_id": pl.Utf8,
    "article_id": pl.Utf8,
    "event_type": pl.Utf8,
    "mode": pl.Utf8,
    "context": pl.Utf8,
    "cameo_root": pl.Utf8,
    "quad_class": pl.Int64,
    "actor1_id": pl.Utf8,
    "actor2_id": pl.Utf8,
    "actor1_name": pl.Utf8,
    "actor2_name": pl.Utf8,
    "actor1_mention": pl.Utf8,  # the words of the article the actor was read from
    "actor2_mention": pl.Utf8,
    "event_date": pl.Date,
    "date_precision": pl.Utf8,
    "location": pl.Utf8,
    "location_country": pl.Utf8,
    "latitude": pl.Float64,
    "longitude": pl.Float64,
    "location_source": pl.Utf8,
    "sentence_id": pl.Int64,
    "sentence": pl.Utf8,
    "trigger": pl.Utf8,
    "negated": pl.Boolean,
    "future": pl.Boolean,
    "reported": pl.Boolean,
    "confidence": pl.Float64,
    "cluster_id": pl.Utf8,
}

_WIB = dt.timedelta(hours=7)
_MAX_SPLIT = 8  # at most this many events from one coordinated actor group
_ANAPHORA_SENTENCES = 6  # an actorless trigger refers back to an event told this recently
# An actorless verb ("kilang itu diserang") is as often a new event as the last one told
# again, so it reaches back less far than a noun ("Serangan itu ...").
_VERB_ANAPHORA_SENTENCES = 2


@dataclass
class _Candidate:
    trig: TriggerMatch
    sentence_id: int
    source: Mention | None
    target: Mention | None
    n_actors: int
    negated: bool
    future: bool
    reported: bool
    mode: str | None
    context: str | None
    date: DateMention | None
    date_source: str | None
    split: int  # 0 for the first event of a trigger, then 1, 2, ...
    borrowed: bool = False  # an actor comes from the event told before, not from this sentence


def local_anchor(published_at, body: str) -> dt.date | None:
    """The article's local (WIB) date; without one, the first full date stated near the top."""
    if isinstance(published_at, dt.datetime):
        if published_at.tzinfo is not None:
            published_at = published_at.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return (published_at + _WIB).date()
    if isinstance(published_at, dt.date):
        return published_at
    for d in find_dates(body[:600], None):
        if d.precision == "day" and not d.relative and not d.inferred:
            return d.date
    return None


def _event_id(article_id: str, sentence_id: int, offset: int, event_type: str, extra: str = "") -> str:
    key = f"{article_id}|{sentence_id}|{offset}|{event_type}" + (f"|{extra}" if extra else "")
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _clean_mentions(rows: list[dict], names: dict[str, str], body: str = "") -> list[Mention]:
    """Mentions sorted by start, nested and duplicate spans removed (the longest wins), and
    "Otoritas Jasa Keuangan (OJK)" folded into one mention."""
    ms = sorted(
        (
            Mention(
                int(r["start"]), int(r["end"]), r.get("actor_id"),
                names.get(r.get("actor_id") or "", None) or r.get("mention") or "", (r.get("type") or "").upper(),
                r.get("role"),
            )
            for r in rows
            if r.get("start") is not None and r.get("end") is not None
        ),
        key=lambda m: (m.start, -(m.end - m.start)),
    )
    out: list[Mention] = []
    for m in ms:
        if out and m.start < out[-1].end:
            continue
        prev = out[-1] if out else None
        if (
            prev is not None and m.actor_id and m.actor_id == prev.actor_id
            and body[prev.end : m.start].strip() == "(" and body[m.end : m.end + 1] == ")"
        ):
            out[-1] = Mention(prev.start, m.end + 1, prev.actor_id, prev.name, prev.type, prev.role)
            continue
        out.append(m)
    return out


def _citation_dates(dates: list[DateMention], tokens: Tokens, trigs: list[TriggerMatch], lex: Lexicon) -> set[int]:
    """Starts of dates that date a report or quote ("dikutip dari CNA, Selasa, 22 Juni 2021",
    "melansir TASS 13 Juli"), not an event: a citation cue shortly before, no trigger between.
    A date brought in by "pada" opens the reported clause's own time ("Seperti dilansir CNN,
    pada Juli 2015, Yee ditangkap")."""
    cues = lex.cues.get("citation", frozenset())
    out: set[int] = set()
    for d in dates:
        i = tokens.index_at(d.start)
        if d.text.lower().startswith("pada ") or (i > 0 and tokens.words[i - 1] == "pada"):
            continue
        for j in range(i - 1, max(-1, i - 9), -1):
            if tokens.words[j] in cues:
                cue_at = tokens.starts[j]
                if not any(cue_at < t.start < d.start for t in trigs):
                    out.add(d.start)
                break
    return out


# The opening sentences of a story: the first day stated there dates the undated events
# told after it ("... terjadi pada Rabu (17/7) lalu." ... "Oknum itu menyeret Dp ...").
_LEAD_SENTENCES = 8
_STORY_DAYS = 3  # how recent a date after an undated lead sentence must be to date it
_SUBCLAUSE = re.compile(r"\b(?:setelah|sebelum|sejak|usai|seusai|sesudah|karena|sementara|ketika|menyusul)\b", re.IGNORECASE)


def _pick_date(
    dates: list[DateMention], spans: list[tuple[int, int]], body: str, sid: int, trig: TriggerMatch,
    anchor: dt.date | None, past: bool = False,
) -> tuple[DateMention | None, str | None]:
    """The date of an event: the date expression nearest the trigger in its sentence
    (day-precise ones preferred); else the last day-precise date of the sentence before it
    in the same paragraph; else the first date of the story's opening sentences before it,
    which in news usually dates the main story. With ``past`` (the verb says "telah"), dates after the
    article are passed over."""
    s0, s1 = spans[sid]
    inside = [
        d for d in dates
        if d.start >= s0 and d.end <= s1 and not (past and d.future)
        # "Kunjungan X dilakukan setelah PBB ... pada hari Jumat": that date is the other clause's.
        and not _SUBCLAUSE.search(body, min(trig.end, d.end), max(trig.start, d.start))
    ]
    if inside:
        def dist(d: DateMention) -> int:
            return max(d.start - trig.end, trig.start - d.end, 0) + (0 if d.precision == "day" else 60)

        return min(inside, key=dist), "sentence"

    def usable(d: DateMention) -> bool:
        return d.precision == "day" and not d.future and (anchor is None or d.date <= anchor)

    if sid > 0:
        p0, p1 = spans[sid - 1]
        if "\n\n" not in body[p1:s0]:
            before = [d for d in dates if p0 <= d.start and d.end <= p1 and usable(d)]
            if before:
                return before[-1], "nearby"
    lead_end = spans[min(_LEAD_SENTENCES, len(spans)) - 1][1]
    lead = [d for d in dates if d.end <= min(lead_end, s0) and usable(d)]
    if lead:
        return lead[0], "lead"
    # An undated opening sentence ("KPK menetapkan X sebagai tersangka.") is dated by the
    # story's day, given a little later ("..., Rabu (18/9)"), when that day is a recent one:
    # an older date there is background.
    later = [d for d in dates if s1 <= d.start and d.end <= lead_end and usable(d)
             and (anchor is None or (anchor - d.date).days <= _STORY_DAYS)]
    if later:
        return later[0], "lead"
    return None, None


# A noun trigger right after a talk or agreement is what they talk or agree about
# ("membahas kerja sama militer", "sepakat memperkuat kerja sama"), not an event of its own.
_TOPIC_TAKERS = frozenset({"CONSULT", "AGREE"})


_CONDITION_REACH = 8  # words back from a trigger to the "jika" of its clause


def _hypothetical(body: str, tokens: Tokens, trig: TriggerMatch, tok_lo: int, tok_hi: int, lex: Lexicon) -> bool:
    """Whether the trigger tells what would happen, not what happened: it is in a conditional
    clause (`cues.conditional`) or a clause of what someone wants done (`cues.wished`: "agar
    polisi menangkap X"), which ends at a comma, or it is a future in a sentence a condition
    opens ("Seandainya jadi diberlakukan, kebijakan itu akan melarang X")."""
    conditional = lex.cues.get("conditional", frozenset())
    if tok_lo < trig.tok_start and tokens.words[tok_lo] in conditional and is_future(tokens, trig, tok_lo, tok_hi, lex):
        return True
    wished, breaks = lex.cues.get("wished", frozenset()), lex.cues.get("time_clauses", frozenset())
    for k in range(trig.tok_start - 1, max(tok_lo, trig.tok_start - _CONDITION_REACH) - 1, -1):
        if "," in body[tokens.ends[k]:tokens.starts[k + 1]]:
            return False
        if tokens.words[k] in breaks:
            wished = frozenset()  # "agar tidak kabur saat ditangkap": the arrest happened
        if tokens.words[k] in conditional or tokens.words[k] in wished:
            return True
    return False


def _is_topic(trig: TriggerMatch, trigs: list[TriggerMatch], tokens: Tokens) -> bool:
    """Whether the noun trigger ``trig`` is the topic of a talk or agreement just before it."""
    if not trig.form.noun:
        return False
    for t in trigs:
        if t is trig or t.form.noun or t.form.trigger.type not in _TOPIC_TAKERS:
            continue
        if not 0 <= trig.tok_start - t.tok_end <= 2:
            continue
        if not any(w in cue_words("topic_break") for w in tokens.words[t.tok_end : trig.tok_start]):
            return True
    return False


_SITE_TYPES = frozenset({"PROTEST"})


def _mentioned_only(trig: TriggerMatch, tokens: Tokens, lex: Lexicon) -> bool:
    """Whether a noun trigger is only talked about: the object of a verb that is not a light
    verb ("memahami tuntutan tersebut"), a topic after a preposition ("ditanya mengenai
    tuntutan unjuk rasa"), or a mention naming a partner of its own that is no actor.
    Such a mention does not tell the event again."""
    if not trig.form.noun or trig.tok_start == 0:
        return False
    # "komunikasi dengan berbagai pihak": a mention naming a partner that is no actor is
    # about other parties than the event told before ("kontak tembak dengan menggunakan
    # senjata" names a means, not a partner).
    words = tokens.words[trig.tok_end - 1:trig.tok_end + 2]
    at = next((k for k, w in enumerate(words[:2]) if w in ("dengan", "antara")), None)
    if at is not None and at + 1 < len(words) and not words[at + 1].startswith(("me", "di")):
        return True
    before = tokens.words[trig.tok_start - 1]
    if before in lex.cues.get("topic_markers", frozenset()):
        return True
    return before.startswith("me") and before not in lex.cues.get("light_verbs", frozenset())


def _law_alleged(args: Arguments, trig: TriggerMatch, opens: bool) -> Arguments | None:
    """The parsed arguments of an allegation that never names who makes it ("Bambang diduga
    menerima suap", "Penyerangnya diduga kelompok KKB"): only the law agent makes it, of a
    named actor before it. What the parse hangs on it otherwise is the wrongdoing's own party
    ("teroris yang diduga jaringan Bahrun Naim") or a victim ("korban"), not the accused. None
    (no event) when it ``opens`` its sentence: "Diduga, CAS adalah pelaku" hedges a whole
    clause and accuses no one."""
    if opens:
        return None
    accused = [m for m in args.targets if m.type != "GROUP" and m.end <= trig.start]
    return replace(args, sources=[], targets=accused)


def _candidates(
    body: str, tokens: Tokens, spans: list[tuple[int, int]], sid: int, trigs: list[TriggerMatch],
    sentence: Sentence | None, dates: list[DateMention], anchor: dt.date | None, lex: Lexicon,
    recent: dict[str, tuple[int, Arguments]] | None = None, law: list[Mention] | None = None,
) -> list[_Candidate]:
    """The events of sentence ``sid``. A trigger with no actor of its own ("Aksi ini
    berlangsung hingga ...") takes those of the last event of its type in ``recent``; a
    sentence with no actor at all (``sentence`` None: not parsed) codes only such triggers.
    An agentless step of the law done to someone is taken by the last of ``law``, the
    law-enforcement bodies the article names, named before it (:mod:`warta.events.agents`)."""
    recent = recent or {}
    s0, s1 = spans[sid]
    tok_lo, tok_hi = tokens.index_at(s0), tokens.index_at(s1)
    off_topic = lex.cues.get("off_topic", frozenset())
    # Lower-case words only: "Liga Nasional untuk Demokrasi" is a party, not a league.
    if any(tokens.words[i] in off_topic and body[tokens.starts[i]].islower() for i in range(tok_lo, tok_hi)):
        return []  # sports coverage: "menyerang", "bertandang ke" are about a match
    heads = {h: t for t in trigs if (h := trigger_head(sentence, t)) is not None} if sentence else {}
    aims = _protest_aims(trigs, tokens)
    aimed_at: dict[TriggerMatch, list[Mention]] = {}  # a protest -> whom its aim opposes
    for opposing, protest in aims.items():
        found = find_arguments(sentence, opposing, heads) if sentence else None
        if found is not None and found.targets:
            aimed_at[protest] = found.targets
    out: list[_Candidate] = []
    for trig in trigs:
        if trig in aims:
            continue  # "aksi menentang X": the protest's aim, not an event of its own
        args = find_arguments(sentence, trig, heads) if sentence else Arguments([], [], [])
        if args is None or _is_topic(trig, trigs, tokens):
            continue
        if trig.form.trigger.law_agent_only:
            args = _law_alleged(args, trig, trig.tok_start == tok_lo)
            if args is None:
                continue
        if not args.targets and trig in aimed_at:
            args = replace(args, targets=aimed_at[trig])
        if _hypothetical(body, tokens, trig, tok_lo, tok_hi, lex):
            continue  # "jika AS melakukan serangan": what would happen, not what happened
        if sentence is not None and not args.targets and trig.form.trigger.type in _SITE_TYPES:
            # "unjuk rasa di depan Gedung KPK": a protest is aimed at the institution it goes to.
            args = replace(args, targets=sentence.site_actor())
        since, told = recent.get(trig.form.trigger.type, (0, None))
        if told is not None and not trig.form.noun and since > _VERB_ANAPHORA_SENTENCES:
            told = None
        claimed = (claimant(sentence) if sentence is not None and not args.sources
                   and trig.form.trigger.type == "ASSAULT" else [])
        if claimed:
            # "X mengklaim bertanggung jawab atas serangan (itu)": X attacked, whom the attack
            # told before was aimed at.
            borrowed = not args.targets and told is not None and bool(told.targets)
            args = replace(args, sources=claimed, targets=told.targets if borrowed else args.targets)
        else:
            filled = _borrow(args, told, trig, tokens, lex) if told is not None else None
            args, borrowed = (filled, True) if filled is not None else (args, False)
        if not args.sources and args.targets and law and is_law_step(trig, body, lex):
            agent = law_agent(law, trig, tokens, s1, args.targets)
            args = replace(args, sources=[agent]) if agent is not None else args
        if not args.sources and not args.targets:
            continue
        if trig.form.trigger.requires_target and not args.targets:
            continue
        if not _has_parties(trig.form.trigger.type, args, lex, trig.form.noun):
            continue
        negated = is_negated(tokens, trig, tok_lo, lex)
        future = is_future(tokens, trig, tok_lo, tok_hi, lex)
        reported = is_reported(tokens, tok_lo, tok_hi, trig, lex)
        context = find_context(tokens, trig, tok_hi, lex)
        past = is_past(tokens, trig, tok_lo, lex)
        date, date_source = _pick_date(dates, spans, body, sid, trig, anchor, past and not future)
        if date is not None and future and anchor is not None:
            date = date.forward(anchor)  # "dijadwalkan ... pada Kamis": the coming Thursday
        if date is not None and date.future:
            future = True
        sources = args.sources[:_MAX_SPLIT] or [None]
        targets = args.targets[:_MAX_SPLIT] or [None]
        n_actors = len(args.sources) + len(args.targets)
        k = 0
        for src in sources:
            for tgt in targets:
                if src is not None and tgt is not None and _same_side(src, tgt):
                    continue
                if trig.form.trigger.type == "CONSULT" and (_is_press(src) or _is_press(tgt)):
                    continue  # "berbincang dengan Okezone": an interview, not a consultation
                out.append(
                    _Candidate(
                        trig, sid, src, tgt, n_actors, negated, future, reported,
                        mode_of(trig, negated, future), context, date, date_source, k, borrowed,
                    )
                )
                k += 1
    return _dedupe(_aim_protests(out))


_OPPOSING = frozenset({"DISAPPROVE", "REJECT", "PROTEST"})


def _protest_aims(trigs: list[TriggerMatch], tokens: Tokens) -> dict[TriggerMatch, TriggerMatch]:
    """Triggers of opposition right after a protest ("turun aksi menentang reformasi X",
    "berunjuk rasa menolak ..."), each with the protest whose aim it says."""
    out: dict[TriggerMatch, TriggerMatch] = {}
    for t in trigs:
        if t.form.trigger.type != "PROTEST":
            continue
        for u in trigs:
            gap = tokens.words[t.tok_end:u.tok_start]
            if (u is not t and u.form.trigger.type in _OPPOSING and len(gap) <= 3
                    and all(w.isalnum() for w in gap) and u.tok_start >= t.tok_end):
                out.setdefault(u, t)
    return out


def _borrow(args: Arguments, told: Arguments, trig: TriggerMatch, tokens: Tokens, lex: Lexicon) -> Arguments | None:
    """``args`` completed from ``told``, the actors of the last event of the trigger's type told
    before, or None when nothing is taken:

    * an actorless mention takes its first pair ("Aksi ini berlangsung hingga ..."), unless
      the noun is only talked about;
    * an agentless report of what was just done to the same one was done by the same hands
      ("KPK menahan Nyono. ... Nyono digelandang ke mobil tahanan");
    * the same side's event told again without a target is aimed where it was ("Tahanan
      Palestina mogok makan menentang Israel. ... Protes itu dipimpin oleh X").
    """
    if not args.sources and not args.targets:
        # Only a complete event is told again: a one-sided one ("Aksi mogok akan melibatkan
        # 11 depot") is as often a mention of the activity as a report of the same event.
        # Told again it is one event: of several pairs, the first named ("Pertemuan menteri
        # ini ..." after two ministers met three is not six meetings).
        if not told.sources or not told.targets or _mentioned_only(trig, tokens, lex):
            return None
        if {_key(m) for m in told.sources} == {_key(m) for m in told.targets}:
            both = told.sources[:2]  # a clash or meeting each way: its first two parties
            return replace(told, sources=both, targets=both)
        return replace(told, sources=told.sources[:1], targets=told.targets[:1])
    if not args.sources:
        same_target = {_key(m) for m in told.targets} & {_key(m) for m in args.targets}
        return replace(args, sources=told.sources) if same_target else None
    if not args.targets and not trig.form.trigger.requires_target and told.targets:
        same_side = {_key(m) for m in told.sources} & {_key(m) for m in args.sources}
        return replace(args, targets=told.targets) if same_side else None
    return None


def _aim_protests(cands: list[_Candidate]) -> list[_Candidate]:
    """A protest with no target is aimed at whom the same protesters make their demand of
    in the sentence ("150 orang berunjuk rasa menuntut Bupati Deiyai ...")."""
    demands = [(_key(c.source), c.target) for c in cands
               if c.trig.form.trigger.type == "REQUEST" and c.target is not None and c.source is not None]
    out = []
    for c in cands:
        aims = [t for s, t in demands if s == _key(c.source)]
        if c.trig.form.trigger.type in _SITE_TYPES and c.target is None and aims:
            # A non-zero split puts the pair into the event id: one id per target.
            out.extend(replace(c, target=t, split=c.split or 1) for t in dict.fromkeys(aims))
        else:
            out.append(c)
    return out


def _recent(told: dict[str, tuple[int, Arguments]], sid: int) -> dict[str, tuple[int, Arguments]]:
    """The events of each type told within reach of sentence ``sid``, with how many sentences ago."""
    return {t: (sid - at, args) for t, (at, args) in told.items() if sid - at <= _ANAPHORA_SENTENCES}


def _told(sid: int, cands: list[_Candidate]) -> dict[str, tuple[int, Arguments]]:
    """The actors of each type of event a sentence told, every party of it ("AS, Australia
    dan Jepang meminta ...", a clash each way), for a later actorless mention of the event."""
    out: dict[str, tuple[int, Arguments]] = {}
    for c in cands:
        _, args = out.setdefault(c.trig.form.trigger.type, (sid, Arguments([], [])))
        if c.source is not None and c.source not in args.sources:
            args.sources.append(c.source)
        if c.target is not None and c.target not in args.targets:
            args.targets.append(c.target)
    return out


def _has_parties(event_type: str, args: Arguments, lex: Lexicon, noun: bool = False) -> bool:
    """Whether ``args`` has the actors an event of the type needs (``plover.yaml: parties``,
    ``noun_parties`` for a noun trigger): both sides of a meeting or agreement, the one who
    asks, accuses or protests."""
    row = lex.plover.get(event_type, {})
    parties = row.get("noun_parties", row.get("parties", "any")) if noun else row.get("parties", "any")
    if parties == "both":
        return bool(args.sources and args.targets)
    return bool(args.sources) if parties == "source" else True


def _is_press(m: Mention | None) -> bool:
    """Whether an actor is a news outlet or agency (``outlets.yaml``, ``agencies.yaml``)."""
    return m is not None and m.name.lower() in press_names()


def _same_side(a: Mention, b: Mention) -> bool:
    """Whether two actors are one side: the same actor, or a body and the country or
    organisation it is named after ("Angkatan Bersenjata Irak" and "Irak")."""
    if _key(a) == _key(b):
        return True
    x, y = sorted((a.name.lower(), b.name.lower()), key=len)
    return y.endswith(" " + x)


def _key(m: Mention | None) -> str | None:
    return None if m is None else m.key


def _one_way(c: _Candidate) -> bool:
    """Whether a two-party event of this trigger has a direction of its own: a clash an entry
    marks symmetric is one attack each way; a meeting or agreement is one event either way."""
    return c.trig.form.trigger.symmetric and c.trig.form.trigger.type not in SYMMETRIC


def _dedupe(cands: list[_Candidate]) -> list[_Candidate]:
    """One event per type and actor pair in a sentence: "kunjungan ... bertemu" is one meeting.

    The kept event takes over a trigger mode (visit) from the ones it absorbs.
    """
    def score(c: _Candidate) -> tuple:
        return ((c.source is not None) + (c.target is not None), c.n_actors, c.trig.form.trigger.weight)

    kept: list[_Candidate] = []
    for c in sorted(cands, key=score, reverse=True):
        twin = None
        for k in kept:
            if k.trig.form.trigger.type != c.trig.form.trigger.type or (k.negated, k.future) != (c.negated, c.future):
                continue
            ks = {_key(k.source), _key(k.target)} - {None}
            cs = {_key(c.source), _key(c.target)} - {None}
            if cs == ks and len(cs) == 2 and _one_way(c) and (_key(c.source), _key(c.target)) != (
                    _key(k.source), _key(k.target)):
                continue  # a clash: each side attacks the other
            if cs <= ks:
                twin = k
                break
        if twin is None:
            kept.append(c)
        elif twin.mode is None and c.mode is not None:
            twin.mode = c.mode
    kept.sort(key=lambda c: (c.trig.start, c.split))
    return kept


def _dates_for(
    body: str, spans: list[tuple[int, int]], active: list[int], anchor: dt.date | None,
) -> list[DateMention]:
    """Date expressions of the sentences an event can take its date from: its own, the one
    before it and the story's opening ones. Reading only these keeps long articles cheap."""
    wanted = set(range(_LEAD_SENTENCES)) | set(active) | {sid - 1 for sid in active if sid > 0}
    out: list[DateMention] = []
    for sid in sorted(w for w in wanted if 0 <= w < len(spans)):
        s0, s1 = spans[sid]
        for d in find_dates(body[s0:s1], anchor):
            if anchor is None and d.inferred:
                continue  # "Rabu (9/8)" in an undated article: no year to give it
            out.append(replace(d, start=d.start + s0, end=d.end + s0))
    return out


@dataclass
class _Article:
    """One article on its way through the event stage: triggers, sentences to parse, dates."""

    row: dict
    body: str
    tokens: Tokens
    spans: list[tuple[int, int]]
    mentions: list[Mention]
    by_sentence: dict[int, list[TriggerMatch]]
    active: list[int]  # sentences with a trigger and something that may be an actor, in order
    anchor: dt.date | None
    parses: list[Parse] | None = None


def without_dateline(body: str) -> str:
    """``body`` with its dateline ("JAKARTA, KOMPAS.com -") blanked out, offsets unchanged: it
    says where the story was filed, and no one in it acts."""
    paragraphs = body.split("\n\n")
    found = find_dateline(paragraphs)
    if found is None:
        return body
    i, dateline = found
    start = sum(len(p) + 2 for p in paragraphs[:i])
    return body[:start] + " " * dateline.end + body[start + dateline.end:]


_QUOTES = frozenset('"“”')


def _may_have_speaker(body: str, tokens: Tokens, spans: list[tuple[int, int]], sid: int, lex: Lexicon) -> bool:
    """Whether sentence ``sid`` may have a speaker: a quotation mark, a verb of saying or
    "menurut" in it or in the two after it (a quotation's tag may close a later sentence)."""
    a, b = spans[sid][0], spans[min(sid + 2, len(spans) - 1)][1]
    if any(q in body[a:b] for q in _QUOTES):
        return True
    saying = lex.cues.get("saying", frozenset()) | lex.cues.get("reported", frozenset())
    return any(w in saying for w in tokens.words[tokens.index_at(a):tokens.index_at(b)])


def _buildings_of_bodies(rows: list[dict], lex: Lexicon) -> list[dict]:
    """A building the actor stage read as a place ("Gedung DPR", "gedung KPK") stands for the
    body it houses when the article names that body elsewhere: a protest "di depan Gedung DPR"
    is aimed at the DPR. The body's mention takes the building's words after the site word."""
    sites = lex.cues.get("sites", frozenset())
    bodies = {(r.get("mention") or "").casefold(): r for r in rows
              if (r.get("type") or "").upper() == "ORG" and r.get("actor_id")}
    out = []
    for r in rows:
        site, _, rest = (r.get("mention") or "").partition(" ")
        is_site = (r.get("type") or "").upper() == "LOC" and site.lower() in sites
        housed = bodies.get(rest.casefold()) if is_site else None
        if housed is None or r.get("start") is None:
            out.append(r)
            continue
        start = int(r["start"]) + len(site) + 1
        out.append({**housed, "start": start, "end": start + len(rest), "mention": rest})
    return out


def _prepare(row: dict, mention_rows: list[dict], names: dict[str, str], lex: Lexicon) -> _Article | None:
    """Find an article's triggers and the sentences worth parsing: those with a trigger and
    an actor mention, an unnamed group or a reference word."""
    body = without_dateline(row.get("body") or "")
    if not body.strip():
        return None
    tokens = tokenize(body)
    trigs = find_triggers(tokens, lex)
    if not trigs:
        return None
    spans = article_sentence_spans(body)
    if not spans:
        return None
    mentions = _clean_mentions(_buildings_of_bodies(mention_rows, lex), names, body)
    by_sentence: dict[int, list[TriggerMatch]] = {}
    for t in trigs:
        sid = sentence_index(spans, t.start)
        if t.form.trigger.by_speaker and not _may_have_speaker(body, tokens, spans, sid, lex):
            continue  # "harus" with no one speaking is no demand: not worth a parse
        by_sentence.setdefault(sid, []).append(t)
    mention_starts = sorted(m.start for m in mentions)
    actor_words = lex.cues.get("groups", frozenset()) | lex.cues.get("actor_words", frozenset())
    active = []
    for sid in sorted(by_sentence):
        a, b = spans[sid]
        has_mention = bisect.bisect_left(mention_starts, a) < bisect.bisect_left(mention_starts, b)
        if has_mention or any(w in actor_words for w in tokens.words[tokens.index_at(a):tokens.index_at(b)]):
            active.append(sid)
    if not active:
        return None
    return _Article(row, body, tokens, spans, mentions, by_sentence, active, local_anchor(row.get("published_at"), body))


def _article_events(art: _Article, lex: Lexicon) -> list[dict]:
    """Code the events of one prepared and parsed article, sentence by sentence."""
    body, spans, tokens = art.body, art.spans, art.tokens
    dates = _dates_for(body, spans, sorted(art.by_sentence), art.anchor)
    cited = _citation_dates(dates, tokens, [t for ts in art.by_sentence.values() for t in ts], lex)
    dates = [d for d in dates if d.start not in cited]
    loc_spans = [(m.start, m.end) for m in art.mentions if m.type == "LOC"]
    discourse = Discourse(lex)
    # The law-enforcement bodies matter only to an agentless step of the law: most articles have none.
    steps = any(is_law_step(t, body, lex) for ts in art.by_sentence.values() for t in ts)
    law = law_bodies(body, art.mentions, tokens, lex) if steps else []
    events: list[dict] = []
    told: dict[str, tuple[int, Arguments]] = {}  # event type -> (sentence, actors) of the last one told
    parses = dict(zip(art.active, art.parses or []))
    persons_before: list[list[Mention]] = []
    seen: list[Mention] = []
    for a, b in spans:
        persons_before.append(list(seen))
        seen.extend(m for m in art.mentions if a <= m.start < b and m.type == "PER")
    speakers = quoted_speakers(body, spans, art.mentions, tokens, lex, persons_before)
    discourse.affiliations = affiliations(body, speakers, lex.cues.get("titles", frozenset()))
    for sid, (a, b) in enumerate(spans):
        in_sentence = [m for m in art.mentions if a <= m.start and m.end <= b]
        parsed = parses.get(sid)
        if parsed is None:  # no actor here, but the people it names may be referred to later
            discourse.remember([[m] for m in in_sentence], [], [])
            if sid in art.by_sentence:  # an event named again: "Aksi unjuk rasa itu berlangsung hingga sore."
                recent = _recent(told, sid)
                nouns = [t for t in art.by_sentence[sid] if t.form.noun]
                cands = _candidates(body, tokens, spans, sid, nouns, None, dates, art.anchor, lex, recent, law)
                events.extend(_row(c, art.row["article_id"], body, spans, art.anchor, art.row.get("dateline"),
                                   loc_spans, lex) for c in cands)
            continue
        placed, referents = discourse.place(parsed, in_sentence, [])
        speaker = speaker_of(parsed, placed, lex) or speakers[sid]
        if speaker:
            placed, referents = discourse.place(parsed, in_sentence, speaker)
        sentence = Sentence(parsed, placed, lex, referents, discourse.clitic_persons(parsed, placed), speaker)
        recent = _recent(told, sid)
        cands = _candidates(body, tokens, spans, sid, art.by_sentence[sid], sentence, dates, art.anchor, lex, recent, law)
        told.update(_told(sid, cands))
        for c in cands:
            events.append(_row(c, art.row["article_id"], body, spans, art.anchor, art.row.get("dateline"), loc_spans, lex))
        # Remember the sentence's actor groups: one per phrase head that carries an actor.
        heads = [i for i in placed if parsed.deps[i] not in ("flat", "compound", "conj", "appos")]
        groups = [sentence.group_at(i) for i in heads]
        subjects = [sentence.group_at(i) for i in range(len(parsed)) if parsed.deps[i] in ("nsubj", "nsubj:pass")]
        pairs = [(c.source, c.target) for c in cands if c.source is not None and c.target is not None]
        discourse.remember([g for g in groups if g], [g for g in subjects if g], pairs)
    return events


def _row(
    c: _Candidate, article_id: str, body: str, spans: list[tuple[int, int]], anchor: dt.date | None,
    dateline: str | None, loc_spans: list[tuple[int, int]], lex: Lexicon,
) -> dict:
    etype = c.trig.form.trigger.type
    cameo, quad = codes_for(etype, lex)
    s0, s1 = spans[c.sentence_id]
    if c.date is not None:
        event_date, precision, date_source = c.date.date, c.date.precision, c.date_source
    elif anchor is not None:
        event_date, precision, date_source = anchor, "day", "article"
    else:
        event_date = precision = date_source = None
    future = c.future
    # A date after the article is only allowed for what is planned.
    if event_date is not None and anchor is not None and precision == "day" and event_date > anchor:
        future = True
    mode = mode_of(c.trig, c.negated, future) if future != c.future else c.mode
    place, place_source = locate(body, s0, s1, c.trig.start, loc_spans, dateline)
    extra = f"{_key(c.source)}|{_key(c.target)}" if c.split else ""
    return {
        "event_id": _event_id(article_id, c.sentence_id, c.trig.start, etype, extra),
        "article_id": article_id,
        "event_type": etype,
        "mode": mode,
        "context": c.context,
        "cameo_root": cameo,
        "quad_class": quad,
        "actor1_id": c.source.actor_id if c.source else None,
        "actor2_id": c.target.actor_id if c.target else None,
        "actor1_name": c.source.name if c.source else None,
        "actor2_name": c.target.name if c.target else None,
        "actor1_mention": body[c.source.start : c.source.end] if c.source else None,
        "actor2_mention": body[c.target.start : c.target.end] if c.target else None,
        "event_date": event_date,
        "date_precision": precision,
        "location": place.name if place else None,
        "location_country": place.country if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "location_source": place_source,
        "sentence_id": c.sentence_id,
        "sentence": body[s0:s1],
        "trigger": body[c.trig.start : c.trig.end],
        "negated": c.negated,
        "future": future,
        "reported": c.reported,
        "confidence": confidence(
            c.trig.form.trigger.weight, c.source is not None, c.target is not None, date_source, c.reported,
            c.trig.form.noun, c.borrowed,
        ),
        "cluster_id": None,
    }


_PARSE_CHUNK = 250


def extract_events(clean: pl.DataFrame, mentions: pl.DataFrame, actors: pl.DataFrame) -> pl.DataFrame:
    """Code the events of a batch of clean articles (one row per event, see ``EVENT_SCHEMA``).

    ``mentions`` and ``actors`` come from the actors stage; ``cluster_id`` stays null until
    :func:`warta.events.assign_clusters` runs over all events.
    """
    lex = get_lexicon()
    names: dict[str, str] = {}
    if actors is not None and actors.height and {"actor_id", "name"} <= set(actors.columns):
        names = dict(zip(actors["actor_id"].to_list(), actors["name"].to_list()))
    by_article: dict[str, list[dict]] = {}
    if mentions is not None and mentions.height:
        cols = [c for c in ("article_id", "actor_id", "mention", "start", "end", "type", "role") if c in mentions.columns]
        for r in mentions.select(cols).iter_rows(named=True):
            by_article.setdefault(r["article_id"], []).append(r)
    cols = [c for c in ("article_id", "body", "published_at", "dateline") if c in clean.columns]
    rows: list[dict] = []
    # A few hundred articles at a time: the parser batches well, and the parses of a whole
    # batch of clean articles would hold hundreds of megabytes at once.
    for chunk in clean.select(cols).iter_slices(_PARSE_CHUNK):
        articles = []
        for art in chunk.iter_rows(named=True):
            prepared = _prepare(art, by_article.get(art["article_id"], []), names, lex)
            if prepared is not None:
                articles.append(prepared)
        _parse_active(articles)
        for art in articles:
            rows.extend(_article_events(art, lex))
    if not rows:
        return pl.DataFrame(schema=EVENT_SCHEMA)
    # A batch may hold the same article twice; its events are the same events.
    return pl.DataFrame(rows, schema=EVENT_SCHEMA, orient="row").unique("event_id", keep="first", maintain_order=True)


def _parse_active(articles: list[_Article]) -> None:
    """Parse the sentences worth parsing of every article of the batch in one go."""
    token_spans, texts, owners = [], [], []
    for art in articles:
        for sid in art.active:
            a, b = art.spans[sid]
            token_spans.append([(a + x, a + y) for x, y in word_and_punct_spans(art.body[a:b])])
            texts.append(art.body)
            owners.append(art)
    parsed = parse(token_spans, texts) if token_spans else []
    for art in articles:
        art.parses = []
    for art, p in zip(owners, parsed):
        art.parses.append(p)
