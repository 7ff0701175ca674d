"""Persons: titled and appositive names, short names, aliases, roles, descriptors, and
the filters that keep ordinary words and places out of the persons."""

from __future__ import annotations

import re

from warta.actors.common import (
    NAME,
    TOKEN,
    Mention,
    covered,
    cue_list,
    cue_titles,
    end_of_words,
    inside,
    name_heads,
    news_casing,
    not_names,
    ordinary_word,
    org_heads,
    overlaps,
    sentence_initial,
    text_actor,
    word_occurrences,
)
from warta.actors.gazetteer import GazActor, Gazetteer, Hit, fold
from warta.actors.resolve import link_partial_names, normalise_name
from warta.actors.roles import Role, role_after, role_before
from warta.text.dates import MONTHS, WEEKDAYS

_TITLE_GAP = re.compile(r"[ \t]*(?:,[ \t]*)?")


_PREV_NAME = re.compile(r"([A-Z][\w'’\-]+)[ \t]+$")


def other_bearers(body: str, mentions: list[Mention], title_hits: list[Hit],
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
        if (word in not_names() or ordinary_word(word, gaz) or word.lower() in cue_titles()
                or sentence_initial(body, s)):
            continue  # "Pak Jokowi" is Jokowi
        if any(h.start <= s < h.end for h in title_hits) or any(
            x is not m and overlaps(s, m.start, x.start, x.end) for x in mentions
        ):
            continue
        m.start, m.text, m.source = s, body[s : m.end], "partial"
        m.actor = text_actor(m.text, "PER", gaz)
    for m in mentions:
        # And a curated given name before other name words: "Retno Utami Yulianingsih".
        if m.source != "gazetteer" or m.type != "PER" or " " in m.text:
            continue
        if normalise_name(m.text) == normalise_name(m.actor.name):
            continue
        nm = _NEXT_NAMES.match(body, m.end)
        if nm is None or not _someone_elses(nm.group(1), set(m.actor.name.split())):
            continue
        first = nm.group(1)
        if first in not_names() or ordinary_word(first, gaz) or any(
                x is not m and overlaps(m.end, nm.end(), x.start, x.end) for x in mentions):
            continue
        m.end, m.text, m.source = nm.end(), body[m.start : nm.end()], "partial"
        m.actor = text_actor(m.text, "PER", gaz)


def titled_names(body: str, roles: list[Role], mentions: list[Mention],
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
        m = NAME.match(body, pos)
        if not m:
            continue
        words = m.group(0).split()
        # "Juru bicara Kremlin, Dmitry Peskov, ..." : after a comma the name must close
        # the appositive with another comma.
        if "," in gap.group(0) and not re.match(r"[ \t]*(?:[,.;:!?\n]|$)", body[m.end():m.end() + 3]):
            continue
        if words[0].lower() in name_heads() or words[0].lower() in org_heads():
            continue  # "kepala Badan Pusat Statistik" names a body, not a person
        # Stop at words that begin another clause or a known actor.
        kept = []
        for w in words:
            if w in not_names():
                break
            kept.append(w)
        if not kept:
            continue
        end = end_of_words(body, pos, len(kept))
        if any(pos < x.start < end for x in roles):
            continue  # "Kapolsek Mallusetasi AKP Iriansyah": the last title introduces the name
        if covered(mentions, pos, end) or inside(skip, pos, end):
            continue
        text = body[pos:end]
        mentions.append(Mention(pos, end, text, "PER", text_actor(text, "PER", gaz), "title"))


_APPOSITIVE = re.compile(r"([A-Z][\w'’\-]*(?:[ \t]+[A-Z][\w'’\-]*){1,3})[ \t]*,[ \t]*$")


_CHAIN_GAP = re.compile(r"[ \t]+")
_COMMA = re.compile(r"[ \t]*,[ \t]*")


def chained_title_names(body: str, roles: list[Role], mentions: list[Mention], gaz: Gazetteer) -> None:
    """A name between commas after a title and the bodies it heads is a person ("Ketua DPD
    PDI Perjuangan Jatim, Kusnadi, membantah"), whatever place the tagger took it for."""
    starts = {m.start: m for m in mentions}
    for r in roles:
        if not r.has_title:
            continue
        pos, chained = r.end, False
        while True:  # past the bodies and places the title heads ("DPD PDI Perjuangan Jatim")
            gap = _CHAIN_GAP.match(body, pos)
            nxt = starts.get(gap.end()) if gap else None
            if nxt is None or nxt.type not in ("ORG", "LOC", "COUNTRY"):
                break
            pos, chained = nxt.end, True
        comma = _COMMA.match(body, pos) if chained else None
        name = starts.get(comma.end()) if comma else None
        if name is None or name.type != "LOC" or name.source != "ner" or not _COMMA.match(body, name.end):
            continue
        if name.text.split()[0].lower() in cue_list("loc_heads"):
            continue  # "Kepala Dusun Prebutan, Desa Kemejing,": a place said as one
        name.type, name.actor = "PER", text_actor(name.text, "PER", gaz)


def appositive_names(body: str, roles: list[Role], mentions: list[Mention],
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
        while words and (words[0] in not_names() or words[0].lower() in gaz.words):
            words.pop(0)
        if len(words) < 2 or words[0].lower() in name_heads():
            continue
        end = m.end(1)
        start = end - len(" ".join(words))
        if body[start:end] != " ".join(words):
            continue
        if covered(mentions, start, end) or inside(skip, start, end):
            continue
        text = body[start:end]
        mentions.append(Mention(start, end, text, "PER", text_actor(text, "PER", gaz), "title"))


def short_names(body: str, mentions: list[Mention], skip: list[tuple[int, int]],
                 gaz: Gazetteer) -> None:
    """Later uses of a person's surname or given name alone ("Rudd", "Tito"), when the
    word belongs to one person of the article only; a name word that is also an ordinary
    word only right after a title ("AKBP Lalu")."""
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
        if len(names) != 1 or not tok[0].isupper():
            continue
        actor = actor_of[next(iter(names))]
        # Three letters are a name ("Tri", "Adi") only for a name read from the text; a
        # curated entry lists its short forms itself, and "Min" of Min Aung Hlaing is none.
        if len(tok) < 3 or (len(tok) == 3 and actor.source != "text"):
            continue
        if tok.isupper():
            continue  # an acronym, not a name
        if tok in not_names() or fold(tok) in gaz.by_name:
            continue
        # A name that is also a word ("Lalu" of Lalu Muhammad) is the name only after a title.
        titled_only = ordinary_word(tok, gaz)
        own = set(actor.name.split())
        for s, e in word_occurrences(body, tok):
            if covered(mentions, s, e) or inside(skip, s, e) or _other_full_name(body, e, own):
                continue
            if titled_only and not _after_title(body, s):
                continue
            mentions.append(Mention(s, e, tok, "PER", actor, "partial"))


_PREV_WORD = re.compile(r"(\w+)[ \t]+$")


def _previous_word(body: str, start: int) -> str | None:
    """The word right before ``start``, lower-cased (within 30 characters)."""
    m = _PREV_WORD.search(body, max(0, start - 30), start)
    return m.group(1).lower() if m else None


def _after_title(body: str, start: int) -> bool:
    """Whether a title or rank word stands right before ``start`` ("AKBP Lalu")."""
    return _previous_word(body, start) in cue_titles()


_NEXT_NAMES = re.compile(r"[ \t]+([A-Z][a-z][\w'’\-]*)(?:[ \t]+[A-Z][a-z][\w'’\-]*){0,2}")
_NEXT_NAME = re.compile(r"[ \t]+([A-Z][a-z][\w'’\-]*)")


def _other_full_name(body: str, end: int, own: set[str]) -> bool:
    """Whether the name word ending at ``end`` goes on with a name word of someone else
    ("Retno Utami Yulianingsih" in an article about Retno Marsudi)."""
    m = _NEXT_NAME.match(body, end)
    return m is not None and _someone_elses(m.group(1), own)


def _someone_elses(word: str, own: set[str]) -> bool:
    """Whether a capitalised ``word`` after a name belongs to someone else's name: not to the
    person's own (``own``), and not a day or month ("Retno Senin lalu")."""
    return word not in own and word.lower() not in WEEKDAYS and word.lower() not in MONTHS


def attach_roles(body: str, roles: list[Role], mentions: list[Mention]) -> None:
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


def resolve_partials(mentions: list[Mention]) -> None:
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


def aka_names(body: str, mentions: list[Mention], gaz: Gazetteer) -> None:
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
            n = NAME.match(body, g.end())
            if (n and not covered(mentions, n.start(), n.end()) and n.group(0) not in not_names()
                    and _nickname_of(n.group(0), m.actor.name)):
                # Every use of the other name is this person.
                for s, e in word_occurrences(body, n.group(0)):
                    if not covered(mentions, s, e):
                        mentions.append(Mention(s, e, body[s:e], "PER", m.actor, "partial"))
                        persons.append(mentions[-1])


def _nickname_of(short: str, full: str) -> bool:
    """"Noel" for "Immanuel Ebenezer", "Eddy Hiariej" for "Edward Omar Sharif Hiariej"; two
    unrelated full names joined by "atau" ("Budi Santoso atau Andi Wijaya") are two people."""
    st = short.split()
    return len(st) == 1 or bool(set(st) & set(full.split()))


def drop_common_words(body: str, mentions: list[Mention], gaz: Gazetteer) -> None:
    """Tagged or titled "persons" made only of ordinary words ("Relawan", "Kebutuhan Barang
    Milik Negara") are not names. Curated actors and names linked to a fuller name stay.

    "Ordinary" goes by how often news capitalises the word mid-sentence (the NER's casing
    table), so that names made of dictionary words ("Muhammad Haris", "Dewi Sari") stay.
    """
    for m in list(mentions):
        if m.type != "PER" or m.actor.source != "text" or m.source == "descriptor":
            continue
        words = [w.lower() for w in TOKEN.findall(m.text)]
        if not words or not all(ordinary_word(w, gaz) or w in cue_titles() for w in words):
            continue
        # One word may still be a name ("Jeri"), unless the article also uses it as an
        # ordinary word, it is a title, or news rarely capitalises it ("Keuangannya").
        w = words[0]
        if (len(words) > 1 or w in cue_titles() or news_casing().get(w) in ("R", "N")
                or (not news_casing() and w not in gaz.words) or word_occurrences(body, w)):
            mentions.remove(m)


def descriptors(body: str, roles: list[Role], mentions: list[Mention]) -> None:
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
        if covered(mentions, s, e):
            continue
        mentions.append(Mention(s, e, body[s:e], "PER", fits[0], "descriptor", None))


_LIST_GAP = re.compile(r"^[ \t]*(?:,|dan|serta|atau)[ \t]*(?:dan[ \t]+)?$")


_PLACE_BEFORE = frozenset({"di", "bagian", "negara", "provinsi", "kota", "kabupaten",
                           "distrik", "wilayah", "kawasan", "daerah", "region"})


def places_not_persons(body: str, mentions: list[Mention], gaz: Gazetteer) -> None:
    """A tagged "person" after a place word ("negara bagian Karen") or listed with places
    ("Karen dan Shan", "Sagaing dan Mandalay") is a place."""
    mentions.sort(key=lambda m: m.start)
    for i, m in enumerate(mentions):
        if m.type != "PER" or m.source != "ner" or m.actor.source != "text" or m.role is not None:
            continue
        prev = mentions[i - 1] if i > 0 else None
        listed = prev is not None and prev.type in ("LOC", "COUNTRY") and _LIST_GAP.match(
            body[prev.end : m.start])
        if _previous_word(body, m.start) in _PLACE_BEFORE or listed:
            m.type = "LOC"
            m.actor = text_actor(m.text, "LOC", gaz)


def unify_types(mentions: list[Mention]) -> None:
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
