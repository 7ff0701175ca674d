"""One Aho-Corasick automaton over every gazetteer: countries, cities, curated actors, roles.

The automaton is keyed on case-folded text so that one pass finds every key; each hit is
then checked against its key's case rule, so that short or ambiguous keys match only in
the exact case ("AS" is the United States, "as" is not) and single words only when
capitalised. Build it once per process with :func:`get_gazetteer`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import ahocorasick

from warta.lexicon import load_tsv, load_yaml

# Higher wins when two gazetteers claim the same key.
PRIORITY = {"curated": 4, "template": 3, "bare": 3, "country": 2, "city": 1}
# The country a bare institution name ("Kementerian Pertahanan") means when the article
# names no country for it: the news is Indonesian.
HOME_COUNTRY = "IDN"


@dataclass(frozen=True)
class GazActor:
    """An actor known to a gazetteer."""

    name: str
    actor_type: str  # person | organization | group | country | location
    country_code: str | None = None
    sector: str | None = None
    aliases: tuple[str, ...] = ()
    wikidata_id: str | None = None
    role: str | None = None
    source: str = "curated"
    template: str | None = None  # the template an institution was expanded from
    bare_mode: str | None = None  # bare names: "home" (default Indonesia) or "named" only


@dataclass(frozen=True)
class Entry:
    """What one key means: an actor, a title, a role qualifier or a descriptor."""

    kind: str  # actor | title | qualifier | descriptor
    key: str
    case: str  # exact | cap | any
    actor: GazActor | None = None
    sector: str | None = None
    matches: tuple[str, ...] = ()

    @property
    def priority(self) -> int:
        return PRIORITY.get(self.actor.source, 0) if self.actor else 0


@dataclass
class Hit:
    """A gazetteer match in a text: character span and the entries that fit it."""

    start: int
    end: int
    entries: tuple[Entry, ...] = field(default_factory=tuple)

    @property
    def actor(self) -> GazActor | None:
        """The best actor entry of this hit, if any."""
        best = None
        for e in self.entries:
            if e.actor is not None and (best is None or e.priority > best.priority):
                best = e
        return best.actor if best else None

    def candidates(self) -> list[GazActor]:
        """All actors of the best priority (more than one when a name is ambiguous)."""
        acts = [e for e in self.entries if e.actor is not None]
        if not acts:
            return []
        top = max(e.priority for e in acts)
        out: list[GazActor] = []
        for e in acts:
            if e.priority == top and e.actor not in out:
                out.append(e.actor)
        return out

    def kinds(self) -> set[str]:
        return {e.kind for e in self.entries}

    def entry(self, kind: str) -> Entry | None:
        for e in self.entries:
            if e.kind == kind:
                return e
        return None


# Only words with an Indonesian affix can stem to another root.
_AFFIXED = re.compile(r"^(?:me|di|be|te|pe|ke|se)|(?:an|nya|kan|lah|kah|i)$")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    st = _stemmer()
    return st.stem(word) if st is not None else word


def fold(text: str) -> str:
    """Lower-case ``text`` keeping its length, so offsets stay valid."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _dictionary_words() -> frozenset[str]:
    try:
        import Sastrawi

        path = Path(Sastrawi.__file__).parent / "Stemmer" / "data" / "kata-dasar.txt"
        return frozenset(w.strip() for w in path.read_text(encoding="utf-8").split())
    except (ImportError, OSError):  # the dictionary only sharpens case rules
        return frozenset()


def _case_rule(key: str, kind: str, actor: GazActor | None, words: frozenset[str]) -> str:
    letters = [c for c in key if c.isalpha()]
    if len(key) <= 4 or (letters and all(c.isupper() for c in letters)):
        return "exact"  # acronyms and short keys: "AS", "RI", "PM"
    if kind == "actor" and " " not in key and key[:1].islower():
        return "exact"  # brand spellings such as "detikcom"
    if kind != "actor":
        return "any"
    if " " not in key:
        # A single word that is also an ordinary Indonesian word must match exactly.
        return "exact" if key.lower() in words else "cap"
    if actor is not None and actor.source == "bare":
        return "cap"  # "kementerian kesehatan yang dikelola Hamas" is not a named ministry
    if actor is not None and actor.actor_type in ("organization", "group"):
        # Organisation names appear in lower case too ("kementerian pertahanan Rusia"),
        # but not when a short country key is embedded ("Pemerintah AS").
        short = any(len(t) <= 3 and t.isupper() for t in key.split())
        return "exact" if short else "any"
    return "cap"


# Verbs that scraped text glues to the agency after them ("dilansirAFP"). The regex takes
# each with either case of its first letter; a substring test on the rest of the word
# comes first, because the regex alone scans slowly (no literal prefix).
_GLUE_VERBS = ("lansir", "mengutip", "dikutip")
_GLUE_TAILS = tuple(v[1:] for v in _GLUE_VERBS)
_GLUED = re.compile("(?:" + "|".join(f"[{v[0].upper()}{v[0]}]{v[1:]}" for v in _GLUE_VERBS) + ")(?=[A-Z])")
# Every character that is not a letter or digit becomes a space (same length).
_BLANK = {c: " " for c in range(0x2000, 0x2070)}
_BLANK.update({ord(c): " " for c in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\t\n\r\x0b\x0c\xa0«»‹›"})


def _blank(text: str) -> str:
    return text.translate(_BLANK)


@lru_cache(maxsize=1)
def _stemmer():
    try:
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

        return StemmerFactory().create_stemmer()
    except ImportError:
        return None


class Gazetteer:
    """All gazetteers behind one automaton; :meth:`find` returns non-overlapping hits."""

    def __init__(self) -> None:
        self._auto = ahocorasick.Automaton()
        self._by_key: dict[str, list[Entry]] = {}
        self.by_name: dict[str, GazActor] = {}  # folded canonical name or alias -> actor
        self.countries: dict[str, GazActor] = {}  # ISO3 -> country actor
        self.skip_prefixes: tuple[str, ...] = ()
        self.instances: dict[tuple[str, str], GazActor] = {}  # (template, ISO3) -> actor
        self.words = _dictionary_words()

    def is_word(self, token: str) -> bool:
        """Whether ``token`` is an ordinary Indonesian word (a root, or derived from one)."""
        low = token.lower()
        if low in self.words:
            return True
        if len(low) < 6 or not low.isalpha() or not _AFFIXED.search(low):
            return False
        return _stem(low) in self.words

    # -------------------------------------------------------------- building
    def add(self, key: str, entry: Entry) -> None:
        """Register ``entry`` under ``key`` (case-folded in the automaton)."""
        key = key.strip()
        if not key:
            return
        self._by_key.setdefault(fold(key), []).append(entry)

    def add_actor(self, actor: GazActor, keys: list[str]) -> None:
        """Register an actor under its name and aliases."""
        for k in keys:
            k = k.strip()
            if not k:
                continue
            self.add(k, Entry("actor", k, _case_rule(k, "actor", actor, self.words), actor))
            prev = self.by_name.get(fold(k))
            if prev is None or PRIORITY.get(actor.source, 0) > PRIORITY.get(prev.source, 0):
                self.by_name[fold(k)] = actor

    def finish(self) -> Gazetteer:
        """Compile the automaton; call once after all keys are added."""
        merged: dict[str, list[Entry]] = {}
        for folded, entries in self._by_key.items():
            # Keys are stored between spaces, punctuation blanked, so that the automaton
            # reports whole-word matches only.
            merged.setdefault(" " + _blank(folded) + " ", []).extend(entries)
        for key, entries in merged.items():
            self._auto.add_word(key, (len(key), tuple(entries)))
        self._auto.make_automaton()
        return self

    # -------------------------------------------------------------- matching
    def find(self, text: str) -> list[Hit]:
        """Return leftmost-longest, non-overlapping hits of all keys in ``text``."""
        if not self._by_key:
            return []
        norm = _blank(fold(text))
        # Scraped text glues the agency to the verb ("dilansirAFP"): split them.
        if any(tail in text for tail in _GLUE_TAILS):
            for m in _GLUED.finditer(text):
                norm = norm[: m.end() - 1] + " " + norm[m.end():]
        cands: list[Hit] = []
        for end_idx, (klen, entries) in self._auto.iter(" " + norm + " "):
            # Padded index i is text index i - 1; the key sits between its two spaces.
            start = end_idx - klen + 1
            end = end_idx - 1
            surface = text[start:end]
            ok = tuple(e for e in entries if _case_ok(surface, e))
            if ok:
                cands.append(Hit(start, end, ok))
        cands.sort(key=lambda h: (h.start, -(h.end - h.start)))
        out: list[Hit] = []
        last_end = -1
        for h in cands:
            if h.start >= last_end:
                out.append(h)
                last_end = h.end
        return out


def _case_ok(surface: str, e: Entry) -> bool:
    if e.case == "any":
        return True
    if e.case == "exact":
        return surface == e.key
    return surface[:1].isupper()


def _expand_templates(
    entries: list[dict], countries: dict[str, tuple[str, list[str]]]
) -> list[tuple[GazActor, list[str]]]:
    out = []
    for item in entries:
        if "{country}" not in item["name"]:
            continue
        patterns = [item["name"], *(item.get("aliases") or [])]
        for iso3, (canonical, names) in countries.items():
            actor = GazActor(
                name=item["name"].format(country=canonical),
                actor_type=item.get("type", "organization"),
                country_code=iso3,
                sector=item.get("sector"),
                aliases=(),
                wikidata_id=None,
                source="template",
                template=item["name"],
            )
            keys = [p.format(country=n) for p in patterns for n in names]
            out.append((actor, keys))
        if item.get("bare"):
            # The name without a country ("Kementerian Pertahanan"); resolved per article.
            bare = [p[: -len(" {country}")] for p in patterns
                    if p.endswith(" {country}") and p[:1].isupper()]
            mode = "named" if item["bare"] == "named" else "home"
            actor = GazActor(name=bare[0], actor_type=item.get("type", "organization"),
                             sector=item.get("sector"), source="bare", template=item["name"],
                             bare_mode=mode)
            out.append((actor, bare))
    return out


def build_gazetteer() -> Gazetteer:
    """Load every gazetteer file and compile one automaton."""
    gaz = Gazetteer()
    # Countries: one actor per ISO3, every name a key.
    countries: dict[str, tuple[str, list[str]]] = {}
    for row in load_tsv("countries.tsv"):
        iso3 = row["iso3"].strip()
        canon, names = countries.setdefault(iso3, (row["canonical"].strip(), []))
        names.append(row["name"].strip())
    for iso3, (canon, names) in countries.items():
        actor = GazActor(canon, "country", iso3, None, tuple(n for n in names if n != canon),
                         source="country")
        gaz.countries[iso3] = actor
        gaz.add_actor(actor, [canon, *names])
    # Cities: canonical geonames name, grouped so all alternates share one actor.
    cities: dict[str, tuple[GazActor, list[str]]] = {}
    for row in load_tsv("cities.tsv"):
        gid = row["geonameid"]
        if gid not in cities:
            cities[gid] = (GazActor(row["canonical"], "location", row["iso3"] or None,
                                    source="city"), [])
        cities[gid][1].append(row["name"])
    for actor, keys in cities.values():
        gaz.add_actor(actor, keys)
    # Curated actors and their templates.
    curated = load_yaml("actors.yaml") or []
    for actor, keys in _expand_templates(curated, countries):
        gaz.add_actor(actor, keys)
        if actor.template and actor.country_code:
            gaz.instances[(actor.template, actor.country_code)] = actor
    for item in curated:
        if "{country}" in item["name"]:
            continue
        aliases = tuple(item.get("aliases") or ())
        actor = GazActor(
            name=item["name"],
            actor_type=item.get("type", "organization"),
            country_code=item.get("country"),
            sector=item.get("sector"),
            aliases=aliases,
            wikidata_id=item.get("wikidata"),
            role=item.get("role"),
            source="curated",
        )
        gaz.add_actor(actor, [item["name"], *aliases])
    # Roles: titles, qualifiers, descriptors.
    roles = load_yaml("roles.yaml") or {}
    for t in roles.get("titles") or []:
        k = t["key"]
        gaz.add(k, Entry("title", k, _case_rule(k, "title", None, gaz.words), sector=t.get("sector")))
    for q in roles.get("qualifiers") or []:
        gaz.add(q, Entry("qualifier", q, _case_rule(q, "qualifier", None, gaz.words)))
    for d in roles.get("descriptors") or []:
        k = d["key"]
        gaz.add(k, Entry("descriptor", k, _case_rule(k, "descriptor", None, gaz.words),
                         matches=tuple(m.lower() for m in d.get("matches") or ())))
    gaz.skip_prefixes = tuple(roles.get("skip_lines") or ())
    return gaz.finish()


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """Return the process-wide gazetteer (built on first use)."""
    return build_gazetteer()
