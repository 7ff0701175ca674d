"""Score actor extraction on the golden set (tests/golden/actors/golden.yaml).

    python scripts/score_actors.py [--no-ner] [--bench] [--json] [--verbose]

Per type (PER, ORG, COUNTRY, LOC) precision and recall over the distinct actors of each
article, for the seeds, the detik articles and all together, plus "one id per actor"
checks: an expected actor must resolve to one actor_id within an article and to the same
actor_id in every article. ``--bench`` also measures articles/s on detik-1000.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

import polars as pl
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from warta.actors import actor_mentions  # noqa: E402
from warta.actors.resolve import normalise_name  # noqa: E402
from warta.settings import get_settings  # noqa: E402

GOLDEN = ROOT / "tests" / "golden" / "actors" / "golden.yaml"
TYPES = ("PER", "ORG", "COUNTRY", "LOC")


def corpus_path(name: str) -> Path:
    """Path of a corpus file in ../shared/corpora."""
    return get_settings().shared_dir / "corpora" / name


def load_golden(path: Path = GOLDEN) -> list[dict]:
    """Golden documents with their bodies (detik bodies read from ../shared; skipped if absent)."""
    docs = yaml.safe_load(path.read_text(encoding="utf-8"))
    corpora: dict[str, dict[str, dict]] = {}
    out = []
    for d in docs:
        if "body" not in d:
            name = d["corpus"]
            if name not in corpora:
                p = corpus_path(name)
                if not p.is_file():
                    corpora[name] = {}
                else:
                    rows = (json.loads(line) for line in p.open(encoding="utf-8"))
                    corpora[name] = {str(r["id"]): r for r in rows}
            row = corpora[name].get(str(d["corpus_id"]))
            if row is None:
                continue
            d = {**d, "body": row["text"], "title": row.get("title")}
        out.append(d)
    return out


def predict(docs: list[dict], use_ner: bool | None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Run actor_mentions over the golden documents."""
    clean = pl.DataFrame({
        "article_id": [d["id"] for d in docs],
        "title": [d.get("title") for d in docs],
        "body": [d["body"] for d in docs],
        "dateline": [None] * len(docs),
        "published_at": [None] * len(docs),
    }, schema={"article_id": pl.Utf8, "title": pl.Utf8, "body": pl.Utf8, "dateline": pl.Utf8,
               "published_at": pl.Datetime("us", "UTC")})
    return actor_mentions(clean, use_ner=use_ner)


def _keys(actor_name: str, surfaces: set[str], country: str | None, mtype: str) -> set[str]:
    if mtype == "COUNTRY":
        return {country} if country else set()
    return {normalise_name(actor_name), *(normalise_name(s) for s in surfaces)}


def score(docs: list[dict], mentions: pl.DataFrame, actors: pl.DataFrame, verbose: bool = False) -> dict:
    """Per-type counts and P/R per group (seeds, detik, all), and id-consistency checks."""
    country_of = dict(zip(actors["actor_id"], actors["country_code"]))
    counts = {g: {t: [0, 0, 0] for t in TYPES} for g in ("seeds", "detik", "all")}  # tp, fp, fn
    id_splits: list[str] = []
    ids_across: dict[str, set[str]] = defaultdict(set)
    details = []
    for d in docs:
        group = "seeds" if d["id"].startswith("seed") else "detik"
        sub = mentions.filter(pl.col("article_id") == d["id"])
        pred: dict[str, dict] = {}
        for r in sub.iter_rows(named=True):
            p = pred.setdefault(r["actor_id"], {"name": r["actor_name"], "type": r["type"],
                                                "surfaces": set()})
            p["surfaces"].add(r["mention"])
        for aid, p in pred.items():
            p["keys"] = _keys(p["name"], p["surfaces"], country_of.get(aid), p["type"])
        exp = d["expected"]
        optional = {normalise_name(x) for x in exp.get("optional") or []} | {
            x for x in exp.get("optional") or [] if len(x) == 3 and x.isupper()}
        used: set[str] = set()
        for t in TYPES:
            for e in exp.get(t) or []:
                key = e if t == "COUNTRY" else normalise_name(e)
                hits = [aid for aid, p in pred.items() if p["type"] == t and key in p["keys"]]
                for g in (group, "all"):
                    counts[g][t][0 if hits else 2] += 1
                if len(hits) > 1:
                    id_splits.append(f"{d['id']}: {e} -> {sorted(hits)}")
                if hits:
                    ids_across[f"{t}:{e}"].update(hits)
                else:
                    details.append(f"{d['id']}: MISSED {t} {e}")
                used.update(hits)
        all_expected = {normalise_name(x) for t in TYPES for x in exp.get(t) or []} | {
            x for x in exp.get("COUNTRY") or []}
        for aid, p in pred.items():
            if aid in used or p["keys"] & optional or p["keys"] & all_expected:
                continue
            for g in (group, "all"):
                counts[g][p["type"]][1] += 1
            details.append(f"{d['id']}: EXTRA {p['type']} {p['name']} {sorted(p['surfaces'])}")
    across = [f"{k} -> {sorted(v)}" for k, v in ids_across.items() if len(v) > 1]
    report = {"counts": counts, "id_splits_within_article": id_splits,
              "id_splits_across_articles": across, "articles": len(docs)}
    if verbose:
        report["details"] = details
    return report


def _pr(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def bench(use_ner: bool | None, limit: int = 1000) -> dict:
    """Articles per second of actor_mentions over detik-1000 (after warm-up)."""
    p = corpus_path("detik-1000.jsonl")
    if not p.is_file():
        return {}
    rows = [json.loads(line) for line in p.open(encoding="utf-8")][:limit]
    clean = pl.DataFrame({"article_id": [str(r["id"]) for r in rows],
                          "title": [r.get("title") for r in rows],
                          "body": [r["text"] for r in rows]})
    actor_mentions(clean.head(5), use_ner=use_ner)  # build gazetteer / load model
    t, c = time.perf_counter(), time.process_time()
    m, a = actor_mentions(clean, use_ner=use_ner)
    dt, dc = time.perf_counter() - t, time.process_time() - c
    # CPU time is the fairer figure on a shared machine; wall time is what a user waits.
    return {"articles": len(rows), "wall_s": round(dt, 3), "cpu_s": round(dc, 3),
            "articles_per_s_wall": round(len(rows) / dt, 1),
            "articles_per_cpu_s": round(len(rows) / dc, 1),
            "mentions": m.height, "actors": a.height}


def main(argv: list[str] | None = None) -> int:
    """Print the scores (and the benchmark with --bench)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-ner", action="store_true", help="gazetteer-only extraction")
    ap.add_argument("--bench", action="store_true", help="also measure articles/s on detik-1000")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--verbose", "-v", action="store_true", help="list misses and extras")
    args = ap.parse_args(argv)
    use_ner = False if args.no_ner else None
    docs = load_golden()
    mentions, actors = predict(docs, use_ner)
    report = score(docs, mentions, actors, verbose=args.verbose)
    if args.bench:
        report["bench"] = bench(use_ner)
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    from warta.actors import load_ner

    print(f"articles: {report['articles']}   NER: {'off' if args.no_ner or load_ner() is None else 'on'}")
    for g, by_type in report["counts"].items():
        print(f"[{g}]")
        for t, (tp, fp, fn) in by_type.items():
            p, r, f = _pr(tp, fp, fn)
            print(f"  {t:8} P={p:.3f} R={r:.3f} F1={f:.3f}  (tp={tp} fp={fp} fn={fn})")
    print("one id per actor, within articles:", report["id_splits_within_article"] or "ok")
    print("one id per actor, across articles:", report["id_splits_across_articles"] or "ok")
    for line in report.get("details", []):
        print("  ", line)
    if "bench" in report:
        print("bench:", report["bench"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
