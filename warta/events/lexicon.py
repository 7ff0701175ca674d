"""The trigger lexicon: load ``triggers.yaml`` and ``plover.yaml``, expand affixes, match triggers.

Indonesian verbs carry their voice and role in affixes (me-N-, di-, ber-, -kan, -i, per-an).
Entries name a stem and the affix patterns it takes; :func:`expand` generates the surface
forms with the standard me-N- / pe-N- sound changes. Forms are matched as whole tokens
with one Aho-Corasick automaton over the lower-cased, token-joined text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

import ahocorasick
import yaml

from warta.lexicon import lexicon_paths, load_tsv, load_yaml

_TOKEN = re.compile(r"\w+(?:-\w+)*", re.UNICODE)


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry (shared by all its surface forms)."""

    type: str
    mode: str | None = None
    context: str | None = None
    with_words: tuple[str, ...] = ()
    window: int = 4
    symmetric: bool = False
    inverse: bool = False
    weight: float = 0.8
    target_preps: tuple[str, ...] = ()
    not_after: frozenset[str] = frozenset()
    not_before: frozenset[str] = frozenset()
    requires_target: bool = False
    by_speaker: bool = False  # "X harus ...": the speaker's demand of X
    patient_acts: bool = False  # "pasukan dikerahkan": with no agent, a passive's subject is actor1
    law_agent_only: bool = False  # "X diduga ...": alleged by the body handling the case, never named


@dataclass(frozen=True)
class Form:
    """A surface form of a trigger: the words, whether it is a noun or a di- passive."""

    text: str
    trigger: Trigger
    noun: bool = False
    passive: bool = False
    patient_noun: bool = False  # peN-an nouns: "pembunuhan X" -- X is the target
    agent_noun: bool = False  # peN- nouns: "X menjadi pemasok senjata bagi Y" -- X is the agent


@dataclass(frozen=True)
class TriggerMatch:
    """A trigger found in a text: character span into that text plus token span."""

    start: int
    end: int
    tok_start: int
    tok_end: int
    form: Form


@dataclass
class Lexicon:
    """Compiled trigger lexicon, PLOVER codes and cue word lists."""

    automaton: ahocorasick.Automaton
    plover: dict[str, dict]
    contexts: dict[str, frozenset[str]]
    cues: dict[str, frozenset[str]]
    forms: dict[str, list[Form]] = field(default_factory=dict)


_VOWELS = "aeiou"


def _men(stem: str) -> list[str]:
    """The me-N- prefixed forms of ``stem`` (both variants where usage varies, e.g. k-)."""
    s = stem
    c = s[0]
    if s.startswith("per"):
        return ["mem" + s]
    if c in _VOWELS:
        return ["meng" + s]
    if c in "bfv":
        return ["mem" + s]
    if c == "p":
        return ["mem" + s[1:]]
    if c == "t":
        return ["men" + s[1:]]
    if c in "dcjz":
        return ["men" + s]
    if c == "s":
        return ["meny" + s[1:]]
    if c == "k":
        return ["meng" + s[1:], "meng" + s]  # mengunjungi, mengkritik
    if c in "gh":
        return ["meng" + s]
    return ["me" + s]


def _pen(stem: str) -> list[str]:
    """The pe-N- prefixed forms of ``stem`` (mirrors :func:`_men`)."""
    return ["pe" + f[2:] for f in _men(stem)]


def _ber(stem: str) -> str:
    return ("be" if stem.startswith("r") else "ber") + stem


def expand(stem: str, pattern: str) -> list[tuple[str, bool, bool]]:
    """Expand ``stem`` by an affix pattern into (form, is_noun, is_passive) tuples.

    Patterns: base meN meN-kan meN-i di di-kan di-i ber ber-an ter memper memper-kan
    memper-i diper diper-kan diper-i -an peN (agent noun) peN-an per-an ke-an.
    """
    s = stem
    verbs = {
        "base": [s],
        "meN": _men(s),
        "meN-kan": [f + "kan" for f in _men(s)],
        "meN-i": [f + "i" for f in _men(s)],
        "ber": [_ber(s)],
        "ber-an": [_ber(s) + "an"],
        "ter": ["ter" + s],
        "memper": ["memper" + s],
        "memper-kan": ["memper" + s + "kan"],
        "memper-i": ["memper" + s + "i"],
    }
    passives = {
        "di": ["di" + s],
        "di-kan": ["di" + s + "kan"],
        "di-i": ["di" + s + "i"],
        "diper": ["diper" + s],
        "diper-kan": ["diper" + s + "kan"],
        "diper-i": ["diper" + s + "i"],
    }
    nouns = {
        "-an": [s + "an"],
        "peN": _pen(s),  # the agent: "pemasok", "penyerang"
        "peN-an": [f + "an" for f in _pen(s)],
        "per-an": [("pe" if s.startswith("r") else "per") + s + "an"],
        "ke-an": ["ke" + s + "an"],
    }
    if pattern in verbs:
        return [(f, False, False) for f in verbs[pattern]]
    if pattern in passives:
        return [(f, False, True) for f in passives[pattern]]
    if pattern in nouns:
        return [(f, True, False) for f in nouns[pattern]]
    raise ValueError(f"unknown affix pattern {pattern!r} for stem {stem!r}")


def _norm_form(text: str) -> str:
    return " ".join(_TOKEN.findall(text.lower()))


def _entry_forms(entry: dict) -> list[Form]:
    trig = Trigger(
        type=str(entry["type"]).upper(),
        mode=entry.get("mode"),
        context=entry.get("context"),
        with_words=tuple(_norm_form(w) for w in entry.get("with", []) or []),
        window=int(entry.get("window", 4)),
        symmetric=bool(entry.get("symmetric", False)),
        inverse=bool(entry.get("inverse", False)),
        weight=float(entry.get("weight", 0.8)),
        target_preps=tuple(str(p).lower() for p in entry.get("target_preps", []) or []),
        not_after=frozenset(str(w).lower() for w in entry.get("not_after", []) or []),
        not_before=frozenset(str(w).lower() for w in entry.get("not_before", []) or []),
        requires_target=bool(entry.get("requires_target", False)),
        by_speaker=bool(entry.get("by_speaker", False)),
        patient_acts=bool(entry.get("patient_acts", False)),
        law_agent_only=bool(entry.get("law_agent_only", False)),
    )
    out: list[Form] = []
    for stem, patterns in (entry.get("stems") or {}).items():
        for pat in patterns:
            for text, noun, passive in expand(str(stem).lower(), pat):
                out.append(Form(text, trig, noun, passive, patient_noun=pat == "peN-an", agent_noun=pat == "peN"))
    for v in entry.get("verbs", []) or []:
        text = _norm_form(v)
        # di- forms, and ter- forms of a transitive stem ("tertangkap tangan"), are passives.
        head = text.split()[0]
        passive = head.startswith("di") and len(head) > 4 or head.startswith("ter") and len(head) > 5
        out.append(Form(text, trig, False, passive))
    for n in entry.get("nouns", []) or []:
        out.append(Form(_norm_form(n), trig, True, False))
    for n in entry.get("patient_nouns", []) or []:
        out.append(Form(_norm_form(n), trig, True, False, patient_noun=True))
    return out


def load_merged(name: str) -> dict:
    """Load a sectioned YAML lexicon with the user's file merged one level deeper than
    ``load_yaml`` does: lists in a section are appended, mappings merged (user keys win)."""
    merged: dict = {}
    paths = lexicon_paths(name)
    if not paths:
        return load_yaml(name)  # raises the loader's "not found" error
    for path in paths:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for key, value in data.items():
            have = merged.get(key)
            if isinstance(have, list) and isinstance(value, list):
                have.extend(value)
            elif isinstance(have, dict) and isinstance(value, dict):
                for k, v in value.items():
                    if isinstance(have.get(k), list) and isinstance(v, list):
                        have[k] = have[k] + v
                    else:
                        have[k] = v
            else:
                merged[key] = value
    return merged


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    """Load and compile the trigger lexicon once per process."""
    data = load_merged("triggers.yaml")
    plover = {k.upper(): v for k, v in load_yaml("plover.yaml").items()}
    forms: dict[str, list[Form]] = {}
    for entry in data.get("triggers", []):
        if str(entry["type"]).upper() not in plover:
            raise ValueError(f"triggers.yaml: unknown PLOVER type {entry['type']!r}")
        for form in _entry_forms(entry):
            # Entries claiming one surface form are tried in file order (user entries last):
            # the first whose conditions ("with", "not_after") hold in the text wins.
            forms.setdefault(form.text, []).append(form)
    auto = ahocorasick.Automaton()
    for text, alternatives in forms.items():
        auto.add_word(f" {text} ", (text, tuple(alternatives)))
    auto.make_automaton()
    contexts = {k: frozenset(_norm_form(w) for w in v) for k, v in (data.get("contexts") or {}).items()}
    cues = {k: frozenset(_norm_form(w) for w in v) for k, v in (data.get("cues") or {}).items()}
    # Titles ("Presiden", "Menlu") are shared with the actors stage: one list, in ner_cues.yaml.
    cues["titles"] = frozenset(_norm_form(w) for w in load_yaml("ner_cues.yaml").get("titles") or [])
    cues["capitals"] = capital_names()
    return Lexicon(auto, plover, contexts, cues, forms)


def capital_names() -> frozenset[str]:
    """Every name of a foreign capital (capitals.tsv, with the spellings cities.tsv maps to
    it: "Teheran", "Moskow"), lower-cased: in an actor's place it stands for the government."""
    capitals = {row["capital"] for row in load_tsv("capitals.tsv")}
    names = {c.lower() for c in capitals}
    names.update(row["name"].lower() for row in load_tsv("cities.tsv") if row["canonical"] in capitals)
    return frozenset(names)


def cue_words(name: str) -> frozenset[str]:
    """The word list ``cues.name`` of ``triggers.yaml`` (with the user's additions)."""
    return get_lexicon().cues.get(name, frozenset())


@dataclass(frozen=True)
class Tokens:
    """Lower-cased tokens of a text with their character spans."""

    words: list[str]
    starts: list[int]
    ends: list[int]

    def index_at(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect.bisect_left(self.starts, offset)


def tokenize(text: str) -> Tokens:
    """Split ``text`` into lower-cased word tokens (hyphenated words stay one token)."""
    spans = [m.span() for m in _TOKEN.finditer(text)]
    low = text.lower()
    if len(low) != len(text):  # a few characters change length when lower-cased
        words = [text[a:b].lower() for a, b in spans]
    else:
        words = [low[a:b] for a, b in spans]
    return Tokens(words, [a for a, _ in spans], [b for _, b in spans])


def find_triggers(tokens: Tokens, lexicon: Lexicon | None = None) -> list[TriggerMatch]:
    """Find trigger forms in a tokenised text; overlapping matches keep the longest.

    A hyphenated token ("kerja-sama") is matched as its parts joined by spaces as well.
    """
    lex = lexicon or get_lexicon()
    if not tokens.words:
        return []
    # Hyphens become spaces so "kerja-sama" matches "kerja sama"; the token map stays 1:1.
    # The clitic -nya is dropped for matching: "pertemuannya", "pasukannya".
    joined_words = [
        (w[:-3] if len(w) > 6 and w.endswith("nya") else w).replace("-", " ") for w in tokens.words
    ]
    pieces_start: list[int] = []
    pos = 1
    for w in joined_words:
        pieces_start.append(pos)
        pos += len(w) + 1
    joined = " " + " ".join(joined_words) + " "
    found: list[tuple[int, int, int, int, tuple[Form, ...]]] = []
    for end_idx, (text, alternatives) in lex.automaton.iter(joined):
        # iter() reports the index of the key's trailing space.
        start_c = end_idx - len(text)  # position of the first letter
        end_c = end_idx  # one past the last letter
        ti = bisect.bisect_right(pieces_start, start_c) - 1
        tj = bisect.bisect_right(pieces_start, end_c - 1) - 1
        if pieces_start[ti] != start_c:
            continue  # starts inside a hyphenated token
        if pieces_start[tj] + len(joined_words[tj]) != end_c:
            continue  # ends inside a hyphenated token
        found.append((ti, tj + 1, tokens.starts[ti], tokens.ends[tj], alternatives))
    found.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
    kept: list[TriggerMatch] = []
    taken: set[int] = set()
    for ti, tj, start, end, alternatives in found:
        span = set(range(ti, tj))
        if span & taken:
            continue
        for form in alternatives:
            m = TriggerMatch(start, end, ti, tj, form)
            if _holds(tokens, m):
                kept.append(m)
                taken |= span
                break
    kept.sort(key=lambda m: m.tok_start)
    return kept


def _holds(tokens: Tokens, m: TriggerMatch) -> bool:
    """Whether the conditions of the match's entry hold in the text around it."""
    trig = m.form.trigger
    if trig.with_words and not _has_with(tokens, m):
        return False
    if m.tok_start > 0 and tokens.words[m.tok_start - 1] in trig.not_after:
        return False
    if m.tok_end < len(tokens.words) and tokens.words[m.tok_end] in trig.not_before:
        return False
    # "membubarkan diri", "mendekatkan diri": a reflexive verb is another verb.
    return not (m.tok_end < len(tokens.words) and tokens.words[m.tok_end] == "diri" and "diri" not in m.form.text)


def _strip_nya(word: str) -> str:
    return word[:-3] if len(word) > 6 and word.endswith("nya") else word


def _has_with(tokens: Tokens, m: TriggerMatch) -> bool:
    """Whether one of the trigger's required companion words is near it."""
    trig = m.form.trigger
    lo = m.tok_start - trig.window if m.form.passive else m.tok_start
    window = " ".join(tokens.words[max(0, lo) : m.tok_end + trig.window])
    window = f" {window.replace('-', ' ')} "
    return any(f" {w} " in window for w in trig.with_words)
