"""The NER's token features: one home for the trainer and both decoders.

``sentence_features`` spells each token's features as strings, as crfsuite trains
on them (``scripts/train_ner.py``) and as ``NerTagger.tag_tokens`` tags with them;
``ner_decode.BatchDecoder`` scores the same templates with numpy, from the per-token
part (:func:`token_info`) and the casing and gazetteer classes computed here. A test
checks that both give the same tags.

The word lists the features look up (:class:`Resources`) are stored beside the model:

* ``ner-id.casing.tsv`` how often each word is capitalised inside a sentence in
  unlabelled news text (a cheap "is this usually a name?" signal),
* ``ner-id.gaz.tsv``    country and city names used as gazetteer features,
* ``ner-id.names.tsv``  words seen inside PER/ORG/LOC names of the lower-cased
  NERP corpus (a word list, not training sentences),
* ``ner-id.clusters.tsv`` word clusters (64, 256 and 1,024 of them) learned from unlabelled
  news by ``scripts/build_clusters.py`` (``make clusters``).

Cue words (titles, organisation heads, place cues) come from the user-extendable
lexicon ``ner_cues.yaml``; PySastrawi's root-word list says which words are ordinary
vocabulary.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from warta.lexicon import load_yaml

MODEL_STEM = "ner-id"
FEATURE_VERSION = 3
ENTITY_TYPES = ("PER", "ORG", "LOC")

# A token is a word (letters/digits joined by inner hyphens, apostrophes or dots, so
# "undang-undang", "PDI-P", "Kompas.com" and "2.000" stay whole) or one other symbol.
# This matches how the gold data splits punctuation off words.
_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]")
UPPER = re.compile(r"[A-Z]")

# Cue classes from ner_cues.yaml, one letter each so feature strings stay short.
_CUE_CLASSES = {
    "titles": "t",
    "speech_verbs": "v",
    "org_heads": "o",
    "loc_heads": "l",
    "loc_preps": "p",
    "name_continuers": "c",
    "function_words": "f",
    "known_orgs": "k",
    "org_tails": "s",
}


def tokenize(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) character spans of the tokens of ``text``."""
    return [m.span() for m in _TOKEN.finditer(text)]


def bio_to_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Turn BIO tags into (first token, end token exclusive, type) entity spans.

    An ``I-`` tag that does not continue an entity of the same type starts a new
    one, as conlleval does.
    """
    spans: list[tuple[int, int, str]] = []
    start, etype = -1, ""
    for i, tag in enumerate(tags):
        if tag.startswith("B-") or (tag.startswith("I-") and tag[2:] != etype):
            if etype:
                spans.append((start, i, etype))
            start, etype = i, tag[2:]
        elif not tag.startswith("I-"):
            if etype:
                spans.append((start, i, etype))
            start, etype = -1, ""
    if etype:
        spans.append((start, len(tags), etype))
    return spans


@dataclass
class Resources:
    """Word lists the features look up: cue classes, casing buckets, gazetteer."""

    cues: dict[str, str] = field(default_factory=dict)
    casing: dict[str, str] = field(default_factory=dict)
    gazetteer: dict[tuple[str, ...], str] = field(default_factory=dict)
    gaz_max: int = 1
    # first word of each gazetteer entry -> length of the longest entry it starts
    gaz_first: dict[str, int] = field(default_factory=dict)
    clusters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    roots: frozenset[str] = frozenset()
    names: dict[str, str] = field(default_factory=dict)
    # Per-token features that do not depend on context, filled as tokens are seen.
    token_cache: dict[tuple[str, bool], tuple] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, model_dir: Path) -> "Resources":
        """Load the cue lexicon and the casing/gazetteer files beside the model."""
        return cls(
            cues=load_cues(),
            casing=read_pairs(model_dir / f"{MODEL_STEM}.casing.tsv"),
            **gazetteer_fields(read_pairs(model_dir / f"{MODEL_STEM}.gaz.tsv")),
            clusters=read_clusters(model_dir / f"{MODEL_STEM}.clusters.tsv"),
            roots=load_root_words(),
            names=read_pairs(model_dir / f"{MODEL_STEM}.names.tsv"),
        )


def load_cues() -> dict[str, str]:
    """Map each lower-cased cue word to the letters of its cue classes."""
    data = load_yaml("ner_cues.yaml")
    cues: dict[str, str] = {}
    for name, letter in _CUE_CLASSES.items():
        for word in data.get(name) or []:
            word = str(word).lower()
            if letter not in cues.get(word, ""):
                cues[word] = cues.get(word, "") + letter
    return cues


def load_root_words() -> frozenset[str]:
    """Indonesian root words from PySastrawi's dictionary (empty if it is missing)."""
    try:
        import Sastrawi
    except ImportError:
        return frozenset()
    path = Path(Sastrawi.__file__).parent / "Stemmer" / "data" / "kata-dasar.txt"
    if not path.is_file():
        return frozenset()
    return frozenset(w.strip() for w in path.read_text(encoding="utf-8").split() if w.strip())


def read_clusters(path: Path) -> dict[str, tuple[str, ...]]:
    """``word -> (coarse, middle, fine)`` cluster ids (empty if the file is missing)."""
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        return {r[0]: tuple(r[1:4]) for r in csv.reader(fh, delimiter="\t") if len(r) >= 4}


def read_pairs(path: Path) -> dict[str, str]:
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        return {row[0]: row[1] for row in csv.reader(fh, delimiter="\t") if len(row) >= 2}


def gazetteer_fields(pairs: dict[str, str]) -> dict:
    gaz = {tuple(name.split()): kind for name, kind in pairs.items()}
    first: dict[str, int] = {}
    for key in gaz:
        first[key[0]] = max(first.get(key[0], 0), len(key))
    return {"gazetteer": gaz, "gaz_max": max((len(k) for k in gaz), default=1), "gaz_first": first}


def token_shape(tok: str) -> str:
    """Collapsed character shape: "Jakarta" -> "Xx", "PDI-P" -> "X-X", "2014" -> "d"."""
    out = []
    for ch in tok:
        if ch.isupper():
            c = "X"
        elif ch.islower():
            c = "x"
        elif ch.isdigit():
            c = "d"
        else:
            c = ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def case_class(tok: str) -> str:
    """One letter for the token's casing: Title, Upper, lower, digit, punct, mixed."""
    first = tok[0]
    if first.isupper():
        if tok.isupper() and len(tok) > 1:
            return "U"
        return "T"
    if tok.islower():
        return "l"
    if tok.isdigit():
        return "d"
    if not first.isalnum():
        if len(tok) > 1 and tok[1:2].isupper():
            return "(U" if tok.strip("()").isupper() else "(T"
        return "p"
    return "m"


def gazetteer_tags(lower: list[str], res: Resources) -> list[str]:
    """Longest-match gazetteer labels per token: "B-country", "I-city", or ""."""
    tags = [""] * len(lower)
    if not res.gazetteer:
        return tags
    first = res.gaz_first or {w[0]: res.gaz_max for w in res.gazetteer}
    i, n = 0, len(lower)
    while i < n:
        longest = first.get(lower[i], 0)
        for k in range(min(longest, n - i), 0, -1):
            kind = res.gazetteer.get(tuple(lower[i : i + k]))
            if kind:
                tags[i] = "B-" + kind
                for j in range(i + 1, i + k):
                    tags[j] = "I-" + kind
                i += k
                break
        else:
            i += 1
    return tags


def cached_token_info(tok: str, cased: bool, res: Resources) -> tuple:
    """Everything about one token that does not depend on its neighbours (cached)."""
    key = (tok, cased)
    info = res.token_cache.get(key)
    if info is not None:
        return info
    info = token_info(tok, cased, res)
    if len(res.token_cache) > 500_000:  # bound memory on endless streams
        res.token_cache.clear()
    res.token_cache[key] = info
    return info


_NO_CLUSTER = ("", "", "")


def token_info(tok: str, cased: bool, res: Resources) -> tuple:
    """``(lower, case class, cue letters, casing bucket, coarse cluster, middle cluster, own
    feature strings)`` of one token: everything that does not depend on its neighbours (uncached)."""
    w = tok.lower()
    c = case_class(tok) if cased else "?"
    q = res.cues.get(w, "")
    k = res.casing.get(w, "?")
    e1, e2, e3 = res.clusters.get(w, _NO_CLUSTER)
    own = ["b", "w=" + w, "k=" + k]
    if e1:
        own += ["e1=" + e1, "e2=" + e2, "e3=" + e3]
    if w in res.roots:
        own.append("root")
    nm = res.names.get(w)
    if nm:
        own.append("n=" + nm)
    if len(w) > 2 and w[0].isalpha():
        own += ["p2=" + w[:2], "p3=" + w[:3], "s2=" + w[-2:], "s3=" + w[-3:], "s4=" + w[-4:]]
    if cased:
        own += ["c=" + c, "sh=" + token_shape(tok)[:6], "ck=" + c + k]
    if q:
        own.append("q=" + q)
    return (w, c, q, k, e1, e2, own)


FIRST_AFTER = frozenset(('"', "“", "'", "(", ":"))


def _neighbours(f: list[str], name: str, padded: list[str], j: int, offsets: tuple[int, ...]) -> None:
    """Add ``name-1=value`` features for the non-empty values at ``j``'s offsets in ``padded``."""
    for k in offsets:
        if padded[j + k]:
            f.append(f"{name}{k:+d}=" + padded[j + k])


def sentence_features(tokens: list[str], res: Resources) -> list[list[str]]:
    """Return the CRF feature strings of each token of one sentence.

    Casing features are left out of sentences that have no upper-case letter at
    all (the lower-cased NERP corpus), so that lower-cased training text teaches
    word identities without teaching that names may be lower-case.
    """
    n = len(tokens)
    cased = any(UPPER.search(t) for t in tokens)
    infos = [cached_token_info(t, cased, res) for t in tokens]
    lower = [x[0] for x in infos]
    cls = [x[1] for x in infos]
    cue = [x[2] for x in infos]
    gaz = gazetteer_tags(lower, res)
    pad_w = ["<s>", "<s>", *lower, "</s>", "</s>"]
    pad_c = ["^", "^", *cls, "$", "$"]
    pad_q = ["", "", *cue, "", ""]
    pad_k = ["^", "^", *(x[3] for x in infos), "$", "$"]
    pad_e = ["", "", *(x[4] for x in infos), "", ""]
    pad_m = ["", "", *(x[5] for x in infos), "", ""]
    feats: list[list[str]] = []
    for i in range(n):
        w = lower[i]
        j = i + 2
        wp, wn = pad_w[j - 1], pad_w[j + 1]
        f = infos[i][6] + [
            "w-1=" + wp,
            "w+1=" + wn,
            "w-2=" + pad_w[j - 2],
            "w+2=" + pad_w[j + 2],
            "w-1w=" + wp + "|" + w,
            "ww+1=" + w + "|" + wn,
            "k-1=" + pad_k[j - 1],
            "k+1=" + pad_k[j + 1],
        ]
        _neighbours(f, "e1", pad_e, j, (-1, 1))
        _neighbours(f, "e2", pad_m, j, (-1, 1))
        if cased:
            c = cls[i]
            cp, cn = pad_c[j - 1], pad_c[j + 1]
            f += [
                "c-1=" + cp,
                "c+1=" + cn,
                "c-2=" + pad_c[j - 2],
                "c+2=" + pad_c[j + 2],
                "c-1c=" + cp + c,
                "cc+1=" + c + cn,
                "c-1cc+1=" + cp + c + cn,
            ]
            if i == 0 or wp in FIRST_AFTER:
                f.append("first" + c)
        _neighbours(f, "q", pad_q, j, (-1, 1, -2))
        g = gaz[i]
        if g:
            f.append("g=" + g)
        # A country or city right before or after: "Menteri Luar Negeri Rusia Sergei Lavrov".
        if i > 0 and gaz[i - 1]:
            f.append("g-1=" + gaz[i - 1] + ("|" + g[:1] if g else ""))
        if i + 1 < n and gaz[i + 1]:
            f.append("g+1=" + gaz[i + 1])
        # A title a few words back: "Menteri Pertahanan Rusia Andrei Belousov".
        for k in range(max(0, i - 4), max(0, i - 1)):
            if "t" in cue[k]:
                f.append("tw")
                break
        # An acronym defined in parentheses right after a name: "Mahkamah Konstitusi (MK)".
        if i + 3 < n and lower[i + 1] == "(" and lower[i + 3] == ")" and cls[i + 2] == "U":
            f.append("acr_next")
        if wp == "(" and wn == ")" and cls[i] == "U":
            f.append("acr_in")
        feats.append(f)
    return feats
