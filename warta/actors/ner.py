"""Statistical Indonesian NER: a linear-chain CRF over the features of ``ner_features``.

The model is trained by ``scripts/train_ner.py`` on ``../shared/data/ner`` and stored
under ``Settings.model_dir`` as files sharing the stem ``ner-id``: ``ner-id.crfsuite``
(the CRF weights, python-crfsuite), ``ner-id.json`` (feature version, training data,
dev figures) and the word lists of :class:`ner_features.Resources`.
"""

from __future__ import annotations

import json
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycrfsuite

from warta.actors.ner_decode import BatchDecoder
from warta.actors.ner_features import (
    FIRST_AFTER,
    MODEL_STEM,
    UPPER,
    Resources,
    bio_to_spans,
    sentence_features,
    tokenize,
)
from warta.settings import get_settings
from warta.text.sentences import sentence_spans


@lru_cache(maxsize=1)
def load_ner() -> Any | None:
    """The project's NER tagger, or None while its model is not available."""
    try:
        return NerTagger.load()
    except (FileNotFoundError, OSError, ValueError, RuntimeError):
        # No model, or one this code cannot read: extraction goes on gazetteer-only.
        return None


class NerTagger:
    """A trained CRF tagger with the word lists its features need."""

    _cache: dict[Path, "NerTagger"] = {}
    _lock = threading.Lock()

    def __init__(self, model_path: Path, resources: Resources) -> None:
        self.model_path = Path(model_path)
        self.resources = resources
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(self.model_path))
        self._tag_lock = threading.Lock()
        self._decoder = None
        meta = self.model_path.with_suffix(".json")
        self.meta = json.loads(meta.read_text(encoding="utf-8")) if meta.is_file() else {}

    @classmethod
    def load(cls, model_dir: Path | str | None = None) -> "NerTagger":
        """Load the tagger from ``model_dir`` (default ``Settings.model_dir``), once per process."""
        directory = Path(model_dir) if model_dir is not None else get_settings().model_dir
        key = directory.resolve()
        with cls._lock:
            if key not in cls._cache:
                path = directory / f"{MODEL_STEM}.crfsuite"
                if not path.is_file():
                    raise FileNotFoundError(f"NER model {path} missing: run `make train-ner`")
                cls._cache[key] = cls(path, Resources.load(directory))
            return cls._cache[key]

    def _tag(self, tokens: list[str]) -> list[str]:
        if not tokens:
            return []
        xseq = sentence_features(tokens, self.resources)
        # A pycrfsuite Tagger holds one sequence at a time.
        with self._tag_lock:
            return self._tagger.tag(xseq)

    def tag_tokens(self, sentences: list[list[str]]) -> list[list[str]]:
        """Return BIO tags (``B-PER``, ``I-ORG``, ``O``, ...) for pre-tokenised sentences."""
        return [self._tag(list(s)) for s in sentences]

    @property
    def decoder(self):
        """The batched numpy decoder over this model's weights (built on first use)."""
        if self._decoder is None:
            self._decoder = BatchDecoder(self.model_path, self.resources)
        return self._decoder

    def spans(self, texts: list[str]) -> list[list[tuple[int, int, str]]]:
        """Return (start, end, type) character spans of PER/ORG/LOC names in each text.

        Each text is split into sentences and tokens; sentences with no candidate
        (no capitalised word except ordinary words capitalised at the start of a
        sentence or quote) are skipped, since cased news names are capitalised. The
        remaining sentences of all texts are decoded together.
        """
        where: list[tuple[int, int, list[tuple[int, int]]]] = []
        sentences: list[list[str]] = []
        for ti, text in enumerate(texts):
            for s_start, s_end in sentence_spans(text or ""):
                sentence = text[s_start:s_end]
                if not UPPER.search(sentence):
                    continue
                offsets = tokenize(sentence)
                tokens = [sentence[a:b] for a, b in offsets]
                if not self._has_candidate(tokens):
                    continue
                where.append((ti, s_start, offsets))
                sentences.append(tokens)
        with self._tag_lock:
            tagged = self.decoder.tag(sentences)
        found: list[list[tuple[int, int, str]]] = [[] for _ in texts]
        for (ti, s_start, offsets), tags in zip(where, tagged):
            if tags.count("O") == len(tags):
                continue
            for first, last, etype in bio_to_spans(tags):
                found[ti].append((s_start + offsets[first][0], s_start + offsets[last - 1][1], etype))
        return [self._propagate(text or "", f) for text, f in zip(texts, found)]

    def _propagate(self, text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Add the other occurrences of names already found in the same text.

        News names a person in full once and then by one part ("Nikolai Patrushev",
        later "Patrushev"); a sentence the tagger was unsure about gets the label the
        same string earned elsewhere in the article. Only untagged, capitalised
        occurrences are added, and only parts that are not ordinary words.
        """
        if not found:
            return found
        votes: dict[str, dict[str, int]] = {}
        for a, b, t in found:
            name = text[a:b]
            votes.setdefault(name, {}).setdefault(t, 0)
            votes[name][t] += 1
            parts = name.split()
            if t == "PER" and 2 <= len(parts) <= 4:
                for part in (parts[0], parts[-1]):
                    if self._name_part(part):
                        votes.setdefault(part, {}).setdefault("PER*", 0)
        keys: dict[str, str] = {}
        for name, v in votes.items():
            full = {t: n for t, n in v.items() if t != "PER*"}
            if full:
                best = max(full.items(), key=lambda x: (x[1], x[0]))
                if list(full.values()).count(best[1]) == 1:
                    keys[name] = best[0]
            elif "PER*" in v:
                keys[name] = "PER"
        if not keys:
            return found
        covered = bytearray(len(text))
        for a, b, _ in found:
            covered[a:b] = b"\x01" * (b - a)
        # Longest names first, each occurrence claimed once: plain str.find, since a regex
        # compiled per text cost more than the search itself.
        added = []
        for key in sorted(keys, key=len, reverse=True):
            if not key[0].isupper():
                continue
            at = text.find(key)
            while at != -1:
                end = at + len(key)
                if _standalone(text, at, end) and not any(covered[at:end]):
                    added.append((at, end, keys[key]))
                    covered[at:end] = b"\x01" * (end - at)
                at = text.find(key, at + 1)
        return sorted(found + added) if added else found

    def _has_candidate(self, tokens: list[str]) -> bool:
        """Whether a sentence may hold a name: a capitalised word after the first,
        or a first word that is not an ordinary word capitalised by position."""
        for i, tok in enumerate(tokens):
            if tok[0].isupper():
                if i > 0 and tokens[i - 1] not in FIRST_AFTER:
                    return True
                if self.resources.casing.get(tok.lower(), "?") not in ("N", "R"):
                    return True
        return False

    def _name_part(self, part: str) -> bool:
        low = part.lower()
        return (
            len(part) >= 3
            and part[0].isupper()
            and part[1:].islower()
            and low not in self.resources.cues
            and low not in self.resources.roots
        )


def _standalone(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is not part of a longer word (letters, digits, ``_`` or ``-``)."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before in "_-" or after.isalnum() or after in "_-")
