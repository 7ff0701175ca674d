"""Score event extraction against the golden set (tests/golden/events/golden.yaml).

Runs the real stages (ingest + clean for seed files, the actors stage, events, clusters)
and reports event precision and recall (strict: same sentence and an accepted type;
loose: same sentence), type accuracy, actor1/actor2 accuracy, date and mode accuracy,
the issue's key seed events and the cross-article cluster check.

    .venv/bin/python scripts/score_events.py [--golden FILE] [--only ID_PREFIX] [--exclude ID_PREFIX] [--verbose] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from warta.actors import actor_mentions  # noqa: E402
from warta.events import assign_clusters, extract_events  # noqa: E402

SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}


def _ws(s: str) -> str:
    return " ".join(str(s).split())


def _clean_from_files(paths: list[Path]) -> pl.DataFrame:
    from warta.ingest import raw_articles
    from warta.pipeline import validated_clean_articles

    raws = [r for r, _ in raw_articles([str(p) for p in paths], 2000, 20_000_000)]
    clean, _ = validated_clean_articles(pl.concat(raws))
    return clean


def _clean_from_text(doc: dict) -> dict:
    published = doc.get("published")
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    # 10:00 WIB on the publication day.
    at = dt.datetime.combine(published, dt.time(3, 0), tzinfo=dt.timezone.utc) if published else None
    return {
        "article_id": hashlib.sha1(doc["id"].encode()).hexdigest()[:16],
        "doc_id": doc["id"], "source_file": f"golden:{doc['id']}", "url": None, "title": None,
        "published_at": at, "published_precision": "day" if at else None, "outlet_id": None,
        "dateline": doc.get("dateline"), "editor": None, "language": "id", "body": doc["text"],
        "content_hash": hashlib.sha256(doc["text"].encode()).hexdigest(), "duplicate_of": None,
        "photo_credits": [], "source_notes": [],
    }


def build_clean(docs: list[dict]) -> tuple[pl.DataFrame, dict[str, str]]:
    """Clean articles for all golden documents and a map doc id -> article_id."""
    frames: list[pl.DataFrame] = []
    ids: dict[str, str] = {}
    files = [d for d in docs if "file" in d]
    if files:
        clean = _clean_from_files([ROOT / d["file"] for d in files])
        by_file = {Path(r["source_file"]).name: r["article_id"] for r in clean.iter_rows(named=True)}
        for d in files:
            ids[d["id"]] = by_file[Path(d["file"]).name]
        frames.append(clean)
    rows = [_clean_from_text(d) for d in docs if "text" in d]
    for d, r in zip([d for d in docs if "text" in d], rows):
        ids[d["id"]] = r["article_id"]
    if rows:
        schema = frames[0].schema if frames else None
        text_frame = pl.DataFrame(rows, schema_overrides={"published_at": pl.Datetime("us", "UTC")})
        if schema is not None:
            text_frame = text_frame.select(
                [pl.col(c).cast(t) if c in text_frame.columns else pl.lit(None, dtype=t).alias(c) for c, t in schema.items()]
            )
        frames.append(text_frame)
    return pl.concat(frames, how="diagonal_relaxed"), ids


def _as_list(v) -> list | None:
    if v is None:
        return None
    return v if isinstance(v, list) else [v]


def _name_ok(pred: str | None, alts: list[str] | None) -> bool:
    if alts is None:
        return True
    if not pred:
        return False
    p = pred.lower()
    return any(a.lower() in p or p in a.lower() for a in alts)


def _actors_ok(g: dict, e: dict) -> tuple[bool, bool]:
    """(actor1 right, actor2 right); for symmetric types the order is free."""
    a1, a2 = _as_list(g.get("actor1")), _as_list(g.get("actor2"))
    p1, p2 = e["actor1_name"], e["actor2_name"]
    straight = (_name_ok(p1, a1), _name_ok(p2, a2))
    if e["event_type"] in SYMMETRIC:
        swapped = (_name_ok(p2, a1), _name_ok(p1, a2))
        if sum(swapped) > sum(straight):
            return swapped
    return straight


def _date_ok(g: dict, e: dict) -> bool | None:
    d = g.get("date")
    if d is None:
        return None
    lo, hi = (d if isinstance(d, list) else [d, d])
    lo, hi = (x if isinstance(x, dt.date) else dt.date.fromisoformat(str(x)) for x in (lo, hi))
    return e["event_date"] is not None and lo <= e["event_date"] <= hi


def _mode(e: dict) -> str:
    return "denied" if e["negated"] else ("planned" if e["future"] else "happened")


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    loose_tp: int = 0
    loose_fp: int = 0
    type_right: int = 0
    type_total: int = 0
    a1: list[bool] = field(default_factory=list)
    a2: list[bool] = field(default_factory=list)
    both: list[bool] = field(default_factory=list)
    date: list[bool] = field(default_factory=list)
    mode: list[bool] = field(default_factory=list)
    details: list[str] = field(default_factory=list)


def _in_sentence(g: dict, e: dict) -> bool:
    return _ws(g["sentence"]) in _ws(e["sentence"])


def _score(g: dict, e: dict) -> tuple:
    a1, a2 = _actors_ok(g, e)
    return (e["event_type"] in _as_list(g["type"]), a1 + a2, bool(_date_ok(g, e)))


def score_doc(gold: list[dict], preds: list[dict], t: Tally, doc_id: str) -> None:
    """Match predictions to gold events of one document and add to the tally."""
    required = [g for g in gold if not g.get("optional")]
    optional = [g for g in gold if g.get("optional")]
    free = list(range(len(preds)))
    # Strict matching: same sentence and an accepted type, best actor/date agreement first.
    for g in required:
        cands = [i for i in free if _in_sentence(g, preds[i]) and preds[i]["event_type"] in _as_list(g["type"])]
        if not cands:
            t.fn += 1
            t.details.append(f"  MISS {doc_id}: {g['type']} {g.get('actor1')} -> {g.get('actor2')} | {g['sentence']}")
            continue
        i = max(cands, key=lambda i: _score(g, preds[i]))
        free.remove(i)
        e = preds[i]
        t.tp += 1
        a1, a2 = _actors_ok(g, e)
        if g.get("actor1") is not None:
            t.a1.append(a1)
        if g.get("actor2") is not None:
            t.a2.append(a2)
        if g.get("actor1") is not None and g.get("actor2") is not None:
            t.both.append(a1 and a2)
        d = _date_ok(g, e)
        if d is not None:
            t.date.append(d)
        t.mode.append(_mode(e) == g.get("mode", "happened"))
        if not (a1 and a2) or d is False or _mode(e) != g.get("mode", "happened"):
            t.details.append(
                f"  PART {doc_id}: {e['event_type']} {e['actor1_name']} -> {e['actor2_name']} {e['event_date']} "
                f"{_mode(e)} (gold {g.get('actor1')} -> {g.get('actor2')} {g.get('date')} {g.get('mode', 'happened')})"
            )
    for i in list(free):
        e = preds[i]
        if any(_in_sentence(g, e) and e["event_type"] in _as_list(g["type"]) for g in optional):
            free.remove(i)
    for i in free:
        e = preds[i]
        t.fp += 1
        t.details.append(f"  FP   {doc_id}: {e['event_type']} {e['actor1_name']} -> {e['actor2_name']} [{e['trigger']}] | {e['sentence'][:90]}")
    # Loose matching (same sentence, any type) for type accuracy.
    lfree = list(range(len(preds)))
    for g in required:
        cands = [i for i in lfree if _in_sentence(g, preds[i])]
        if cands:
            i = max(cands, key=lambda i: _score(g, preds[i]))
            lfree.remove(i)
            t.loose_tp += 1
            t.type_total += 1
            t.type_right += preds[i]["event_type"] in _as_list(g["type"])
    t.loose_fp += sum(
        1 for i in lfree if not any(_in_sentence(g, preds[i]) for g in optional)
    )


def _ratio(xs: list[bool]) -> str:
    return f"{sum(xs) / len(xs):.3f} ({sum(xs)}/{len(xs)})" if xs else "n/a"


def main(argv: list[str] | None = None) -> int:
    """Run the scorer and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--golden", default=str(ROOT / "tests/golden/events/golden.yaml"))
    ap.add_argument("--verbose", action="store_true", help="list misses, partial matches and false positives")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--only", default=None, help="score only documents whose id starts with this")
    ap.add_argument("--exclude", default=None, help="leave out documents whose id starts with this")
    args = ap.parse_args(argv)
    docs = yaml.safe_load(Path(args.golden).read_text(encoding="utf-8"))["documents"]
    if args.only:
        docs = [d for d in docs if d["id"].startswith(args.only)]
    if args.exclude:
        docs = [d for d in docs if not d["id"].startswith(args.exclude)]
    clean, ids = build_clean(docs)
    mentions, actors = actor_mentions(clean)
    events = assign_clusters(extract_events(clean, mentions, actors))
    by_article: dict[str, list[dict]] = {}
    for e in events.iter_rows(named=True):
        by_article.setdefault(e["article_id"], []).append(e)
    t = Tally()
    keys: list[tuple[str, bool]] = []
    for d in docs:
        preds = by_article.get(ids[d["id"]], [])
        gold = d.get("events") or []
        score_doc(gold, preds, t, d["id"])
        for g in gold:
            if g.get("key"):
                ok = any(
                    _in_sentence(g, e) and e["event_type"] in _as_list(g["type"]) and all(_actors_ok(g, e))
                    and _date_ok(g, e) is not False and _mode(e) == g.get("mode", "happened")
                    for e in preds
                )
                keys.append((f"{d['id']}: {g['type']} {g.get('actor1')} -> {g.get('actor2')} {g.get('date')}", ok))
    # The cluster check: Tempo's and Arrahmah's reports of the 21 June 2021 meeting.
    tempo, arrahmah = ids.get("seed-000-tempo"), ids.get("seed-001-arrahmah")
    shared = False
    if tempo and arrahmah:
        cons = events.filter(pl.col("event_type") == "CONSULT")
        c1 = set(cons.filter(pl.col("article_id") == tempo)["cluster_id"])
        c2 = set(cons.filter(pl.col("article_id") == arrahmah)["cluster_id"])
        shared = bool(c1 & c2)
    precision = t.tp / (t.tp + t.fp) if t.tp + t.fp else 0.0
    recall = t.tp / (t.tp + t.fn) if t.tp + t.fn else 0.0
    lp = t.loose_tp / (t.loose_tp + t.loose_fp) if t.loose_tp + t.loose_fp else 0.0
    lr = t.loose_tp / (t.tp + t.fn) if t.tp + t.fn else 0.0
    figures = {
        "documents": len(docs), "gold_events": t.tp + t.fn, "predicted": len(events),
        "precision": round(precision, 3), "recall": round(recall, 3),
        "f1": round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0,
        "loose_precision": round(lp, 3), "loose_recall": round(lr, 3),
        "type_accuracy": round(t.type_right / t.type_total, 3) if t.type_total else None,
        "actor1_accuracy": round(sum(t.a1) / len(t.a1), 3) if t.a1 else None,
        "actor2_accuracy": round(sum(t.a2) / len(t.a2), 3) if t.a2 else None,
        "both_actors_accuracy": round(sum(t.both) / len(t.both), 3) if t.both else None,
        "date_accuracy": round(sum(t.date) / len(t.date), 3) if t.date else None,
        "mode_accuracy": round(sum(t.mode) / len(t.mode), 3) if t.mode else None,
        "key_events_right": f"{sum(ok for _, ok in keys)}/{len(keys)}",
        "tempo_arrahmah_share_cluster": shared,
    }
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(f"documents {len(docs)}, gold events {t.tp + t.fn}, predicted events {len(events)}")
        print(f"strict (sentence + type): precision {precision:.3f}  recall {recall:.3f}  (tp {t.tp}, fp {t.fp}, fn {t.fn})")
        print(f"loose  (sentence only):   precision {lp:.3f}  recall {lr:.3f}")
        print(f"type accuracy (loose matches): {figures['type_accuracy']}")
        print(f"actor1 accuracy {_ratio(t.a1)}   actor2 accuracy {_ratio(t.a2)}   both {_ratio(t.both)}")
        print(f"date accuracy {_ratio(t.date)}   mode accuracy {_ratio(t.mode)}")
        print(f"key seed events right: {figures['key_events_right']}")
        for name, ok in keys:
            print(f"  [{'x' if ok else ' '}] {name}")
        print(f"Tempo and Arrahmah 21 June 2021 meeting share a cluster: {shared}")
    if args.verbose:
        print("\n".join(t.details))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
