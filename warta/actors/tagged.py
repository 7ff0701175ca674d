"""The statistical NER's spans next to the gazetteer: trimming and arbitration."""

from __future__ import annotations

import re

from warta.actors import common
from warta.actors.common import Mention
from warta.actors.gazetteer import Gazetteer, Hit, fold
from warta.actors.roles import Role, role_before

_PARTICLE = re.compile(r"[a-z]{1,3}-[A-Z]")
_AGE_GROUP = re.compile(r"[ \t]+U[ \t]*-?[ \t]*\d{2}$")
# The rest of an organisation's name after a coordinating word: "... dan Hak Asasi Manusia".
_CONTINUED = re.compile(r"[ \t]+(?:dan|&)[ \t]+[A-Z][\w'’\-]*(?:[ \t]+[A-Z][\w'’\-]*)*$")


_DEGREE = re.compile(r"[A-Z][a-z]{0,2}\.[ ]?[A-Za-z]{1,4}\.?(?:[ ]?[A-Za-z]{1,3}\.?)?")


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


def capitalised_rest(body: str, s: int, e: int, inner: list[Mention]) -> bool:
    """Whether a span has a capitalised word outside the mentions inside it: "Komite ...
    Rusia-Myanmar" has, "Rusia-Myanmar" and "wilayah Palestina" have not."""
    chars = list(body[s:e])
    for m in inner:
        for i in range(m.start - s, m.end - s):
            chars[i] = " "
    return any(w[:1].isupper() for w in common.TOKEN.findall("".join(chars)))


def add_tagged_spans(body: str, ner_spans: list[tuple[int, int, str]], mentions: list[Mention],
                     roles: list[Role], title_hits: list[Hit], skip: list[tuple[int, int]],
                     gaz: Gazetteer) -> None:
    """Add the tagger's spans that the gazetteers do not explain, after trimming them and
    arbitrating with the gazetteer mentions they overlap (see docs/actors.md)."""
    for s, e, t in ner_spans:
        if t not in ("PER", "ORG", "LOC") or common.inside(skip, s, e):
            continue
        nl = body.rfind("\n", s, e)
        if nl >= 0:
            s = nl + 1  # a name does not run across lines ("...CONTENT\nPerry")
        # Names start and end with a capitalised word ("Kementerian Kehutanan skor").
        toks = [x for x in common.TOKEN.finditer(body, s, e)]
        while toks and ((toks[-1].group(0)[:1].islower() and not _PARTICLE.match(toks[-1].group(0)))
                        or toks[-1].group(0) in common.not_names()):
            toks.pop()  # "Nyoto kepadadetikJateng", "Financial Times Senin"; "al-Qassam" stays
        while toks and toks[0].group(0).islower():
            toks.pop(0)
        if not toks:
            continue
        s, e = toks[0].start(), toks[-1].end()
        if (age := _AGE_GROUP.search(body, s, e)) is not None and age.start() > s:
            e = age.start()  # "Persib U-18": the age group is not part of the club's name
        while t == "PER" and s < e:
            # Titles the role list lacks but the NER cue list has ("Kapolresta", "Ketua"),
            # and acronyms of bodies or ranks ("BRIN Muhammad Reza", "AKP Regi Halili").
            tok = common.TOKEN.match(body, s)
            if not tok or tok.end() >= e:
                break
            w = tok.group(0)
            # Initials are part of the name ("BJ Habibie"); a known body's acronym is not.
            if w.lower() not in common.cue_titles() and not (len(w) > 1 and w.isupper() and (
                    fold(w) in gaz.by_name or fold(w) in common.known_org_names())):
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
            if chain.has_title and common.NAME.match(body, s):
                t = "PER"
        # "Kolombia Haendel Rodriguez" (LOC/PER): a country or place opening a tagged span
        # that goes on with a name is the person's nationality, not part of the name.
        if t in ("LOC", "PER"):
            lead = next((m for m in mentions if m.start == s and m.end < e
                         and m.type == "COUNTRY"), None)
            if lead is not None:
                rest = common.NAME.match(body, common.skip_spaces(body, lead.end, e))
                if rest and rest.end() >= e and len(rest.group(0).split()) >= 2:
                    s, t = rest.start(), "PER"
        # A name right after a title ("Menteri Lingkungan Denmark, Magnus Heunicke") is a
        # person whatever the tagger says, unless it opens with an organisation head.
        if t != "PER":
            before = role_before(body, roles, s)
            head = common.TOKEN.match(body, s)
            if (before is not None and before.has_title and head is not None
                    and head.group(0).lower() not in common.org_heads()
                    and len(body[s:e].split()) >= 2):
                t = "PER"
        head = common.TOKEN.match(body, s)
        hw = head.group(0).lower() if head is not None else ""
        if t == "PER" and (hw in common.org_heads() or hw in common.loc_heads()):
            # "Polres Serang AKP": a body (or a place) followed by a rank, not a person.
            t = "ORG" if hw in common.org_heads() else "LOC"
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
        overlapping = [m for m in mentions if common.overlaps(s, e, m.start, m.end)]
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
            head = common.TOKEN.match(body, s)
            org_in_org = (t == "ORG" and head is not None
                          and head.group(0).lower() in common.org_heads()
                          and all(m.start >= head.end() and m.type != "PER" for m in overlapping))
            known = overlapping[0]
            if (t == "ORG" and len(overlapping) == 1 and known.type == "ORG" and known.start == s
                    and _CONTINUED.match(body, known.end, e)):
                # "Kementerian Hukum | dan Hak Asasi Manusia": the known body, named in full.
                known.end, known.text = e, body[s:e]
                continue
            if not (strictly_larger and (inside_ok or org_in_org)
                    and capitalised_rest(body, s, e, overlapping)):
                continue
            for m in overlapping:
                mentions.remove(m)
        text = body[s:e]
        mentions.append(Mention(s, e, text, t, common.text_actor(text, t, gaz), "ner"))

