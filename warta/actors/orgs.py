"""Organisations: acronym definitions, names opening with a head word, bare institution
names, units named with their body (a legislature's numbered commission, a directorate of a
police region), and curated names two actors share."""

from __future__ import annotations

import re
from functools import lru_cache

from warta.actors.common import (
    TOKEN,
    TYPE_OF,
    WS_TOKEN,
    Mention,
    covered,
    cue_list,
    cue_words,
    end_of_words,
    inside,
    listed,
    merge_mention,
    name_connectors,
    news_casing,
    not_names,
    org_heads,
    overlaps,
    text_actor,
    word_occurrences,
)
from warta.actors.gazetteer import HOME_COUNTRY, GazActor, Gazetteer, Hit, fold
from warta.actors.resolve import normalise_name
from warta.actors.tagged import capitalised_rest

# "Long Name (ACR)" or "Long Name (English Name/ACR)".
_ACRONYM = re.compile(
    r"\((?:(?P<eng>[A-Z][^()/\n]{2,80}?)\s*/\s*)?(?P<acr>[A-Z][A-Za-z]?[A-Z]{1,7})\)"
)


_LONG_BEFORE = re.compile(
    r"((?:[A-Z][\w'’\-]*|untuk|dan|dari|bagi|di|of|for|the|and)(?:[ \t]+"
    r"(?:[A-Z][\w'’\-]*|untuk|dan|dari|bagi|di|of|for|the|and)){1,8})[ \t]*$"
)


_CAPITALISED_RUN = re.compile(r"(?:[A-Z][\w'’\-]*[ \t]+)+")


_NEAR_COUNTRY = re.compile(r"^[ \t]+(?:\w+[ \t]+){0,2}$")


def resolve_bare(body: str, mentions: list[Mention], gaz: Gazetteer) -> None:
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


_HEADED = re.compile(
    r"(?<![\w'’\-])([A-Z][a-z]+)((?:[ \t]+(?:(?:dan|untuk)[ \t]+)?[A-Z][\w'’\-]*){1,6})"
)


def disambiguate(hits: list[Hit], mentions: list[Mention]) -> None:
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


def headed_orgs(body: str, mentions: list[Mention], skip: list[tuple[int, int]],
                 gaz: Gazetteer) -> None:
    """A capitalised name that starts with an organisation head word is an organisation
    ("Komite Anti-Teroris Bersama Rusia-Myanmar", "Kantor Jaksa Agung Spanyol"); it may
    contain places and countries, not other actors."""
    heads = org_heads()
    for m in _HEADED.finditer(body):
        toks = list(WS_TOKEN.finditer(body, m.start(), m.end()))
        # The head may come after a title ("Kepala Departemen Eksternal ...").
        j = next((i for i, t in enumerate(toks) if t.group(0).lower() in heads), None)
        if j is None:
            continue
        words = _name_stop([t.group(0) for t in toks[j:]], gaz)
        # Trailing connectors belong to the sentence, not the name.
        while words and words[-1] in name_connectors():
            words.pop()
        if len(words) < 2:
            continue
        s = toks[j].start()
        e = end_of_words(body, s, len(words))
        if fold(body[s:e]) in gaz.by_name:
            continue  # a gazetteer name: the gazetteer has had its say ("Dewan Keamanan")
        if inside(skip, s, e):
            continue
        inner = [x for x in mentions if overlaps(s, e, x.start, x.end)]
        if any(x.type not in ("LOC", "COUNTRY") or x.start < s or x.end > e for x in inner):
            continue
        if not capitalised_rest(body, s, e, inner):
            continue
        for x in inner:
            mentions.remove(x)
        text = body[s:e]
        mentions.append(Mention(s, e, text, "ORG", text_actor(text, "ORG", gaz), "title"))


def _name_stop(words: list[str], gaz: Gazetteer) -> list[str]:
    """Cut an organisation name before two words that news nearly always capitalises and
    that no gazetteer knows: a person's name follows ("Kepala Departemen Eksternal | Maria
    Victoria ...")."""
    cas = news_casing()
    for i in range(1, len(words)):
        if words[i] in not_names():
            return words[:i]  # "Financial Times | Senin"
    if not cas:
        return words
    for i in range(1, len(words) - 1):
        a, b = words[i], words[i + 1]
        if (cas.get(a.lower()) in ("A", "M") and cas.get(b.lower()) in ("A", "M")
                and fold(a) not in gaz.by_name and fold(b) not in gaz.by_name
                and a.lower() not in org_heads()):
            return words[:i]
    return words


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w not in name_connectors()).upper()


def _acronym_suffix(words: list[str], acr: str) -> list[str]:
    """The words the acronym abbreviates: "Ekonom Universitas Gadjah Mada (UGM)" -> the last three."""
    for i in range(len(words) - 1):
        if _initials(words[i:]) == acr.upper():
            return words[i:]
    return words


_LONG_WORD = re.compile(r"[A-Za-z][a-z\-]*")


def _lowercase_long_form(head: str, acr: str) -> list[str]:
    """The words, the first one lower-case, right before an acronym whose initials spell it
    exactly: "awak mobil tangki (AMT)", "kelompok kriminal bersenjata (KKB)", "pekerja
    migran Indonesia (PMI)". Only as many words as the acronym has letters count."""
    tail: list[str] = []
    for w in reversed(head[-160:].split()):
        if not _LONG_WORD.fullmatch(w):
            return []
        tail.insert(0, w)
        if sum(1 for x in tail if x not in name_connectors()) == len(acr):
            break
    if len(tail) < 2 or not tail[0].islower() or tail[0] in name_connectors():
        return []
    return tail if _initials(tail) == acr.upper() else []


def _misread_place(m: Mention | None, acr: str) -> bool:
    """A place read from the text whose words have an organisation's head and spell the acronym."""
    if m is None or m.type != "LOC" or m.actor.source != "text":
        return False
    words = m.text.split()
    return _initials(words) == acr.upper() and bool(org_heads() & {w.lower() for w in words})


def acronyms(body: str, mentions: list[Mention], skip: list[tuple[int, int]],
              gaz: Gazetteer) -> None:
    """Learn "Long Name (ACR)" definitions and map every use of ACR to the long name."""
    learned: dict[str, GazActor] = {}
    for m in _ACRONYM.finditer(body):
        if inside(skip, m.start(), m.end()):
            continue
        acr = m.group("acr")
        open_paren = m.start()
        head = body[:open_paren]
        long_m = next((x for x in mentions if x.end <= open_paren and
                       not body[x.end:open_paren].strip()), None)
        if long_m is not None and long_m.type == "ORG":
            actor = long_m.actor
        elif _misread_place(long_m, acr):
            # "Gereja Batak Karo Protestan (GBKP)": a body the tagger read as a place
            actor = text_actor(long_m.text, "ORG", gaz)
            long_m.type, long_m.actor, long_m.source = "ORG", actor, "acronym"
        else:
            lb = _LONG_BEFORE.search(head[-200:])
            if lb:
                words = lb.group(1).split()
                while words and words[0] in name_connectors():
                    words.pop(0)
                words = _acronym_suffix(words, acr)
            else:
                words = _lowercase_long_form(head, acr)
            if len(words) < 2:
                continue
            text = " ".join(words)
            start = head.rstrip().rfind(text)
            if start < 0 or (long_m is not None and start >= long_m.start):
                continue  # "Amerika Serikat (AS)": the name is already known as what it is
            end = start + len(text)
            inner = [x for x in mentions if overlaps(start, end, x.start, x.end)]
            spelled = _initials(words) == acr.upper()
            lead = next((x for x in inner if x.type == "ORG" and x.start < start < x.end <= end), None)
            if spelled and lead is not None and _CAPITALISED_RUN.fullmatch(body[lead.start:start]):
                # "Pasukan Penanganan Prasarana dan Sarana Umum (PPSU)": the tagger's organisation
                # opens with a head word the initials leave out
                start, text = lead.start, body[lead.start:end]
            # The defined name may contain a place ("... Rakyat Zanzibar (FPRZ)") and, when the
            # acronym spells it, the tagger's shorter reading of itself, but no mention that
            # reaches outside it.
            if any(x.start < start or x.end > end or (
                    x.type not in ("LOC", "COUNTRY") and not (spelled and x.start == start)) for x in inner):
                continue
            eng = m.group("eng") or ""
            if not (org_heads() & {w.lower() for w in TOKEN.findall(text + " " + eng)}):
                continue  # a programme or a document ("Kartu Keluarga (KK)"), not a body
            for x in inner:
                mentions.remove(x)
            actor = text_actor(text, "ORG", gaz)
            mentions.append(Mention(start, start + len(text), text, "ORG", actor, "acronym"))
        if actor.actor_type not in ("organization", "group"):
            continue
        learned[acr] = actor
        eng = m.group("eng")
        if eng:
            s = m.start("eng")
            e = s + len(eng.rstrip())
            if not covered(mentions, s, e):
                mentions.append(Mention(s, e, body[s:e], "ORG", actor, "acronym"))
    for acr, actor in learned.items():
        for s, e in word_occurrences(body, acr):
            if inside(skip, s, e):
                continue
            hit = next((x for x in mentions if overlaps(s, e, x.start, x.end)), None)
            if hit is None:
                mentions.append(Mention(s, e, acr, "ORG", actor, "acronym"))
            elif (hit.start, hit.end) == (s, e) and hit.type == "ORG":
                hit.actor = actor  # the article's own definition wins


@lru_cache(maxsize=1)
def _numbered_unit() -> re.Pattern[str] | None:
    heads = cue_list("numbered_units")
    if not heads:
        return None
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, heads))})[ \t]+[IVX]{{1,5}}\b")


def numbered_units(body: str, mentions: list[Mention], skip: list[tuple[int, int]], gaz: Gazetteer) -> None:
    """A numbered commission of a legislature is a body of its own, named with the legislature
    written right after it ("Komisi I DPR RI" is Komisi I DPR, not the DPR; "Komisi V" alone
    stays as the tagger read it)."""
    pattern = _numbered_unit()
    if pattern is None:
        return
    for g in pattern.finditer(body):
        start, end = g.span()
        if inside(skip, start, end):
            continue
        parent = next((x for x in mentions if x.start > end and x.type == "ORG" and x.actor.source != "text"
                       and re.fullmatch(r"[ \t]+", body[end:x.start])), None)
        if parent is None:
            continue
        stop = parent.end
        inner = [x for x in mentions if overlaps(start, stop, x.start, x.end)]
        if any(x.start < start or x.end > stop for x in inner):
            continue
        for x in inner:
            mentions.remove(x)
        text = body[start:stop]
        name = re.sub(r"[ \t]+RI$", "", text)  # "Komisi III DPR RI" and "Komisi III DPR" are one body
        mentions.append(Mention(start, stop, text, "ORG", text_actor(name, "ORG", gaz), "ner"))


def parent_units(body: str, mentions: list[Mention], gaz: Gazetteer) -> None:
    """A unit the tagger read apart from the body written right after it is that body's unit
    ("Direktorat Reserse Kriminal Umum Polda Metro Jaya"): every police region and ministry
    has a directorate of the same name, so the name needs the body to say which."""
    heads = cue_words("unit_heads")
    ordered = sorted(mentions, key=lambda x: x.start)
    for m, nxt in zip(ordered, ordered[1:]):
        if m.type != "ORG" or nxt.type != "ORG" or m.actor.source != "text" or nxt.actor.source == "text":
            continue
        words = m.text.split()
        if not words or words[0].lower() not in heads or not re.fullmatch(r"[ \t]+", body[m.end:nxt.start]):
            continue
        if listed(m, mentions) and listed(nxt, mentions):
            merge_mention(body, mentions, m, m.start, nxt.end, "ORG", gaz)
