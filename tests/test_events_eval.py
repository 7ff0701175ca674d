"""The blind event evaluation: well-formed annotations, a strict scorer, and a regression gate.

The gate scores the dev split only (tests/golden/events_eval/dev-*.yaml); the frozen test
split is never scored here.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import pytest
import yaml

from warta.evaluation.events import GoldActor, GoldEvent, SystemEvent, agreement, anchor_sentences, score
from warta.settings import get_settings

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / "tests" / "golden" / "events_eval"
CORPORA = Path(get_settings().shared_dir) / "corpora"
# Floors a little under what the dev split measures (docs/events.md): a drop fails the build.
# Lenient recall counts only coded events, so it fell when events missing a party they need
# stopped being coded (plover.yaml: parties), and again when an actorless mention stopped
# telling a one-sided event again (strict precision 0.53 -> 0.56). The blind part dev-d
# (28 articles) brought every figure of the split down: it measured 0.467 / 0.159 strict;
# so did dev-e, scored blind at 0.282 / 0.140 before it joined dev. The fifth session's
# rules took the split to 0.540 / 0.260 (lenient recall 0.380); dev-f, scored blind at
# 0.463 / 0.177, brought it to 0.530 / 0.247 (lenient recall 0.366); the sixth session's
# rules took it to 0.537 / 0.255 (lenient recall 0.373). dev-g and dev-h, scored blind
# at 0.442 / 0.134, brought it to 0.522 / 0.227 (lenient recall 0.336); the seventh
# session's rules took it to 0.546 / 0.239 (0.341). dev-i, scored blind at 0.362 / 0.132,
# brought it to 0.528 / 0.227 (lenient recall 0.331); the eighth session's rules took it to
# 0.568 / 0.238 (0.333); dev-j, scored blind at 0.448 / 0.159, brought it to 0.560 / 0.232
# (0.325); dev-k, scored blind at 0.456 / 0.153 (lenient recall 0.237), brought it to
# 0.553 / 0.225 (0.318); the ninth session's rules took it to 0.555 / 0.230 (0.322); dev-l,
# scored blind at 0.536 / 0.172, brought it to 0.554 / 0.226 (0.316); dev-m, scored blind
# at 0.541 / 0.173, brought it to 0.553 / 0.222 (0.311); the tenth session's rules took it to
# 0.560 / 0.233 (0.324); dev-n, scored blind at 0.368 / 0.129, brought it to 0.547 / 0.225
# (0.319), so the strict-precision floor went 0.55 -> 0.54; dev-o, scored blind at
# 0.437 / 0.132, brought it to 0.542 / 0.219 (0.314), so the strict-recall floor went
# 0.22 -> 0.21; the eleventh session's rules took it to 0.549 / 0.223 (0.318); dev-p, scored
# blind at 0.515 / 0.201, brought it to 0.547 / 0.222 (0.319), and the floor went back to 0.22.
FLOORS = {"strict_p": 0.54, "strict_r": 0.22, "lenient_r": 0.31}


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def actor(*names: str, generic: bool = False) -> tuple[GoldActor, ...]:
    return (GoldActor(frozenset(n.casefold() for n in names), generic),)


def gold(types, a1, a2, sentences=(0,), optional=False, date=None) -> GoldEvent:
    return GoldEvent("a", "anchor", tuple(types), a1, a2, date=date, optional=optional, sentences=frozenset(sentences))


def system(etype, a1, a2, sid=0, named=(True, True), mentions=(None, None), date=None) -> SystemEvent:
    return SystemEvent("a", sid, etype, a1, a2, named[0], named[1], "happened", date,
                       actor1_mention=mentions[0], actor2_mention=mentions[1])


def test_actors_match_by_name_or_alias_never_by_substring():
    g = gold(["ACCUSE"], actor("Kementerian Pertahanan Rusia", "Kemenhan Rusia"), actor("Amerika Serikat", "AS"))
    assert score([g], [system("ACCUSE", "Kemenhan Rusia", "as")]).tp == 1
    for wrong in [system("ACCUSE", "Rusia", "AS"), system("ACCUSE", "Kementerian Pertahanan Rusia", "Pasukan AS")]:
        s = score([g], [wrong])
        assert (s.tp, s.fp, s.fn) == (0, 1, 1)  # a wrong actor is a false positive and a miss
    # The article's own words for the actor count too: "Sergey Lavrov" resolved to "Sergei Lavrov".
    g2 = gold(["CONSULT"], actor("Sergey Lavrov"), None)
    assert score([g2], [system("CONSULT", "Sergei Lavrov", None, mentions=("Sergey Lavrov", None))]).tp == 1


def test_type_sentence_symmetry_and_generic_slots():
    g = gold(["CONSULT"], actor("Joko Widodo"), actor("Lee Hsien Loong"))
    assert score([g], [system("CONSULT", "Lee Hsien Loong", "Joko Widodo")]).tp == 1  # symmetric type
    a = gold(["ACCUSE"], actor("KPK"), actor("Kwik"))
    assert score([a], [system("ACCUSE", "Kwik", "KPK")]).tp == 0  # not symmetric
    assert score([g], [system("CONSULT", "Joko Widodo", "Lee Hsien Loong", sid=1)]).tp == 0  # other sentence
    assert score([g], [system("AGREE", "Joko Widodo", "Lee Hsien Loong")]).tp == 0  # other type
    # An unnamed group in the gold is met by an empty slot or an unnamed group, not by a named actor.
    p = gold(["PROTEST"], actor("mahasiswa", generic=True), actor("DPR"))
    assert score([p], [system("PROTEST", None, "DPR")]).tp == 1
    assert score([p], [system("PROTEST", "massa", "DPR", named=(False, True))]).tp == 1
    assert score([p], [system("PROTEST", "Jakarta", "DPR")]).tp == 0
    # No actor in the gold: only an empty slot or an unnamed group.
    n = gold(["COERCE"], None, actor("Steven Itlay"))
    assert score([n], [system("COERCE", "Polri", "Steven Itlay")]).tp == 0
    assert score([n], [system("COERCE", None, "Steven Itlay")]).tp == 1


def test_optional_events_are_neither_hits_nor_misses_and_matching_is_one_to_one():
    g = gold(["AGREE"], actor("X"), actor("Y"), optional=True)
    s = score([g], [system("AGREE", "X", "Y")])
    assert (s.tp, s.fp, s.fn, s.ignored) == (0, 0, 0, 1)
    assert score([g], []).fn == 0
    one = gold(["ASSAULT"], actor("X"), actor("Y"))
    s = score([one], [system("ASSAULT", "X", "Y"), system("ASSAULT", "X", "Y")])
    assert (s.tp, s.fp) == (1, 1)


def test_dates_are_scored_against_the_window_and_leniency_ignores_actors():
    g = gold(["CONSULT"], actor("X"), actor("Y"), date=(dt.date(2019, 9, 16), dt.date(2019, 9, 17)))
    assert score([g], [system("CONSULT", "X", "Y", date=dt.date(2019, 9, 17))]).date_right == 1
    assert score([g], [system("CONSULT", "X", "Y", date=dt.date(2019, 9, 19))]).date_right == 0
    assert score([g], [system("CONSULT", "Q", None)], lenient=True).tp == 1


def test_anchors_are_found_whatever_the_spacing():
    body = "Polisi menangkap dua tersangka.\n\nKPK memeriksa Kwik Kian Gie, Senin."
    assert anchor_sentences(body, "KPK memeriksa Kwik Kian Gie ,") == frozenset({1})
    assert anchor_sentences(body, "tidak ada di sini") == frozenset()


def test_agreement_counts_shared_events():
    a = [gold(["CONSULT"], actor("Joko Widodo", "Jokowi"), actor("Lee")), gold(["ASSAULT"], actor("X"), None)]
    b = [gold(["CONSULT", "AGREE"], actor("Jokowi"), actor("Lee Hsien Loong", "Lee"))]
    assert agreement(a, b) == (1, 1, 0)


def test_annotation_files_are_well_formed():
    checker = _script("check_event_annotations")
    files = sorted(EVAL.glob("*.yaml")) + sorted((EVAL / "agreement").glob("*.yaml")) + sorted(
        (EVAL / "reserve").glob("*.yaml"))
    assert {f.name.split("-")[0] for f in files} >= {"dev", "test"}
    for path in files:
        _, events, problems = checker.check_file(path, CORPORA)
        # Without ../shared the anchors cannot be checked against the texts; the structure can.
        problems = [p for p in problems if CORPORA.is_dir() or "not found in" not in p]
        assert problems == [], path
        assert events > 30


def test_the_checker_finds_anchors_as_the_scorer_does(tmp_path):
    checker = _script("check_event_annotations")
    # IndoSum's corpus text spaces punctuation; the clean body an annotator reads does not.
    (tmp_path / "indosum-dev.jsonl").write_text(
        '{"id": "x1", "text": "Pelaku dua orang , yaitu Eka dan Beni , ditangkap polisi ."}\n', encoding="utf-8")
    annotations = tmp_path / "dev-x.yaml"
    annotations.write_text(yaml.safe_dump({"articles": [{
        "id": "x1", "file": "indosum-dev.jsonl", "outlet": "kumparan", "published": None, "annotator": "T",
        "events": [{"sentence": "dua orang, yaitu Eka dan Beni, ditangkap polisi", "type": ["COERCE"],
                    "actor1": {"name": "polisi"}, "actor2": {"name": "Eka"}}]}]}), encoding="utf-8")
    assert checker.check_file(annotations, tmp_path) == (1, 1, [])


def test_the_splits_do_not_share_an_outlet():
    outlets = {}
    for path in EVAL.glob("*.yaml"):
        split = path.name.split("-")[0]
        for art in yaml.safe_load(path.read_text(encoding="utf-8"))["articles"]:
            outlets.setdefault(art["outlet"], set()).add(split)
    assert outlets and all(len(splits) == 1 for splits in outlets.values())


@pytest.mark.skipif(not (CORPORA / "clickid-news.jsonl").is_file(),
                    reason="../shared/corpora (the texts of the evaluation articles) is not here")
def test_dev_split_regression_gate():
    evaluation = _script("score_events_eval")
    result = evaluation.evaluate("dev", CORPORA)
    strict, lenient = result["strict"], result["lenient"]
    assert result["articles"] >= 70 and not result["lost"]
    assert strict.precision >= FLOORS["strict_p"], evaluation.render(result)
    assert strict.recall >= FLOORS["strict_r"], evaluation.render(result)
    assert lenient.recall >= FLOORS["lenient_r"], evaluation.render(result)
    # The per-file table splits the same events: every article once, every match once.
    by_file = result["by_file"]
    assert [name for name, *_ in by_file] == [p.name for p in evaluation.annotation_files("dev")]
    assert sum(n for _, n, _, _ in by_file) == result["articles"]
    assert sum(s.tp for _, _, s, _ in by_file) == strict.tp and sum(s.fp for _, _, s, _ in by_file) == strict.fp
