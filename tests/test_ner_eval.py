"""Regression gate on NER quality: entity F1 floors of what ``warta extract`` prints.

Scored as ``make score-ner`` scores (scripts/score_ner.py): each dev sentence is a document,
mentions are matched on exact span and type, COUNTRY counts as LOC.

* ``tests/golden/ner_eval``: sentences from sources no training set draws on, never trained
  on; scored with the shipped model, always.
* ``../shared/data/ner`` dev splits: the shipped model is trained on them, so their floors
  only guard against regressions of the actor rules and the model together; skipped when
  ../shared is absent. Their held-out figures come from ``make train-ner`` + ``make score-ner``.

Floors sit a little under the figures measured when they were set (docs/ner.md), so that
a change that costs quality fails here and one that gains can raise them.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("score_ner", ROOT / "scripts" / "score_ner.py")
score_ner = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score_ner)

# split -> type -> minimum F1
FLOORS = {
    "clickid-news-dev": {"ALL": 0.81, "PER": 0.79, "ORG": 0.74, "LOC": 0.85},
    "indosum-news-dev": {"ALL": 0.85, "PER": 0.89, "ORG": 0.72, "LOC": 0.85},
    "nergrit.valid": {"ALL": 0.89, "ORG": 0.83},
    "idner-news-2k.dev": {"ALL": 0.79, "ORG": 0.80},
}


@pytest.fixture(scope="module")
def shipped():
    score_ner.use_model(None)
    yield


@pytest.mark.parametrize("split", list(FLOORS))
def test_entity_f1_floors(shipped, split):
    path = score_ner.split_path(split)
    if not path.is_file():
        pytest.skip(f"{path} absent (../shared not beside the checkout)")
    scores = score_ner.score_split(split)["scores"]
    low = {t: (scores[t]["f1"], floor) for t, floor in FLOORS[split].items() if scores[t]["f1"] < floor}
    assert not low, f"{split}: F1 under the floor (got, floor): {low}"


def test_scorer_counts_exact_spans_and_types():
    gold = {(0, 0, 5, "PER"), (0, 10, 15, "ORG"), (1, 0, 4, "LOC")}
    pred = {(0, 0, 5, "PER"), (0, 10, 16, "ORG"), (1, 0, 4, "ORG")}
    s = score_ner.prf(pred, gold)
    assert s["PER"]["f1"] == 1.0 and s["LOC"]["r"] == 0.0 and s["ORG"]["p"] == 0.0
    assert s["ALL"]["p"] == pytest.approx(1 / 3, abs=1e-4) and s["ALL"]["n"] == 3


def test_sentences_map_back_to_gold_character_spans(tmp_path):
    f = tmp_path / "x.tsv"
    f.write_text("# doc=a sentence=0\nPresiden\tO\nJoko\tB-PER\nWidodo\tI-PER\nke\tO\nBandung\tB-LOC\n.\tO\n\n",
                 encoding="utf-8")
    [(text, gold)] = score_ner.read_sentences(f)
    assert text == "Presiden Joko Widodo ke Bandung ."
    assert {text[s:e] + "/" + t for s, e, t in gold} == {"Joko Widodo/PER", "Bandung/LOC"}
