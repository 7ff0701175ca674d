"""The events golden set is well formed, and the scorer counts hits, misses and false positives."""

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import yaml

from warta.events.lexicon import get_lexicon

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests/golden/events/golden.yaml"


def _scorer():
    spec = importlib.util.spec_from_file_location("score_events", ROOT / "scripts/score_events.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["score_events"] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


def test_golden_set_is_well_formed():
    docs = yaml.safe_load(GOLDEN.read_text(encoding="utf-8"))["documents"]
    types = set(get_lexicon().plover)
    assert len([d for d in docs if "text" in d]) >= 20
    assert len({d["id"] for d in docs}) == len(docs)
    for d in docs:
        assert ("file" in d) != ("text" in d)
        if "file" in d:
            assert (ROOT / d["file"]).is_file()
        for g in d.get("events") or []:
            gtypes = g["type"] if isinstance(g["type"], list) else [g["type"]]
            assert set(gtypes) <= types, g
            assert g.get("mode", "happened") in {"happened", "planned", "denied"}
            if "text" in d:
                assert g["sentence"] in d["text"], g
            date = g.get("date")
            for x in date if isinstance(date, list) else [date] if date else []:
                assert isinstance(x, dt.date) or dt.date.fromisoformat(str(x))


def _pred(sentence, etype, a1, a2, date=None, negated=False, future=False):
    return {"sentence": sentence, "event_type": etype, "actor1_name": a1, "actor2_name": a2,
            "event_date": date, "negated": negated, "future": future, "trigger": "x"}


def test_scorer_counts():
    se = _scorer()
    gold = [
        {"sentence": "A bertemu B", "type": "CONSULT", "actor1": ["A"], "actor2": ["B"], "date": "2021-06-21"},
        {"sentence": "C menuduh D", "type": "ACCUSE", "actor1": ["C"], "actor2": ["D"]},
        {"sentence": "A bertemu B", "type": "AGREE", "optional": True},
    ]
    preds = [
        _pred("Kemarin A bertemu B.", "CONSULT", "Tuan B", "A", dt.date(2021, 6, 21)),  # symmetric: order free
        _pred("Kemarin A bertemu B.", "AGREE", "A", None),  # optional: ignored
        _pred("C menuduh D.", "REJECT", "C", "D"),  # wrong type: a miss and a false positive
    ]
    t = se.Tally()
    se.score_doc(gold, preds, t, "doc")
    assert (t.tp, t.fp, t.fn) == (1, 1, 1)
    assert t.a1 == [True] and t.a2 == [True] and t.date == [True] and t.mode == [True]
    assert (t.type_right, t.type_total) == (1, 2)
