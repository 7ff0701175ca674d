"""Universal Dependencies parses of Indonesian sentences, with the project's own spaCy model.

The model (``Settings.model_dir / "parser-id"``: a tagger and a dependency parser
trained on the UD Indonesian treebanks by ``scripts/train_parser.py``) is loaded once
per process. Sentences are parsed from the project's own tokens, so offsets line up
with every other stage. Only what the event stage needs is kept: for each token its
text, character span, universal POS tag, head and relation.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from warta.settings import get_settings

PARSER_DIR = "parser-id"
_lock = threading.Lock()


@dataclass(frozen=True)
class Parse:
    """One parsed sentence; token ``i`` spans ``starts[i]:ends[i]`` of the text it came from."""

    words: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    upos: tuple[str, ...]
    heads: tuple[int, ...]  # the root is its own head
    deps: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.words)

    def children(self, i: int) -> list[int]:
        """Tokens whose head is ``i`` (not ``i`` itself), in order."""
        return [j for j, h in enumerate(self.heads) if h == i and j != i]

    def subtree(self, i: int) -> list[int]:
        """``i`` and every token below it, in order."""
        out, todo = {i}, [i]
        while todo:
            k = todo.pop()
            for j in self.children(k):
                if j not in out:
                    out.add(j)
                    todo.append(j)
        return sorted(out)

    def token_at(self, offset: int) -> int | None:
        """The token covering character ``offset``, or None."""
        for i, (a, b) in enumerate(zip(self.starts, self.ends)):
            if a <= offset < b:
                return i
        return None


class _WordsOnly:
    """A tokenizer that never runs: sentences arrive as the project's own tokens.

    spaCy's Indonesian tokenizer builds 30,000 special cases when it loads (about 12 s);
    the parser does not need them.
    """

    def __init__(self, vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str):
        from spacy.tokens import Doc

        return Doc(self.vocab, words=text.split())


def _words_only_tokenizer():
    return _WordsOnly


@lru_cache(maxsize=1)
def _model(model_dir: str):
    import spacy

    path = Path(model_dir) / PARSER_DIR
    if not path.is_dir():
        raise FileNotFoundError(f"parser model {path} missing: run `make train-parser`")
    if "warta.words_only.v1" not in spacy.registry.tokenizers.get_all():
        spacy.registry.tokenizers("warta.words_only.v1", func=_words_only_tokenizer)
    return spacy.load(path, exclude=["tokenizer"],
                      config={"nlp": {"tokenizer": {"@tokenizers": "warta.words_only.v1"}}})


def parser_available(model_dir: Path | None = None) -> bool:
    """Whether the parser model is installed."""
    return (Path(model_dir or get_settings().model_dir) / PARSER_DIR).is_dir()


def parse(sentences: list[list[tuple[int, int]]], texts: list[str], model_dir: Path | None = None,
          batch_size: int = 256) -> list[Parse]:
    """Parse sentences given as token spans into their texts; one :class:`Parse` per sentence."""
    from spacy.attrs import DEP, HEAD, POS
    from spacy.tokens import Doc

    nlp = _model(str(model_dir or get_settings().model_dir))
    docs, all_words = [], []
    for spans, text in zip(sentences, texts):
        words = [text[a:b] for a, b in spans] or [" "]
        spaces = [b < len(text) and (k + 1 == len(spans) or spans[k + 1][0] > b) for k, (a, b) in enumerate(spans)]
        docs.append(Doc(nlp.vocab, words=words, spaces=spaces or [False]))
        all_words.append(tuple(words))
    with _lock:  # one spaCy pipeline, one caller at a time
        parsed = list(nlp.pipe(docs, batch_size=batch_size))
    # Read the annotations as arrays: a Token object per word costs more than the parse itself.
    strings = nlp.vocab.strings
    names: dict[int, str] = {}

    def name(x: int) -> str:
        if x not in names:
            names[x] = strings[x]
        return names[x]

    out = []
    for spans, doc, words in zip(sentences, parsed, all_words):
        arr = doc.to_array([POS, HEAD, DEP])
        heads = arr[:, 1].astype(np.int64) + np.arange(len(arr))  # HEAD is an offset from the token
        out.append(Parse(
            words=words, starts=tuple(a for a, _ in spans), ends=tuple(b for _, b in spans),
            upos=tuple(name(x) for x in arr[:, 0].tolist()), heads=tuple(heads.tolist()),
            deps=tuple(name(x) for x in arr[:, 2].tolist()),
        ))
    return out
