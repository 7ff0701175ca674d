"""Role phrases: titles plus the country or organisation they belong to.

A role chain is a run of adjacent gazetteer hits (titles, qualifiers, descriptors,
countries and organisations) separated only by spaces, such as
"Menteri Pertahanan Rusia" or "Penasihat keamanan nasional junta Laksamana". A chain
right before a person's name, or after "Name, ", is that person's role; it yields the
role text, a sector (from the titles, else from the organisation) and a country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from warta.actors.gazetteer import Hit

_GAP = re.compile(r"[ \t]+")
_ROLE_ACTOR_TYPES = ("country", "organization", "group", "location")


@dataclass
class Role:
    """A role phrase in a body."""

    start: int
    end: int
    text: str
    sector: str | None
    country_code: str | None
    descriptor_matches: tuple[str, ...] = ()  # set when the chain can stand for a person
    has_title: bool = False
    descriptor_span: tuple[int, int] = (0, 0)


def _chain_member(h: Hit) -> bool:
    kinds = h.kinds()
    if kinds & {"title", "descriptor", "qualifier"}:
        return True
    a = h.actor
    return a is not None and a.actor_type in _ROLE_ACTOR_TYPES


def role_chains(body: str, hits: list[Hit]) -> list[Role]:
    """Group adjacent role-like hits into role phrases (each containing a title)."""
    roles: list[Role] = []
    i = 0
    while i < len(hits):
        h = hits[i]
        if not (h.kinds() & {"title", "descriptor"}):
            i += 1
            continue
        j = i
        while j + 1 < len(hits) and _chain_member(hits[j + 1]) and _GAP.fullmatch(
            body[hits[j].end : hits[j + 1].start]
        ):
            j += 1
        chain = hits[i : j + 1]
        # A chain may not end on a qualifier: "Laksamana Moe Aung pada ..." is fine,
        # but "Jenderal itu" keeps "itu" only for descriptor use.
        sector = None
        country = None
        matches: tuple[str, ...] = ()
        d_span = (0, 0)
        for c in chain:
            t = c.entry("title")
            if t is not None and t.sector and sector is None:
                sector = t.sector
            d = c.entry("descriptor")
            if d is not None and not matches:
                matches = d.matches
                d_span = (c.start, c.end)
        for c in chain:
            a = c.actor
            if a is not None and c.entry("title") is None:
                if country is None and a.country_code:
                    country = a.country_code
                if sector is None and a.actor_type != "country" and a.sector:
                    sector = a.sector
        start, end = chain[0].start, chain[-1].end
        roles.append(Role(start, end, body[start:end], sector, country, matches,
                          any(c.entry("title") for c in chain), d_span))
        i = j + 1
    return roles


_BEFORE_NAME = re.compile(r"[ \t]*,?[ \t]*")
_AFTER_NAME = re.compile(r"[ \t]*,[ \t]*")


def role_before(body: str, roles: list[Role], start: int) -> Role | None:
    """The role chain that ends right before ``start`` ("Menteri X Name", "Jubir X, Name")."""
    for r in reversed(roles):
        if r.end <= start:
            gap = body[r.end : start]
            return r if _BEFORE_NAME.fullmatch(gap) and "\n" not in gap else None
    return None


def role_after(body: str, roles: list[Role], end: int) -> Role | None:
    """The role chain that follows ``end`` after a comma ("Name, sekretaris ...")."""
    for r in roles:
        if r.start >= end:
            gap = body[end : r.start]
            return r if _AFTER_NAME.fullmatch(gap) else None
    return None
