"""The batched numpy decoder gives exactly crfsuite's tags for the shipped model."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from warta.actors.ner import NerTagger
from warta.actors.ner_decode import BatchDecoder, read_crfsuite_model
from warta.settings import get_settings

NER_DATA = Path(get_settings().shared_dir) / "data" / "ner"


@pytest.fixture(scope="module")
def tagger() -> NerTagger:
    return NerTagger.load()


def _sentences(name: str, limit: int) -> list[list[str]]:
    sents, cur = [], []
    for line in (NER_DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip():
            cur.append(line.split("\t")[0])
        elif cur:
            sents.append(cur)
            cur = []
    return sents[:limit]


@pytest.mark.parametrize("name", ["idner-news-2k.dev.tsv", "nergrit.valid.tsv", "nerp.valid.tsv"])
def test_batched_tags_equal_crfsuite_tags(tagger, name):
    if not (NER_DATA / name).is_file():
        pytest.skip("shared NER data absent")
    # nerp is lower-cased: it exercises the sentences without casing features.
    sents = _sentences(name, 600)
    decoder = BatchDecoder(tagger.model_path, tagger.resources)
    assert decoder.tag(sents) == tagger.tag_tokens(sents)
    # A second pass reuses the token types learnt in the first.
    assert decoder.tag(sents[::-1]) == tagger.tag_tokens(sents[::-1])


def test_hand_made_sentences_cover_every_template(tagger):
    sents = [
        "Menteri Luar Negeri Rusia Sergei Lavrov bertemu Presiden Joko Widodo di Jakarta .".split(),
        "Mahkamah Konstitusi ( MK ) menolak gugatan itu , kata Ketua MK Anwar Usman .".split(),
        "“ Kami siap , ” ujar Kapolri Jenderal Listyo Sigit Prabowo di Mabes Polri .".split(),
        ["Amerika"], ["("], ["2024", "-", "25"],
    ]
    decoder = BatchDecoder(tagger.model_path, tagger.resources)
    assert decoder.tag(sents) == tagger.tag_tokens(sents)
    assert decoder.tag([[], sents[0], []]) == [[], tagger.tag_tokens([sents[0]])[0], []]
    assert decoder.tag([]) == []


def test_model_reader_reads_exact_weights(tagger, tmp_path):
    labels, attrs, state, trans = read_crfsuite_model(tagger.model_path)
    assert set(labels) == {"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"}
    assert state.shape == (len(attrs) + 1, len(labels)) and not state[-1].any()
    info = tagger._tagger.info()  # weights rounded to 6 decimals in the dump
    for (attr, label), weight in list(info.state_features.items())[:2000]:
        assert state[attrs[attr], labels.index(label)] == pytest.approx(weight, abs=1e-6)
    for (a, b), weight in info.transitions.items():
        assert trans[labels.index(a), labels.index(b)] == pytest.approx(weight, abs=1e-6)
    bad = tmp_path / "bad.crfsuite"
    bad.write_bytes(b"not a model" + bytes(64))
    with pytest.raises(ValueError):
        read_crfsuite_model(bad)
    assert np.isfinite(state).all()
