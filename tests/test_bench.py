"""Smoke test of scripts/bench.py: a perturbed corpus, the plain-function pass and its table."""

from __future__ import annotations

import importlib.util
import json

import pytest

from tests.conftest import PROJECT, SEEDS
from warta.settings import get_settings


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("warta_bench", PROJECT / "scripts" / "bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SHARED = get_settings().shared_dir


def test_without_shared_corpora_copies_pad_the_seeds(bench, tmp_path):
    corpus, n, distinct = bench.build_corpus(240, tmp_path / "c.jsonl", tmp_path / "no-shared", SEEDS)
    docs = [json.loads(line) for line in corpus.read_text(encoding="utf-8").split("\n") if line]
    assert n == len(docs) == 240 and distinct == 5  # seeds only: 48 copies each
    urls = [d["url"] for d in docs if d.get("url")]  # seed originals have none; every copy has its own
    assert len({d["id"] for d in docs}) == 240 and len(set(urls)) == len(urls) == 235
    originals = {d["id"]: d["text"] for d in docs[:5]}
    copies = [d for d in docs[5:] if d["id"].rsplit("-c", 1)[0] in originals]
    assert len(copies) == 235
    # Sentence and paragraph order changes the text of most copies, but not the words it holds.
    changed = [d for d in copies if d["text"] != originals[d["id"].rsplit("-c", 1)[0]]]
    assert len(changed) > 0.9 * len(copies)
    for d in changed[:20]:
        assert sorted(d["text"].split()) == sorted(originals[d["id"].rsplit("-c", 1)[0]].split())
    # A complete corpus is reused, not rebuilt.
    mtime = corpus.stat().st_mtime_ns
    assert bench.build_corpus(240, corpus, tmp_path / "no-shared", SEEDS)[0].stat().st_mtime_ns == mtime


@pytest.mark.skipif(not (SHARED / "corpora" / "clickid-news.jsonl").is_file(),
                    reason="../shared/corpora (the real articles of the benchmark) is not here")
def test_with_shared_corpora_every_document_is_a_distinct_real_article(bench, tmp_path):
    corpus, n, distinct = bench.build_corpus(600, tmp_path / "c.jsonl", SHARED, SEEDS)
    docs = [json.loads(line) for line in corpus.read_text(encoding="utf-8").split("\n") if line]
    assert n == distinct == len(docs) == 600
    assert len({d["id"] for d in docs}) == len({" ".join(d["text"].split()) for d in docs}) == 600
    assert not any("-c" in d["id"] and "?copy=" in (d.get("url") or "") for d in docs)
    # The corpora are interleaved: a prefix holds all three.
    assert {d["id"].split("-")[0] for d in docs[:30]} >= {"clickid"} and any(d["id"].isdigit() for d in docs[:30])
    assert len(bench.source_documents(SHARED, SEEDS)) > 20_000


def test_plain_pass_times_every_stage_and_loads(bench, tmp_path):
    corpus, _, _ = bench.build_corpus(80, tmp_path / "c.jsonl", SHARED, SEEDS)
    bench.BENCH_DIR = tmp_path
    plain = bench.measure_plain(corpus, batch_size=40, workers=1, limit=None, db=tmp_path / "p.duckdb")
    assert plain["documents"] == 80
    # Real articles may be quarantined (too short, duplicates): every loaded one was cleaned.
    assert 0 < plain["articles_loaded"] <= plain["articles"] <= 80
    assert set(plain["stage_rate"]) == set(bench.STAGES)
    assert all(rate and rate > 0 for rate in plain["stage_rate"].values())
    assert plain["load_rows"] > 80 and plain["load_rows_per_s"] > 0 and plain["peak_rss_mb"] > 50
    table = bench.render({"documents": 80, "distinct": 80, "batch_size": 40, "workers": 1, "cores": 2, "date": "now",
                          "plain": plain})
    for label in ("| ingest |", "| clean |", "| actors |", "| events |", "load (DuckDB", "rows/s", "peak RSS",
                  "80 distinct"):
        assert label in table
