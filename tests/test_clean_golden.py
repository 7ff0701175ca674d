"""The golden cleaning set (tests/golden/clean/) meets the issue's targets."""

import importlib.util
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("score_clean", PROJECT / "scripts" / "score_clean.py")
score_clean = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score_clean)


@pytest.fixture(scope="module")
def stats():
    return score_clean.score(score_clean.load_cases({"seeds", "html", "detik"}))["stats"]


def test_seeds_every_line_and_field_right(stats):
    s = stats["seeds"]
    n = s["docs"]
    assert n == 5
    assert s["line_tp_r"] == s["gold_lines"] and s["line_tp_p"] == s["pred_lines"]
    assert s["title_ok"] == s["date_1day"] == s["outlet_ok"] == s["dateline_ok"] == n
    assert s["cited_tp"] >= 0.9 * s["cited_gold"] and s["cited_tp"] >= 0.8 * s["cited_pred"]


def test_html_pages(stats):
    s = stats["html"]
    n = s["docs"]
    assert s["title_ok"] == n and s["date_1day"] == n and s["outlet_ok"] == n
    assert s["word_f1_x1000"] / n >= 930


def test_detik_articles_when_the_corpus_is_there(stats):
    if "detik" not in stats:
        pytest.skip("../shared/corpora/detik-1000.jsonl not available")
    s = stats["detik"]
    assert s["line_tp_r"] == s["gold_lines"]
    assert s["line_tp_p"] >= 0.98 * s["pred_lines"]
