"""The registry of news sources (outlets and agencies) and publisher detection.

Outlets (``outlets.yaml``) are the sites that publish the articles Warta reads;
agencies (``agencies.yaml``) are the agencies, broadcasters and papers they cite.
Both are data files that users extend.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from warta.lexicon import load_yaml


@dataclass(frozen=True)
class Source:
    """One news source: an outlet that publishes or an agency that is cited."""

    id: str
    name: str
    kind: str
    domains: tuple[str, ...]
    country_code: str | None
    aliases: tuple[str, ...]
    ambiguous: tuple[str, ...]
    signatures: tuple[str, ...]
    title_suffixes: tuple[str, ...]

    @property
    def domain(self) -> str | None:
        """The canonical domain, if any."""
        return self.domains[0] if self.domains else None


def _source(entry: dict) -> Source:
    domains = entry.get("domains") or ([entry["domain"]] if entry.get("domain") else [])
    return Source(
        id=str(entry["id"]),
        name=str(entry.get("name") or entry["id"]),
        kind=str(entry.get("kind") or "other"),
        domains=tuple(str(d).lower() for d in domains),
        country_code=entry.get("country_code"),
        aliases=tuple(str(a) for a in entry.get("aliases") or ()),
        ambiguous=tuple(str(a) for a in entry.get("ambiguous") or ()),
        signatures=tuple(str(s) for s in entry.get("signatures") or ()),
        title_suffixes=tuple(str(s) for s in entry.get("title_suffixes") or ()),
    )


@lru_cache(maxsize=1)
def outlets() -> tuple[Source, ...]:
    """The publishing outlets of ``outlets.yaml`` (plus the user's)."""
    return tuple(_source(e) for e in load_yaml("outlets.yaml"))


@lru_cache(maxsize=1)
def sources() -> dict[str, Source]:
    """Every known source by id: outlets first, then agencies (an outlet id wins)."""
    found: dict[str, Source] = {}
    for entry in list(outlets()) + [_source(e) for e in load_yaml("agencies.yaml")]:
        found.setdefault(entry.id, entry)
    return found


_PRESS_KINDS = frozenset({"outlet", "broadcaster", "news_agency"})


@lru_cache(maxsize=1)
def press_names() -> frozenset[str]:
    """The lower-cased names and aliases of every known outlet, broadcaster and news agency."""
    return frozenset(n.lower() for s in sources().values() if s.kind in _PRESS_KINDS
                     for n in (s.name, *s.aliases, *s.ambiguous))


@lru_cache(maxsize=1)
def _signature_regex() -> re.Pattern[str] | None:
    # One alternation with a named group per outlet: one pass over the text finds them all.
    parts = []
    for i, outlet in enumerate(outlets()):
        if outlet.signatures:
            parts.append(f"(?P<o{i}>" + "|".join(f"(?:{s})" for s in outlet.signatures) + ")")
    return re.compile("|".join(parts), re.MULTILINE) if parts else None


def outlet_from_text(*zones: str) -> str | None:
    """Return the outlet whose in-text signature comes first in the given text zones.

    Pass only the places where publishers sign (the lede, the closing lines):
    a signature in mid-body is more often a citation of another outlet.
    """
    regex = _signature_regex()
    if regex is None:
        return None
    table = outlets()
    for zone in zones:
        if not zone:
            continue
        m = regex.search(zone)
        if m and m.lastgroup:
            return table[int(m.lastgroup[1:])].id
    return None


def host_of(url: str | None) -> str | None:
    """The lower-case host of ``url`` without ``www.``, or None."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.lower()
    return host[4:] if host.startswith("www.") else host


@lru_cache(maxsize=4096)
def outlet_from_host(host: str | None) -> str | None:
    """Return the outlet whose domain is ``host`` or a parent domain of it."""
    if not host:
        return None
    best: tuple[int, str] | None = None
    for outlet in outlets():
        for domain in outlet.domains:
            if host == domain or host.endswith("." + domain):
                # The longest domain wins: depok.pikiran-rakyat.com over pikiran-rakyat.com.
                if best is None or len(domain) > best[0]:
                    best = (len(domain), outlet.id)
    return best[1] if best else None


@lru_cache(maxsize=1)
def _outlet_names() -> dict[str, str]:
    table: dict[str, str] = {}
    for outlet in outlets():
        for n in (outlet.name, *outlet.aliases, *outlet.title_suffixes, *outlet.domains):
            table.setdefault(n.lower(), outlet.id)
    return table


def outlet_from_name(name: str | None) -> str | None:
    """Return the outlet whose name, alias or title suffix equals ``name`` (case-insensitive)."""
    if not name:
        return None
    return _outlet_names().get(name.strip().lower())


@lru_cache(maxsize=1)
def _all_names() -> frozenset[str]:
    names = set()
    for src in sources().values():
        names.update(n.lower() for n in (src.name, *src.aliases, *src.ambiguous, *src.domains))
    return frozenset(names)


def known_name(name: str) -> bool:
    """True if ``name`` (case-insensitive) names a known outlet or agency."""
    return name.strip().lower() in _all_names()


def site_names(outlet_id: str | None) -> tuple[str, ...]:
    """Names by which an outlet signs its page titles (for stripping title suffixes)."""
    if not outlet_id or outlet_id not in sources():
        return ()
    s = sources()[outlet_id]
    return (s.name, *s.title_suffixes, *s.aliases, *s.domains)
