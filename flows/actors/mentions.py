"""Actor mentions of one article: gazetteer hits, NER spans, titled names, acronyms.

:func:`extract_article` returns the resolved mentions of one clean body. It is pure and
cheap: the gazetteer is built once per process and the NER spans are computed in a batch
by the caller.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache

from flows.actors.gazetteer import HOME_COUNTRY, Gazetteer, GazActor, Hit, fold
from flows.actors.resolve import link_partial_names, normalise_name
from flows.actors.roles import Role, role_after, role_before, role_chains
from flows.lexicon import load_yaml

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
_NAME = re.compile(
    r"[A-Z][\w'’\-]*(?:[ \t]+(?:(?:bin|binti|van|von|der|de|al|el|da|di)[ \t]+)?[A-Z][\w'’\-]*){0,4}"
)
_NOT_NAME = frozenset(
    "Senin Selasa Rabu Kamis Jumat Sabtu Minggu Ahad Januari Februari Maret April Mei Juni "
    "Juli Agustus September Oktober November Desember Pada Dalam Di Ke Dari Yang Dan Ini "
    "Itu Namun Tetapi Sementara Saat Ketika Menurut Sejak Setelah Sebelum WIB WITA WIT Rp RT "
    "RW Ia Dia Kami Kita Mereka Saya Anda Beliau Eselon".split()
)
# "Long Name (ACR)" or "Long Name (English Name/ACR)".
_ACRONYM = re.compile(
    r"\((?:(?P<eng>[A-Z][^()/\n]{2,80}?)\s*/\s*)?(?P<acr>[A-Z][A-Za-z]?[A-Z]{1,7})\)"
)
_LONG_BEFORE = re.compile(
    r"((?:[A-Z][\w'’\-]*|untuk|dan|dari|bagi|di|of|for|the|and)(?:[ \t]+"
    r"(?:[A-Z][\w'’\-]*|untuk|dan|dari|bagi|di|of|for|the|and)){1,8})[ \t]*$"
)
_CONNECTOR = frozenset("untuk dan dari bagi di of for the and".split())


def skip_regions(body: str, prefixes: tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans of lines that are navigation ("Baca juga: ...") rather than article text."""
    out = []
    pos = 0
    for line in body.splitlines(keepends=True):
        if line.lstrip().startswith(prefixes):
            out.append((pos, pos + len(line)))
        pos += len(line)
    return out


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def _text_actor(name: str, mtype: str, gaz: Gazetteer) -> GazActor:
    """The gazetteer actor of that name, else a new actor named by the text."""
    known = gaz.by_name.get(fold(name))
    if known is not None and TYPE_OF.get(known.actor_type) in (mtype, "COUNTRY" if mtype == "LOC" else None):
        return known
    if known is not None and mtype in ("PER", "ORG") and TYPE_OF.get(known.actor_type) in ("PER", "ORG"):
        return known  # the curated type wins over the tagger's
    return GazActor(name=name, actor_type=ACTOR_TYPE_OF[mtype], source="text")


def _trim_titles(body: str, start: int, end: int, title_hits: list[Hit]) -> int:
    """Move ``start`` past title words that the tagger included in a PER span."""
    moved = True
    while moved:
        moved = False
        for h in title_hits:
            if h.start == start and h.end < end:
                start = h.end
                while start < end and body[start].isspace():
                    start += 1
                moved = True
    return start


def article_hits(body: str, gaz: Gazetteer) -> list[Hit]:
    """Gazetteer hits of ``body`` outside navigation lines."""
    skip = skip_regions(body, gaz.skip_prefixes)
    return [h for h in gaz.find(body) if not _inside(skip, h.start, h.end)]


_CAP_WORD = re.compile(r"(?<![\w'’\-])[A-Z][\w'’\-]*")


_WS_TOKEN = re.compile(r"\S+")


def ner_candidate_sentences(body: str, hits: list[Hit], gaz: Gazetteer,
                            spans: list[tuple[int, int]], window: int = 4) -> list[tuple[int, int]]:
    """Stretches of text worth tagging: a few words either side of each capitalised word
    that no gazetteer key explains and that is not an ordinary word opening a sentence.

    Tagging windows instead of whole sentences keeps the NER off the many words that
    cannot be names; ``window`` words of context on each side keep its features intact.
    """
    out: list[tuple[int, int]] = []
    starts = [h.start for h in hits]
    skip = skip_regions(body, gaz.skip_prefixes)
    for s, e in spans:
        if _inside(skip, s, e):
            continue
        toks = [m.span() for m in _WS_TOKEN.finditer(body, s, e)]
        keep: list[int] = []
        for i, (ts, te) in enumerate(toks):
            m = _CAP_WORD.match(body, ts, te)
            if not m:
                continue
            w = m.group(0)
            if w in _NOT_NAME or (w.isupper() and len(w) > 4):
                continue
            k = bisect_right(starts, ts) - 1
            if k >= 0 and hits[k].end >= m.end():
                continue  # inside a gazetteer hit (hits do not overlap)
            if i == 0 and gaz.is_word(w):
                continue
            keep.append(i)
        last = -1
        for i in keep:
            lo, up = max(0, i - window), min(len(toks) - 1, i + window)
            if out and lo <= last + 1 and out[-1][0] >= s:
                out[-1] = (out[-1][0], toks[up][1])
            else:
                out.append((toks[lo][0], toks[up][1]))
            last = up
    return out


def extract_article(
    body: str, gaz: Gazetteer, ner_spans: list[tuple[int, int, str]] | None = None,
    hits: list[Hit] | None = None,
) -> list[Mention]:
    """Return the actor mentions of ``body``, resolved within the article, in text order.

    ``ner_spans`` are the tagger's (start, end, type) spans in ``body``; ``hits`` may
    pass :func:`article_hits` when the caller computed them already.
    """
    skip = skip_regions(body, gaz.skip_prefixes)
    if hits is None:
        hits = article_hits(body, gaz)
    roles = role_chains(body, hits)
    title_hits = [h for h in hits if h.kinds() & {"title", "descriptor"}]

    mentions: list[Mention] = []
    for h in hits:
        a = h.actor
        if a is None:
            continue
        if h.kinds() & {"title", "descriptor"}:
            continue  # "Menteri" style keys are roles, not actors
        mentions.append(Mention(h.start, h.end, body[h.start : h.end], TYPE_OF[a.actor_type], a,
                                "gazetteer"))
    _disambiguate(hits, mentions)

    # NER spans fill in names the gazetteers do not know.
    for s, e, t in ner_spans or ():
        if t not in ("PER", "ORG", "LOC") or _inside(skip, s, e):
            continue
        nl = body.rfind("\n", s, e)
        if nl >= 0:
            s = nl + 1  # a name does not run across lines ("...CONTENT\nPerry")
        # Names start and end with a capitalised word ("Kementerian Kehutanan skor").
        toks = [x for x in _TOKEN.finditer(body, s, e)]
        while toks and toks[-1].group(0)[:1].islower() and not _PARTICLE.match(toks[-1].group(0)):
            toks.pop()  # "Nyoto kepadadetikJateng"; "al-Qassam" stays
        while toks and toks[0].group(0).islower():
            toks.pop(0)
        if not toks:
            continue
        s, e = toks[0].start(), toks[-1].end()
        while t == "PER" and s < e:
            # Titles the role list lacks but the NER cue list has ("Kapolresta", "Ketua"),
            # and acronyms of bodies or ranks ("BRIN Muhammad Reza", "AKP Regi Halili").
            tok = _TOKEN.match(body, s)
            if not tok or tok.end() >= e:
                break
            w = tok.group(0)
            if w.lower() not in _cue_titles() and not (len(w) > 1 and w.isupper()):
                break
            s = tok.end()
            while s < e and body[s].isspace():
                s += 1
        # A tagged span that starts inside a role phrase ("Spanyol Alvaro Garcia Ortiz"
        # after "Jaksa Agung") is the name after the phrase, and a name after a title is
        # a person.
        chain = next((r for r in roles if r.start <= s < r.end), None)
        if chain is not None and chain.end < e:
            s = chain.end
            while s < e and body[s].isspace():
                s += 1
            if chain.has_title and _NAME.match(body, s):
                t = "PER"
        # "Kolombia Haendel Rodriguez" (LOC/PER): a country or place opening a tagged span
        # that goes on with a name is the person's nationality, not part of the name.
        if t in ("LOC", "PER"):
            lead = next((m for m in mentions if m.start == s and m.end < e
                         and m.type == "COUNTRY"), None)
            if lead is not None:
                rest = _NAME.match(body, _skip_spaces(body, lead.end, e))
                if rest and rest.end() >= e and len(rest.group(0).split()) >= 2:
                    s, t = rest.start(), "PER"
        # A name right after a title ("Menteri Lingkungan Denmark, Magnus Heunicke") is a
        # person whatever the tagger says, unless it opens with an organisation head.
        if t != "PER":
            before = role_before(body, roles, s)
            head = _TOKEN.match(body, s)
            if (before is not None and before.has_title and head is not None
                    and head.group(0).lower() not in _acronym_heads()
                    and len(body[s:e].split()) >= 2):
                t = "PER"
        head = _TOKEN.match(body, s)
        hw = head.group(0).lower() if head is not None else ""
        if t == "PER" and (hw in _acronym_heads() or hw in _loc_heads()):
            # "Polres Serang AKP": a body (or a place) followed by a rank, not a person.
            t = "ORG" if hw in _acronym_heads() else "LOC"
            while True:
                last = [h for h in title_hits if h.end == e and h.start > s]
                if not last:
                    break
                e = last[0].start
                while e > s and body[e - 1].isspace():
                    e -= 1
        if t == "PER":
            s = _trim_titles(body, s, e, title_hits)
            if _DEGREE.fullmatch(body[s:e]):
                continue  # "M.Ed", "S.H."
        if s >= e:
            continue
        if any(h.start <= s and e <= h.end for h in title_hits):
            continue
        overlapping = [m for m in mentions if _overlaps(s, e, m.start, m.end)]
        if overlapping:
            contained = all(s <= m.start and m.end <= e for m in overlapping)
            strictly_larger = contained and any((m.start, m.end) != (s, e) for m in overlapping)
            # A longer tagged name wins over the places and countries inside it
            # ("Komite Anti-Teroris Bersama Rusia-Myanmar"), never over a curated person.
            inside_ok = all(
                m.type in ("LOC", "COUNTRY") or (m.actor.source == "city") for m in overlapping
            )
            # An organisation named after another one ("Universitas Militer Kementerian
            # Pertahanan Rusia") starts with a head word of its own.
            head = _TOKEN.match(body, s)
            org_in_org = (t == "ORG" and head is not None
                          and head.group(0).lower() in _acronym_heads()
                          and all(m.start >= head.end() and m.type != "PER" for m in overlapping))
            if not (strictly_larger and (inside_ok or org_in_org)
                    and _capitalised_rest(body, s, e, overlapping)):
                continue
            for m in overlapping:
                mentions.remove(m)
        text = body[s:e]
        mentions.append(Mention(s, e, text, t, _text_actor(text, t, gaz), "ner"))

    mentions.sort(key=lambda m: m.start)
    _other_bearers(body, mentions, title_hits, gaz)
    _resolve_bare(body, mentions, gaz)
    _headed_orgs(body, mentions, skip, gaz)
    _acronyms(body, mentions, skip, gaz)
    mentions.sort(key=lambda m: m.start)
    _titled_names(body, roles, mentions, skip, gaz)
    _appositive_names(body, roles, mentions, skip, gaz)
    mentions.sort(key=lambda m: m.start)
    _attach_roles(body, roles, mentions)
    _resolve_partials(mentions)
    _aka_names(body, mentions, gaz)
    _drop_common_words(body, mentions, gaz)
    _places_not_persons(body, mentions, gaz)
    _unify_types(mentions)
    _short_names(body, mentions, skip, gaz)
    mentions.sort(key=lambda m: m.start)
    _descriptors(body, roles, mentions)
    mentions.sort(key=lambda m: m.start)
    return mentions


_NEAR_COUNTRY = re.compile(r"^[ \t]+(?:\w+[ \t]+){0,2}$")


_TOKEN = re.compile(r"[\w'’\-]+")
_TITLE_GAP = re.compile(r"[ \t]*(?:,[ \t]*)?")
_PARTICLE = re.compile(r"[a-z]{1,3}-[A-Z]")
_DEGREE = re.compile(r"[A-Z][a-z]{0,2}\.[ ]?[A-Za-z]{1,4}\.?(?:[ ]?[A-Za-z]{1,3}\.?)?")
_PREV_NAME = re.compile(r"([A-Z][\w'’\-]+)[ \t]+$")


def _other_bearers(body: str, mentions: list[Mention], title_hits: list[Hit],
                   gaz: Gazetteer) -> None:
    """A curated surname after another given name is someone else ("Francesca Albanese")."""
    for m in mentions:
        if m.source != "gazetteer" or m.type != "PER" or " " in m.text:
            continue
        if normalise_name(m.text) == normalise_name(m.actor.name):
            continue
        pm = _PREV_NAME.search(body, max(0, m.start - 40), m.start)
        if not pm:
            continue
        s, word = pm.start(1), pm.group(1)
        if (word in _NOT_NAME or _ordinary(word, gaz) or word.lower() in _cue_titles()
                or _sentence_initial(body, s)):
            continue  # "Pak Jokowi" is Jokowi
        if any(h.start <= s < h.end for h in title_hits) or any(
            x is not m and _overlaps(s, m.start, x.start, x.end) for x in mentions
        ):
            continue
        m.start, m.text, m.source = s, body[s : m.end], "partial"
        m.actor = _text_actor(m.text, "PER", gaz)


def _skip_spaces(body: str, pos: int, end: int) -> int:
    while pos < end and body[pos].isspace():
        pos += 1
    return pos


def _capitalised_rest(body: str, s: int, e: int, inner: list[Mention]) -> bool:
    """Whether a span has a capitalised word outside the mentions inside it: "Komite ...
    Rusia-Myanmar" has, "Rusia-Myanmar" and "wilayah Palestina" have not."""
    chars = list(body[s:e])
    for m in inner:
        for i in range(m.start - s, m.end - s):
            chars[i] = " "
    return any(w[:1].isupper() for w in _TOKEN.findall("".join(chars)))


def _sentence_initial(body: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and body[i] in " \t\"'“‘(":
        i -= 1
    return i < 0 or body[i] in ".!?\n:"


_PREV_WORD = re.compile(r"(\w+)[ \t]+$")
_LIST_GAP = re.compile(r"^[ \t]*(?:,|dan|serta|atau)[ \t]*(?:dan[ \t]+)?$")
_PLACE_BEFORE = frozenset({"di", "bagian", "negara", "provinsi", "kota", "kabupaten",
                           "distrik", "wilayah", "kawasan", "daerah", "region"})


def _places_not_persons(body: str, mentions: list[Mention], gaz: Gazetteer) -> None:
    """A tagged "person" after a place word ("negara bagian Karen") or listed with places
    ("Karen dan Shan", "Sagaing dan Mandalay") is a place."""
    mentions.sort(key=lambda m: m.start)
    for i, m in enumerate(mentions):
        if m.type != "PER" or m.source != "ner" or m.actor.source != "text" or m.role is not None:
            continue
        pw = _PREV_WORD.search(body, max(0, m.start - 30), m.start)
        prev = mentions[i - 1] if i > 0 else None
        listed = prev is not None and prev.type in ("LOC", "COUNTRY") and _LIST_GAP.match(
            body[prev.end : m.start])
        if (pw and pw.group(1).lower() in _PLACE_BEFORE) or listed:
            m.type = "LOC"
            m.actor = _text_actor(m.text, "LOC", gaz)


def _unify_types(mentions: list[Mention]) -> None:
    """One surface, one type within an article: the tagger may call "AHY" PER once and
    ORG once; the majority (persons on ties) wins."""
    by_name: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.actor.source == "text" and m.type in ("PER", "ORG", "LOC"):
            by_name.setdefault(normalise_name(m.actor.name), []).append(m)
    for group in by_name.values():
        types = {m.type for m in group}
        if len(types) < 2:
            continue
        counts = {t: sum(m.type == t for m in group) for t in types}
        best = max(sorted(types), key=lambda t: (counts[t], t == "PER"))
        actor = next(m.actor for m in group if m.type == best)
        for m in group:
            m.type, m.actor = best, actor


def _resolve_bare(body: str, mentions: list[Mention], gaz: Gazetteer) -> None:
    """"Kementerian Pertahanan" is the one the article names in full ("... Rusia", or
    "Dewan Keamanan PBB" for "Dewan Keamanan"); else the country named just before it
    ("Rusia melalui Kementerian Luar Negeri"); else Indonesia's, or nothing for names that
    only make sense once the article has named them."""
    drop = []
    for i, m in enumerate(mentions):
        if m.actor.source != "bare":
            continue
        prefix = normalise_name(m.actor.name) + " "
        named = {x.actor for x in mentions
                 if x.actor.source != "bare" and x.type == "ORG" and (
                     x.actor.template == m.actor.template
                     or normalise_name(x.actor.name).startswith(prefix))}
        if len(named) == 1:
            m.actor = named.pop()
            continue
        if named:
            continue
        prev = mentions[i - 1] if i > 0 else None
        iso3 = None
        if prev is not None and prev.type == "COUNTRY" and _NEAR_COUNTRY.match(body[prev.end : m.start]):
            iso3 = prev.actor.country_code
        if iso3 is None and m.actor.bare_mode == "home":
            iso3 = HOME_COUNTRY
        inst = gaz.instances.get((m.actor.template, iso3)) if iso3 else None
        if inst is not None:
            m.actor = inst
        elif m.actor.bare_mode == "named":
            drop.append(m)
    for m in drop:
        mentions.remove(m)


def _covered(mentions: list[Mention], start: int, end: int) -> bool:
    return any(_overlaps(start, end, m.start, m.end) for m in mentions)


def _titled_names(body: str, roles: list[Role], mentions: list[Mention],
                  skip: list[tuple[int, int]], gaz: Gazetteer) -> None:
    """A capitalised name right after a title is a person ("Laksamana Moe Aung")."""
    for r in roles:
        if not r.has_title:
            continue
        gap = _TITLE_GAP.match(body, r.end)
        pos = gap.end()
        if pos == r.end:
            continue
        if any(x.start == pos for x in roles):
            continue  # another title follows; its own chain introduces the name
        m = _NAME.match(body, pos)
        if not m:
            continue
        words = m.group(0).split()
        # "Juru bicara Kremlin, Dmitry Peskov, ..." : after a comma the name must close
        # the appositive with another comma.
        if "," in gap.group(0) and not re.match(r"[ \t]*(?:[,.;:!?\n]|$)", body[m.end():m.end() + 3]):
            continue
        if words[0].lower() in _heads() or words[0].lower() in _acronym_heads():
            continue  # "kepala Badan Pusat Statistik" names a body, not a person
        # Stop at words that begin another clause or a known actor.
        kept = []
        for w in words:
            if w in _NOT_NAME:
                break
            kept.append(w)
        if not kept:
            continue
        end = _end_of_words(body, pos, len(kept))
        if any(pos < x.start < end for x in roles):
            continue  # "Kapolsek Mallusetasi AKP Iriansyah": the last title introduces the name
        if _covered(mentions, pos, end) or _inside(skip, pos, end):
            continue
        text = body[pos:end]
        mentions.append(Mention(pos, end, text, "PER", _text_actor(text, "PER", gaz), "title"))


@lru_cache(maxsize=1)
def _cue_titles() -> frozenset[str]:
    """Title words from the NER's cue list (lower case)."""
    try:
        cues = load_yaml("ner_cues.yaml") or {}
    except FileNotFoundError:
        return frozenset()
    return frozenset(w.lower() for w in cues.get("titles") or ())


@lru_cache(maxsize=1)
def _acronym_heads() -> frozenset[str]:
    """Words that make an acronym-defined name an organisation."""
    extra = (load_yaml("roles.yaml") or {}).get("acronym_heads") or ()
    try:
        cues = (load_yaml("ner_cues.yaml") or {}).get("org_heads") or ()
    except FileNotFoundError:
        cues = ()
    return frozenset(w.lower() for w in (*extra, *cues))


@lru_cache(maxsize=1)
def _loc_heads() -> frozenset[str]:
    """Head words of place names (the NER's cue list)."""
    try:
        cues = load_yaml("ner_cues.yaml") or {}
    except FileNotFoundError:
        return frozenset()
    return frozenset(w.lower() for w in cues.get("loc_heads") or ())


@lru_cache(maxsize=1)
def _heads() -> frozenset[str]:
    """Head words of organisation and place names (shared with the NER's cue list)."""
    try:
        cues = load_yaml("ner_cues.yaml") or {}
    except FileNotFoundError:
        return frozenset()
    return frozenset(w.lower() for k in ("org_heads", "loc_heads") for w in cues.get(k) or ())


_APPOSITIVE = re.compile(r"([A-Z][\w'’\-]*(?:[ \t]+[A-Z][\w'’\-]*){1,3})[ \t]*,[ \t]*$")


def _appositive_names(body: str, roles: list[Role], mentions: list[Mention],
                      skip: list[tuple[int, int]], gaz: Gazetteer) -> None:
    """A name of two or more words followed by ", <title>" is a person ("Kevin Rudd, Duta Besar")."""
    for r in roles:
        if not r.has_title:
            continue
        m = _APPOSITIVE.search(body, max(0, r.start - 80), r.start)
        if not m:
            continue
        words = m.group(1).split()
        # Drop sentence-initial words that are ordinary words ("Menurut Kevin Rudd, ...").
        while words and (words[0] in _NOT_NAME or words[0].lower() in gaz.words):
            words.pop(0)
        if len(words) < 2 or words[0].lower() in _heads():
            continue
        end = m.end(1)
        start = end - len(" ".join(words))
        if body[start:end] != " ".join(words):
            continue
        if _covered(mentions, start, end) or _inside(skip, start, end):
            continue
        text = body[start:end]
        mentions.append(Mention(start, end, text, "PER", _text_actor(text, "PER", gaz), "title"))


def _short_names(body: str, mentions: list[Mention], skip: list[tuple[int, int]],
                 gaz: Gazetteer) -> None:
    """Later uses of a person's surname or given name alone ("Rudd", "Tito"), when the
    word belongs to one person of the article only."""
    owners: dict[str, set[str]] = {}
    actor_of: dict[str, GazActor] = {}
    for m in mentions:
        if m.type != "PER" or m.source == "descriptor":
            continue
        toks = m.actor.name.split()
        if len(toks) < 2:
            continue
        actor_of[m.actor.name] = m.actor
        for t in (toks[0], toks[-1]):
            owners.setdefault(t, set()).add(m.actor.name)
    for tok, names in owners.items():
        if len(names) != 1 or len(tok) < 4 or not tok[0].isupper() or _ordinary(tok, gaz):
            continue
        if tok.isupper():
            continue  # an acronym, not a name
        if tok in _NOT_NAME or fold(tok) in gaz.by_name:
            continue
        actor = actor_of[next(iter(names))]
        for s, e in _word_occurrences(body, tok):
            if _covered(mentions, s, e) or _inside(skip, s, e):
                continue
            mentions.append(Mention(s, e, tok, "PER", actor, "partial"))


def _word_occurrences(body: str, word: str) -> list[tuple[int, int]]:
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


def _end_of_words(body: str, pos: int, n: int) -> int:
    it = _TOKEN.finditer(body, pos)
    end = pos
    for _, w in zip(range(n), it):
        end = w.end()
    return end


_HEADED = re.compile(
    r"(?<![\w'’\-])([A-Z][a-z]+)((?:[ \t]+(?:(?:dan|untuk)[ \t]+)?[A-Z][\w'’\-]*){1,6})"
)


def _disambiguate(hits: list[Hit], mentions: list[Mention]) -> None:
    """A curated name two actors share ("Partai Demokrat" in Indonesia and in the US) goes
    to the one whose country the article names most; Indonesian news leans Indonesian."""
    ambiguous = {h.start: h.candidates() for h in hits if len(h.candidates()) > 1}
    if not ambiguous:
        return
    counts: dict[str, float] = {HOME_COUNTRY: 0.5}
    for m in mentions:
        if m.actor.country_code and m.start not in ambiguous:
            counts[m.actor.country_code] = counts.get(m.actor.country_code, 0) + 1
    for m in mentions:
        cands = ambiguous.get(m.start)
        if cands:
            m.actor = max(cands, key=lambda a: counts.get(a.country_code or "", 0))
            m.type = TYPE_OF[m.actor.actor_type]


def _headed_orgs(body: str, mentions: list[Mention], skip: list[tuple[int, int]],
                 gaz: Gazetteer) -> None:
    """A capitalised name that starts with an organisation head word is an organisation
    ("Komite Anti-Teroris Bersama Rusia-Myanmar", "Kantor Jaksa Agung Spanyol"); it may
    contain places and countries, not other actors."""
    heads = _acronym_heads()
    for m in _HEADED.finditer(body):
        toks = list(_WS_TOKEN.finditer(body, m.start(), m.end()))
        # The head may come after a title ("Kepala Departemen Eksternal ...").
        j = next((i for i, t in enumerate(toks) if t.group(0).lower() in heads), None)
        if j is None:
            continue
        words = _name_stop([t.group(0) for t in toks[j:]], gaz)
        # Trailing connectors belong to the sentence, not the name.
        while words and words[-1] in _CONNECTOR:
            words.pop()
        if len(words) < 2:
            continue
        s = toks[j].start()
        e = _end_of_words(body, s, len(words))
        if fold(body[s:e]) in gaz.by_name:
            continue  # a gazetteer name: the gazetteer has had its say ("Dewan Keamanan")
        if _inside(skip, s, e):
            continue
        inner = [x for x in mentions if _overlaps(s, e, x.start, x.end)]
        if any(x.type not in ("LOC", "COUNTRY") or x.start < s or x.end > e for x in inner):
            continue
        if not _capitalised_rest(body, s, e, inner):
            continue
        for x in inner:
            mentions.remove(x)
        text = body[s:e]
        mentions.append(Mention(s, e, text, "ORG", _text_actor(text, "ORG", gaz), "title"))


def _name_stop(words: list[str], gaz: Gazetteer) -> list[str]:
    """Cut an organisation name before two words that news nearly always capitalises and
    that no gazetteer knows: a person's name follows ("Kepala Departemen Eksternal | Maria
    Victoria ...")."""
    cas = _casing()
    if not cas:
        return words
    for i in range(1, len(words) - 1):
        a, b = words[i], words[i + 1]
        if (cas.get(a.lower()) in ("A", "M") and cas.get(b.lower()) in ("A", "M")
                and fold(a) not in gaz.by_name and fold(b) not in gaz.by_name
                and a.lower() not in _acronym_heads()):
            return words[:i]
    return words


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w not in _CONNECTOR).upper()


def _acronym_suffix(words: list[str], acr: str) -> list[str]:
    """The words the acronym abbreviates: "Ekonom Universitas Gadjah Mada (UGM)" -> the last three."""
    for i in range(len(words) - 1):
        if _initials(words[i:]) == acr.upper():
            return words[i:]
    return words


def _acronyms(body: str, mentions: list[Mention], skip: list[tuple[int, int]],
              gaz: Gazetteer) -> None:
    """Learn "Long Name (ACR)" definitions and map every use of ACR to the long name."""
    learned: dict[str, GazActor] = {}
    for m in _ACRONYM.finditer(body):
        if _inside(skip, m.start(), m.end()):
            continue
        acr = m.group("acr")
        open_paren = m.start()
        head = body[:open_paren]
        long_m = next((x for x in mentions if x.end <= open_paren and
                       not body[x.end:open_paren].strip()), None)
        if long_m is not None and long_m.type == "ORG":
            actor = long_m.actor
        else:
            lb = _LONG_BEFORE.search(head[-200:])
            if not lb:
                continue
            words = lb.group(1).split()
            while words and words[0] in _CONNECTOR:
                words.pop(0)
            words = _acronym_suffix(words, acr)
            if len(words) < 2:
                continue
            text = " ".join(words)
            start = head.rstrip().rfind(text)
            if start < 0 or (long_m is not None and start >= long_m.start):
                continue  # "Amerika Serikat (AS)": the name is already known as what it is
            inner = [x for x in mentions if _overlaps(start, start + len(text), x.start, x.end)]
            # The defined name may contain a place ("... Rakyat Zanzibar (FPRZ)"), nothing else.
            if any(x.type not in ("LOC", "COUNTRY") or x.start < start or x.end > start + len(text)
                   for x in inner):
                continue
            for x in inner:
                mentions.remove(x)
            eng = m.group("eng") or ""
            if not (_acronym_heads() & {w.lower() for w in _TOKEN.findall(text + " " + eng)}):
                continue  # a programme or a document ("Kartu Keluarga (KK)"), not a body
            actor = _text_actor(text, "ORG", gaz)
            mentions.append(Mention(start, start + len(text), text, "ORG", actor, "acronym"))
        if actor.actor_type not in ("organization", "group"):
            continue
        learned[acr] = actor
        eng = m.group("eng")
        if eng:
            s = m.start("eng")
            e = s + len(eng.rstrip())
            if not _covered(mentions, s, e):
                mentions.append(Mention(s, e, body[s:e], "ORG", actor, "acronym"))
    for acr, actor in learned.items():
        for s, e in _word_occurrences(body, acr):
            if _inside(skip, s, e):
                continue
            hit = next((x for x in mentions if _overlaps(s, e, x.start, x.end)), None)
            if hit is None:
                mentions.append(Mention(s, e, acr, "ORG", actor, "acronym"))
            elif (hit.start, hit.end) == (s, e) and hit.type == "ORG":
                hit.actor = actor  # the article's own definition wins


def _attach_roles(body: str, roles: list[Role], mentions: list[Mention]) -> None:
    """Give each person the role phrase right before it, else the one after "Name, "."""
    persons = [m for m in mentions if m.type == "PER"]
    used: set[int] = set()
    for m in persons:
        r = role_before(body, roles, m.start)
        if r is not None:
            m.role = r
            used.add(id(r))
    for m in persons:
        if m.role is None:
            r = role_after(body, roles, m.end)
            # Skip a chain that already introduces the next name ("X, menteri Y Name").
            if r is not None and id(r) not in used and not any(
                p.start > r.end and role_before(body, roles, p.start) is r for p in persons
            ):
                m.role = r


def _resolve_partials(mentions: list[Mention]) -> None:
    """Map partial person names to the unique full name of the same article."""
    persons = [m for m in mentions if m.type == "PER"]
    names = sorted({m.actor.name for m in persons})
    links = link_partial_names(names)
    if not links:
        return
    by_name = {}
    for m in persons:
        by_name.setdefault(m.actor.name, m.actor)
    for m in persons:
        target = links.get(m.actor.name)
        if target is not None:
            m.actor = by_name[target]
            if m.source != "gazetteer":
                m.source = "partial"


_AKA = re.compile(r"[ \t]*,?[ \t]+(?:atau|alias|yang akrab disapa|yang biasa disapa)[ \t]+")


def _aka_names(body: str, mentions: list[Mention], gaz: Gazetteer) -> None:
    """"Immanuel Ebenezer atau Noel": the second name is the same person."""
    persons = [m for m in mentions if m.type == "PER"]
    for m in persons:
        g = _AKA.match(body, m.end)
        if not g:
            continue
        nxt = next((x for x in persons if x.start == g.end()), None)
        if nxt is not None and nxt.actor.source == "text" and _nickname_of(nxt.text, m.actor.name):
            old = nxt.actor
            for x in persons:
                if x.actor is old:
                    x.actor = m.actor
        elif nxt is None:
            n = _NAME.match(body, g.end())
            if (n and not _covered(mentions, n.start(), n.end()) and n.group(0) not in _NOT_NAME
                    and _nickname_of(n.group(0), m.actor.name)):
                # Every use of the other name is this person.
                for s, e in _word_occurrences(body, n.group(0)):
                    if not _covered(mentions, s, e):
                        mentions.append(Mention(s, e, body[s:e], "PER", m.actor, "partial"))
                        persons.append(mentions[-1])


def _nickname_of(short: str, full: str) -> bool:
    """"Noel" for "Immanuel Ebenezer", "Eddy Hiariej" for "Edward Omar Sharif Hiariej"; two
    unrelated full names joined by "atau" ("Budi Santoso atau Andi Wijaya") are two people."""
    st = short.split()
    return len(st) == 1 or bool(set(st) & set(full.split()))


def _drop_common_words(body: str, mentions: list[Mention], gaz: Gazetteer) -> None:
    """Tagged or titled "persons" made only of ordinary words ("Relawan", "Kebutuhan Barang
    Milik Negara") are not names. Curated actors and names linked to a fuller name stay.

    "Ordinary" goes by how often news capitalises the word mid-sentence (the NER's casing
    table), so that names made of dictionary words ("Muhammad Haris", "Dewi Sari") stay.
    """
    for m in list(mentions):
        if m.type != "PER" or m.actor.source != "text" or m.source == "descriptor":
            continue
        words = [w.lower() for w in _TOKEN.findall(m.text)]
        if not words or not all(_ordinary(w, gaz) or w in _cue_titles() for w in words):
            continue
        # One word may still be a name ("Jeri"), unless the article also uses it as an
        # ordinary word, it is a title, or news rarely capitalises it ("Keuangannya").
        w = words[0]
        if (len(words) > 1 or w in _cue_titles() or _casing().get(w) in ("R", "N")
                or (not _casing() and w not in gaz.words) or _word_occurrences(body, w)):
            mentions.remove(m)


def _casing() -> dict[str, str]:
    """The NER's table of how often news capitalises each word mid-sentence (A, M, S, R,
    N: always ... never); empty without the model."""
    from flows.actors import load_ner

    tagger = load_ner()
    res = getattr(tagger, "resources", None)
    return getattr(res, "casing", None) or {}


def _ordinary(word: str, gaz: Gazetteer) -> bool:
    """Whether ``word`` is an ordinary word rather than (part of) a name."""
    bucket = _casing().get(word.lower())
    if bucket in ("R", "N"):
        return True
    if bucket in ("A", "M"):
        return False
    return gaz.is_word(word)


def _descriptors(body: str, roles: list[Role], mentions: list[Mention]) -> None:
    """Resolve "pemimpin junta" / "sang jenderal" to the one person whose role fits."""
    attached = {id(m.role) for m in mentions if m.role is not None}
    persons: dict[str, tuple[GazActor, set[str]]] = {}
    for m in mentions:
        if m.type != "PER":
            continue
        actor, texts = persons.setdefault(normalise_name(m.actor.name), (m.actor, set()))
        if m.role is not None:
            texts.add(m.role.text.lower())
        if m.actor.role:
            texts.add(m.actor.role.lower())
    for r in roles:
        if not r.descriptor_matches or id(r) in attached:
            continue
        fits = [a for a, texts in persons.values()
                if any(k in t for t in texts for k in r.descriptor_matches)]
        if len(fits) != 1:
            continue
        # The mention covers the descriptor words only, not the country after them.
        s, e = r.descriptor_span
        if _covered(mentions, s, e):
            continue
        mentions.append(Mention(s, e, body[s:e], "PER", fits[0], "descriptor", None))


def with_role(m: Mention, role: Role | None) -> Mention:
    """A copy of ``m`` with another role (helper for tests and callers)."""
    return replace(m, role=role)
