"""Score event extraction on the blind evaluation set (tests/golden/events_eval/), strictly.

Runs the articles through ingest, clean and extract exactly as ``warta extract`` does,
finds each annotation's anchor in the cleaned body, and scores with
:mod:`warta.evaluation.events`: an event counts only when its sentence, type and both
actors match (by canonical name or a listed alias, never by substring).

    .venv/bin/python scripts/score_events_eval.py                 # the dev split
    .venv/bin/python scripts/score_events_eval.py --verbose       # with every miss and false positive
    .venv/bin/python scripts/score_events_eval.py --agreement     # inter-annotator agreement
    .venv/bin/python scripts/score_events_eval.py --split test --final   # the frozen test split, once, at the end

The test split is frozen: score it only when a piece of work is finished, report it,
and never change a rule because of it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from warta.evaluation.events import (  # noqa: E402
    GoldEvent,
    Score,
    SystemEvent,
    agreement,
    anchor_sentences,
    date_window,
    gold_actor_options,
    score,
    system_mode,
)

EVAL_DIR = ROOT / "tests" / "golden" / "events_eval"
DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora"


CONFIDENCE_FLOORS = (0.0, 0.3, 0.4, 0.5, 0.6)


def annotation_files(split: str) -> list[Path]:
    """The annotation files of a split: ``dev-*.yaml`` or ``test-*.yaml``."""
    return sorted(EVAL_DIR.glob(f"{split}-*.yaml"))


def load_annotations(paths: list[Path]) -> list[dict]:
    """Every annotated article of ``paths``, in file order."""
    articles = []
    for path in paths:
        articles.extend(yaml.safe_load(path.read_text(encoding="utf-8"))["articles"])
    return articles


def corpus_documents(articles: list[dict], corpora: Path) -> dict[str, dict]:
    """The corpus record of each annotated article, keyed by its id."""
    wanted: dict[str, set[str]] = {}
    for art in articles:
        wanted.setdefault(art["file"], set()).add(str(art["id"]))
    docs = {}
    for file, ids in wanted.items():
        with (corpora / file).open(encoding="utf-8") as fh:
            for line in fh:
                doc = json.loads(line)
                if str(doc["id"]) in ids:
                    docs[str(doc["id"])] = doc
    return docs


def extract(docs: dict[str, dict]) -> dict[str, dict]:
    """``warta extract`` over the documents (as one JSONL file): its record per document id."""
    from warta.extract_json import extract_documents
    from warta.ingest import raw_articles
    from warta.settings import get_settings

    settings = get_settings()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "eval.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for doc in docs.values():
                fields = {k: doc[k] for k in ("id", "url", "title", "published", "text") if doc.get(k) is not None}
                fh.write(json.dumps(fields, ensure_ascii=False) + "\n")
        records = {}
        for raw, quarantine in raw_articles([str(path)], settings.batch_size, settings.max_file_bytes):
            for record in extract_documents(raw, quarantine):
                records[str(record["id"])] = record
    return records


def gold_events(articles: list[dict], records: dict[str, dict]) -> tuple[list[GoldEvent], list[str]]:
    """Annotated events located in the clean bodies, and the anchors that could not be found."""
    golds, lost = [], []
    for art in articles:
        aid = str(art["id"])
        body = (records.get(aid) or {}).get("body") or ""
        for ev in art["events"]:
            types = ev["type"] if isinstance(ev["type"], list) else [ev["type"]]
            sentences = anchor_sentences(body, ev["sentence"])
            if not sentences:
                lost.append(f"{aid}: {ev['sentence']!r}")
            golds.append(GoldEvent(
                article=aid, anchor=ev["sentence"], types=tuple(types),
                actor1=gold_actor_options(ev.get("actor1")), actor2=gold_actor_options(ev.get("actor2")),
                mode=ev.get("mode") or "happened", date=date_window(ev.get("date")),
                optional=bool(ev.get("optional")), sentences=sentences,
            ))
    return golds, lost


def system_events(records: dict[str, dict]) -> list[SystemEvent]:
    """The extracted events of every record."""
    out = []
    for aid, record in records.items():
        for e in record.get("events") or []:
            out.append(SystemEvent(
                article=aid, sentence_id=e["sentence_id"], type=e["type"],
                actor1=e["actor1"], actor2=e["actor2"],
                actor1_named=e.get("actor1_id") is not None, actor2_named=e.get("actor2_id") is not None,
                mode=system_mode(e.get("mode")),
                date=dt.date.fromisoformat(e["date"]) if e.get("date") else None,
                sentence=e.get("sentence") or "",
                actor1_mention=e.get("actor1_mention"), actor2_mention=e.get("actor2_mention"),
                confidence=float(e.get("confidence") or 0.0),
            ))
    return out


def evaluate(split: str, corpora: Path) -> dict:
    """Score a split: strict and lenient scores, the lost anchors and the raw material for a report."""
    articles = load_annotations(annotation_files(split))
    docs = corpus_documents(articles, corpora)
    records = extract(docs)
    golds, lost = gold_events(articles, records)
    systems = system_events({k: v for k, v in records.items() if k in {str(a["id"]) for a in articles}})
    return {
        "split": split, "articles": len(articles), "quarantined": sum(1 for r in records.values() if r["quarantine"]),
        "strict": score(golds, systems), "lenient": score(golds, systems, lenient=True), "lost": lost,
        "gold": sum(1 for g in golds if not g.optional), "optional": sum(1 for g in golds if g.optional),
        "extracted": len(systems), "records": records,
        "by_confidence": [(floor, score(golds, [s for s in systems if s.confidence >= floor]))
                          for floor in CONFIDENCE_FLOORS],
        "by_file": _by_file(annotation_files(split), golds, systems),
    }


def _by_file(paths: list[Path], golds: list, systems: list) -> list[tuple[str, int, Score, Score]]:
    """Strict and lenient scores of each annotation file's articles: a part added later
    ("dev-c") shows whether rules tuned on the others carry over."""
    out = []
    for path in paths:
        name, ids = path.name, {str(a["id"]) for a in load_annotations([path])}
        g = [x for x in golds if x.article in ids]
        s = [x for x in systems if x.article in ids]
        out.append((name, len(ids), score(g, s), score(g, s, lenient=True)))
    return out


def _row(label: str, s: Score) -> str:
    return f"| {label} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.tp} | {s.fp} | {s.fn} |"


def render(result: dict) -> str:
    """The score table (markdown)."""
    strict, lenient = result["strict"], result["lenient"]
    lines = [
        f"Events, {result['split']} split: {result['articles']} articles ({result['quarantined']} quarantined), "
        f"{result['gold']} gold events (+{result['optional']} optional), {result['extracted']} extracted; "
        f"{len(result['lost'])} anchors not found in the clean bodies",
        "",
        "| scoring | P | R | F1 | TP | FP | FN |",
        "|---|---:|---:|---:|---:|---:|---:|",
        _row("strict: sentence, type and both actors", strict),
        _row("lenient: sentence and type only", lenient),
        "",
        f"Mode accuracy on strict matches: {strict.mode_right}/{strict.tp}; "
        f"date within the annotated window: {strict.date_right}/{strict.date_scored}",
        f"On lenient matches: mode {lenient.mode_right}/{lenient.tp}, date {lenient.date_right}/{lenient.date_scored}",
        "",
        "Strict scores of the events at or above a confidence (the `confidence` column):",
        "",
        "| confidence ≥ | P | R | F1 | TP | FP | FN |",
        "|---|---:|---:|---:|---:|---:|---:|",
        *(_row(f"{floor:.2f}", s) for floor, s in result["by_confidence"]),
        "",
        "| annotation file | articles | strict P / R / F1 | lenient P / R / F1 |",
        "|---|---:|---|---|",
        *(f"| {name} | {n} | {s.precision:.3f} / {s.recall:.3f} / {s.f1:.3f} | "
          f"{lenient_s.precision:.3f} / {lenient_s.recall:.3f} / {lenient_s.f1:.3f} |"
          for name, n, s, lenient_s in result["by_file"]),
        "",
        "| type | P | R | F1 | TP | FP | FN |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for etype in sorted(set(strict.per_type) | set(lenient.per_type)):
        c = strict.per_type.get(etype, {})
        tp, fp, fn = c.get("tp", 0), c.get("fp", 0), c.get("fn", 0)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        lines.append(f"| {etype} | {p:.2f} | {r:.2f} | {f:.2f} | {tp} | {fp} | {fn} |")
    return "\n".join(lines)


def details(result: dict) -> str:
    """Every miss, false positive and wrong date, by article (dev only)."""
    strict = result["strict"]
    lines = []
    articles = {g.article for g in strict.misses} | {s.article for s in strict.false_positives}
    for aid in sorted(articles | {g.article for g, _ in strict.wrong_dates}):
        lines.append(f"\n## {aid}")
        for g in (g for g in strict.misses if g.article == aid):
            a1 = sorted(g.actor1[0].names)[0] if g.actor1 else None
            a2 = sorted(g.actor2[0].names)[0] if g.actor2 else None
            where = sorted(g.sentences) or "anchor not found"
            lines.append(f"  MISS {'/'.join(g.types)} {a1} -> {a2} [{g.mode}] s{where}: {g.anchor}")
        for s in (s for s in strict.false_positives if s.article == aid):
            lines.append(f"  FP   {s.type} {s.actor1} -> {s.actor2} [{s.mode}] s{s.sentence_id}: {s.sentence[:160]}")
        for g, s in (pair for pair in strict.wrong_dates if pair[0].article == aid):
            window = g.date[0].isoformat() + ("" if g.date[0] == g.date[1] else f"..{g.date[1]}")
            lines.append(f"  DATE {s.type} gold {window}, extracted {s.date} s{s.sentence_id}: {s.sentence[:120]}")
    return "\n".join(lines)


def annotator_agreement(corpora: Path) -> str:
    """Agreement of the two dev annotators on the articles both annotated."""
    out = []
    for extra in sorted((EVAL_DIR / "agreement").glob("dev-*-extra.yaml")):
        theirs = load_annotations([extra])
        ids = {str(a["id"]) for a in theirs}
        mine = [a for a in load_annotations(annotation_files("dev")) if str(a["id"]) in ids]
        records = extract(corpus_documents(theirs, corpora))
        first, _ = gold_events(mine, records)
        second, _ = gold_events(theirs, records)
        agreed, only_main, only_extra = agreement(first, second)
        f1 = 2 * agreed / (2 * agreed + only_main + only_extra) if agreed else 0.0
        out.append(f"{extra.name}: {len(ids)} articles, {agreed} events agreed, {only_main} only in the main "
                   f"annotation, {only_extra} only in the second; agreement F1 {f1:.2f}")
    return "\n".join(out)


def main() -> int:
    """Score a split and print the table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=["dev", "test"], default="dev")
    parser.add_argument("--final", action="store_true", help="required for the frozen test split")
    parser.add_argument("--verbose", action="store_true", help="list every miss and false positive (dev only)")
    parser.add_argument("--agreement", action="store_true", help="inter-annotator agreement on the double-annotated articles")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    args = parser.parse_args()
    if not args.corpora.is_dir():
        print(f"score_events_eval: the corpora are not at {args.corpora} (../shared/corpora)", file=sys.stderr)
        return 2
    if args.agreement:
        print(annotator_agreement(args.corpora))
        return 0
    if args.split == "test" and not args.final:
        print("score_events_eval: the test split is frozen; score it once, at the end of a piece of work, "
              "with --final", file=sys.stderr)
        return 2
    result = evaluate(args.split, args.corpora)
    print(render(result))
    if args.verbose and args.split == "dev":
        print(details(result))
    if args.json:
        s, lenient = result["strict"], result["lenient"]
        args.json.write_text(json.dumps({
            "split": args.split, "strict": {"p": s.precision, "r": s.recall, "f1": s.f1, "tp": s.tp, "fp": s.fp, "fn": s.fn},
            "lenient": {"p": lenient.precision, "r": lenient.recall, "f1": lenient.f1},
            "mode": [s.mode_right, s.tp], "date": [s.date_right, s.date_scored],
            "per_type": {k: dict(v) for k, v in s.per_type.items()}, "lost_anchors": result["lost"],
            "by_file": {name: {"articles": n, "strict_f1": fs.f1, "lenient_f1": fl.f1}
                        for name, n, fs, fl in result["by_file"]},
        }, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
