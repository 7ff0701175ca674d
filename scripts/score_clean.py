"""Score the cleaning stage against the golden set in tests/golden/clean/.

    .venv/bin/python scripts/score_clean.py [--set seeds|detik|html] [--json] [--verbose]

Prints, per set and overall: body-line precision/recall, body word-F1, title, date
(exact day and within a day), outlet, dateline and editor accuracy, cited-source and
photo-credit precision/recall, and the cleaning time. The detik set needs
../shared/corpora/detik-1000.jsonl (not in the repository); it is skipped when absent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections import Counter
from pathlib import Path

import polars as pl
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from warta.clean import article_citations, clean_articles  # noqa: E402
from warta.evaluation.text import bag_f1, words  # noqa: E402
from warta.settings import get_settings  # noqa: E402

GOLD = ROOT / "tests" / "golden" / "clean"


def _raw(doc_id: str, source_file: str, fmt: str, text=None, html=None, url=None, title=None, published=None) -> dict:
    return {
        "doc_id": doc_id, "source_file": source_file, "url": url, "format": fmt, "text": text,
        "html": html, "title_hint": title, "published_hint": published, "raw_hash": doc_id,
    }


def load_cases(which: set[str]) -> list[tuple[dict, dict]]:
    """Return (raw record, gold) pairs; gold has body lines as strings."""
    cases = []
    if "seeds" in which:
        for g in yaml.safe_load((GOLD / "seeds.yaml").read_text(encoding="utf-8")):
            text = (get_settings().seeds_dir / g["file"]).read_text(encoding="utf-8")
            lines = text.split("\n")
            gold = dict(g, set="seeds", body=[lines[i] for i in g["body"]])
            cases.append((_raw(g["file"], g["file"], "txt", text=text), gold))
    if "html" in which:
        for g in yaml.safe_load((GOLD / "html.yaml").read_text(encoding="utf-8")):
            page = (GOLD / "html" / g["file"]).read_text(encoding="utf-8")
            cases.append((_raw(g["file"], g["file"], "html", html=page, url=g.get("url")), dict(g, set="html")))
    corpus = get_settings().shared_dir / "corpora" / "detik-1000.jsonl"
    if "detik" in which and corpus.is_file():
        docs = {}
        with corpus.open(encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                docs.setdefault(str(d["id"]), d)
        for g in yaml.safe_load((GOLD / "detik.yaml").read_text(encoding="utf-8")):
            d = docs[g["id"]]
            lines = d["text"].split("\n")
            for n, check in zip(g["drop"], g.get("check", [])):
                if not lines[n].strip().startswith(check):
                    raise SystemExit(f"detik {g['id']} line {n} changed: {lines[n][:40]!r}")
            body = [ln for n, ln in enumerate(lines) if ln.strip() and n not in set(g["drop"])]
            gold = dict(g, set="detik", body=body, title=d["title"], published=d["published"][:10])
            raw = _raw(g["id"], f"detik:{g['id']}", "jsonl-text", text=d["text"], url=d["url"],
                       title=d["title"], published=d["published"])
            cases.append((raw, gold))
    return cases


def _norm(s):
    return " ".join(words(s)) if s else None


def baseline_clean(raw: pl.DataFrame) -> pl.DataFrame:
    """The "before" figures: raw text lines as body, or trafilatura alone for HTML pages."""
    import trafilatura

    rows = []
    for rec in raw.iter_rows(named=True):
        title, published, text = rec["title_hint"], rec["published_hint"], rec["text"] or ""
        if rec["html"]:
            doc = trafilatura.bare_extraction(rec["html"], url=rec["url"], with_metadata=True)
            text = doc.text if doc is not None and doc.text else ""
            title = title or (doc.title if doc is not None else None)
            published = published or (doc.date if doc is not None else None)
        when = None
        if published:
            when = dt.datetime.fromisoformat(published[:19]).replace(tzinfo=dt.timezone(dt.timedelta(hours=7)))
        rows.append({"article_id": f"{len(rows):016x}", "title": title, "published_at": when, "outlet_id": None,
                     "dateline": None, "editor": None,
                     "body": "\n\n".join(ln.strip() for ln in text.split("\n") if ln.strip())})
    return pl.DataFrame(rows, schema_overrides={"published_at": pl.Datetime("us", "UTC")})


def score(cases, verbose=False, baseline=False) -> dict:
    """Run the cleaner over the cases and compute the metrics per set and overall."""
    raw = pl.DataFrame([c[0] for c in cases])
    t0 = time.perf_counter()
    clean = baseline_clean(raw) if baseline else clean_articles(raw)
    elapsed = time.perf_counter() - t0
    cites = article_citations(clean) if not baseline else pl.DataFrame(
        schema={"article_id": pl.String, "source_id": pl.String, "role": pl.String})
    by_article: dict[str, dict[str, set]] = {}
    for r in cites.iter_rows(named=True):
        by_article.setdefault(r["article_id"], {}).setdefault(r["role"], set()).add(r["source_id"])

    stats: dict[str, Counter] = {}
    for (rawrec, gold), out in zip(cases, clean.iter_rows(named=True)):
        for key in (gold["set"], "all"):
            s = stats.setdefault(key, Counter())
            _score_one(s, gold, out, by_article.get(out["article_id"], {}), verbose and key == "all")
    return {"stats": stats, "seconds": elapsed, "docs": len(cases)}


def _score_one(s: Counter, gold: dict, out: dict, roles: dict, verbose: bool) -> None:
    paras = [p for p in (out["body"] or "").split("\n\n") if p.strip()]
    gold_lines = [ln for ln in gold["body"] if ln.strip()]
    gw = [words(ln) for ln in gold_lines]
    pw = [words(p) for p in paras]
    matched_gold = [any(bag_f1(g, p) >= 0.8 for p in pw) for g in gw]
    matched_pred = [any(bag_f1(p, g) >= 0.8 for g in gw) for p in pw]
    s["docs"] += 1
    s["gold_lines"] += len(gw)
    s["pred_lines"] += len(pw)
    s["line_tp_r"] += sum(matched_gold)
    s["line_tp_p"] += sum(matched_pred)
    s["word_f1_x1000"] += round(1000 * bag_f1([w for p in pw for w in p], [w for g in gw for w in g]))
    s["body_perfect"] += all(matched_gold) and all(matched_pred)
    title_ok = _norm(out["title"]) == _norm(gold.get("title"))
    s["title_ok"] += title_ok
    published = out["published_at"]
    want = gold.get("published")
    # Compare calendar days in Indonesian time (WIB): "16 Mei 00:30 WIB" is 15 Mei in UTC.
    wib = dt.timezone(dt.timedelta(hours=7))
    got_day = published.astimezone(wib).date() if published is not None else None
    want_day = dt.date.fromisoformat(str(want)) if want else None
    s["date_exact"] += got_day == want_day
    s["date_1day"] += (got_day == want_day) or (
        got_day is not None and want_day is not None and abs((got_day - want_day).days) <= 1)
    s["outlet_ok"] += out["outlet_id"] == gold.get("outlet")
    s["dateline_ok"] += (out["dateline"] or "").lower() == (gold.get("dateline") or "").lower()
    s["editor_ok"] += (out["editor"] or "") == (gold.get("editor") or "")
    publisher = out["outlet_id"]
    for role, key in (("cited", "cited"), ("photo", "photo")):
        got = set(roles.get(role, set())) - ({publisher} if role == "photo" else set())
        exp = set(gold.get(key) or [])
        s[f"{key}_tp"] += len(got & exp)
        s[f"{key}_pred"] += len(got)
        s[f"{key}_gold"] += len(exp)
    if verbose:
        problems = []
        for g, ok in zip(gold_lines, matched_gold):
            if not ok:
                problems.append(f"  MISSING body: {g[:100]!r}")
        for p, ok in zip(paras, matched_pred):
            if not ok:
                problems.append(f"  EXTRA line:   {p[:100]!r}")
        if not title_ok:
            problems.append(f"  title: {out['title']!r} != {gold.get('title')!r}")
        if not ((got_day == want_day)):
            problems.append(f"  date: {got_day} != {want_day}")
        if out["outlet_id"] != gold.get("outlet"):
            problems.append(f"  outlet: {out['outlet_id']} != {gold.get('outlet')}")
        if (out["dateline"] or "").lower() != (gold.get("dateline") or "").lower():
            problems.append(f"  dateline: {out['dateline']} != {gold.get('dateline')}")
        if (out["editor"] or "") != (gold.get("editor") or ""):
            problems.append(f"  editor: {out['editor']} != {gold.get('editor')}")
        for role in ("cited", "photo"):
            got = set(roles.get(role, set())) - ({publisher} if role == "photo" else set())
            if got != set(gold.get(role) or []):
                problems.append(f"  {role}: {sorted(got)} != {sorted(gold.get(role) or [])}")
        if problems:
            print(f"[{gold['set']}] {gold.get('file') or gold.get('id')}")
            print("\n".join(problems))


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  -  "


def table(result: dict) -> str:
    """Format the metrics as a small fixed-width table."""
    rows = [("set", "docs", "line P", "line R", "word F1", "title", "date", "date±1", "outlet",
             "dateline", "editor", "cited P", "cited R", "photo P", "photo R")]
    for name, s in result["stats"].items():
        n = s["docs"]
        rows.append((
            name, str(n), _ratio(s["line_tp_p"], s["pred_lines"]), _ratio(s["line_tp_r"], s["gold_lines"]),
            f"{s['word_f1_x1000'] / n / 1000:.3f}", f"{s['title_ok']}/{n}", f"{s['date_exact']}/{n}",
            f"{s['date_1day']}/{n}", f"{s['outlet_ok']}/{n}", f"{s['dateline_ok']}/{n}", f"{s['editor_ok']}/{n}",
            _ratio(s["cited_tp"], s["cited_pred"]), _ratio(s["cited_tp"], s["cited_gold"]),
            _ratio(s["photo_tp"], s["photo_pred"]), _ratio(s["photo_tp"], s["photo_gold"]),
        ))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.rjust(w) for c, w in zip(r, widths)) for r in rows]
    lines.append(f"cleaned {result['docs']} documents in {result['seconds']:.3f} s")
    return "\n".join(lines)


def bench(repeat: int = 3) -> str:
    """CPU seconds for clean_articles on the 1000 detik articles (best of ``repeat``)."""
    corpus = get_settings().shared_dir / "corpora" / "detik-1000.jsonl"
    rows = [json.loads(line) for line in corpus.open(encoding="utf-8")]
    raw = pl.DataFrame([
        _raw(str(r["id"]), f"detik:{r['id']}", "jsonl-text", text=r["text"], url=r["url"],
             title=r["title"], published=r["published"])
        for r in rows
    ])
    clean_articles(raw.head(5))  # load models and lexicons once
    best_cpu = best_wall = float("inf")
    for _ in range(repeat):
        c0, w0 = time.process_time(), time.perf_counter()
        clean = clean_articles(raw)
        best_cpu = min(best_cpu, time.process_time() - c0)
        best_wall = min(best_wall, time.perf_counter() - w0)
    c0 = time.process_time()
    article_citations(clean)
    cites = time.process_time() - c0
    return (f"clean_articles: {len(rows)} articles in {best_cpu:.3f} s CPU ({best_wall:.3f} s wall), "
            f"{1000 * best_cpu / len(rows):.2f} ms per article; article_citations: {cites:.3f} s CPU")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", action="append", choices=["seeds", "detik", "html"])
    ap.add_argument("--json", action="store_true", help="print the raw counts as JSON")
    ap.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    ap.add_argument("--baseline", action="store_true",
                    help="score the 'before' state: raw text, or trafilatura alone for HTML")
    ap.add_argument("--bench", action="store_true",
                    help="time clean_articles on ../shared/corpora/detik-1000.jsonl (best of 3, CPU seconds)")
    args = ap.parse_args(argv)
    if args.bench:
        print(bench())
        return 0
    result = score(load_cases(set(args.set or ["seeds", "detik", "html"])), args.verbose, args.baseline)
    if args.json:
        print(json.dumps({k: dict(v) for k, v in result["stats"].items()}, indent=1))
    print(table(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
