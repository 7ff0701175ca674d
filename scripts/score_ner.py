"""Entity-level NER scores of what ``warta extract`` prints, on held-out dev splits.

    python scripts/score_ner.py [--eval-model DIR] [--splits NAME ...] [--errors FILE] [--json]

Each sentence of a dev split becomes one document (its tokens joined by spaces) and goes
through ingest, clean and extract exactly as ``warta extract -`` runs them. Its mentions
are aligned back onto the sentence (cleaning may cut a dateline or close up tokenised
punctuation) and scored against the gold spans: exact span and type,
PER / ORG / LOC with COUNTRY counted as LOC, micro-averaged (conlleval rules). A sentence
the cleaning stage quarantines (too short to be an article) yields no mentions.

Splits:

* ``clickid-news-dev``, ``indosum-news-dev``: ``tests/golden/ner_eval/``, from sources none
  of the training data draws on; scored with the shipped model, which never saw them;
* ``nergrit.valid``, ``idner-news-2k.dev``: ``../shared/data/ner``. The shipped model is
  trained on them, so they are scored with the evaluation model that ``make train-ner``
  leaves in ``tmp/ner-eval`` (trained on the train splits only); without it they are
  skipped (``--shipped`` scores them with the shipped model, marked as seen in training).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import warta.actors as actors_package  # noqa: E402
import warta.actors.ner as ner_module  # noqa: E402
from warta.actors.ner import NerTagger  # noqa: E402
from warta.actors.ner_features import MODEL_STEM, bio_to_spans  # noqa: E402
from warta.extract_json import extract_documents  # noqa: E402
from warta.ingest.reading import stdin_documents  # noqa: E402
from warta.settings import get_settings  # noqa: E402

NER_EVAL = ROOT / "tests" / "golden" / "ner_eval"
EVAL_MODEL = ROOT / "tmp" / "ner-eval"
IN_REPO = ("clickid-news-dev", "indosum-news-dev")
SHARED = ("nergrit.valid", "idner-news-2k.dev")
TYPES = ("ALL", "PER", "ORG", "LOC")

Span = tuple[int, int, int, str]  # sentence, start, end, type


def split_path(name: str) -> Path:
    """Where the BIO file of a dev split lives."""
    if name in IN_REPO:
        return NER_EVAL / f"{name}.tsv"
    return get_settings().shared_dir / "data" / "ner" / f"{name}.tsv"


def read_sentences(path: Path) -> list[tuple[str, set[tuple[int, int, str]]]]:
    """Sentences of a BIO file (``#`` lines are comments) as (tokens joined by spaces, gold
    character spans)."""
    out = []
    tokens: list[tuple[str, str]] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("# "):
            continue
        if line.strip():
            token, _, tag = line.partition("\t")
            tokens.append((token, tag.strip() or "O"))
            continue
        if not tokens:
            continue
        starts, pos = [], 0
        for token, _ in tokens:
            starts.append(pos)
            pos += len(token) + 1
        gold = {(starts[a], starts[b - 1] + len(tokens[b - 1][0]), t)
                for a, b, t in bio_to_spans([g for _, g in tokens])}
        out.append((" ".join(t for t, _ in tokens), gold))
        tokens = []
    return out


def extracted_spans(texts: list[str]) -> tuple[set[Span], int]:
    """Mentions ``warta extract`` prints for each text, as spans of that text (COUNTRY -> LOC),
    and how many texts were quarantined."""
    lines = [json.dumps({"id": str(i), "text": t}, ensure_ascii=False).encode() for i, t in enumerate(texts)]
    pred: set[Span] = set()
    quarantined = 0
    for rec in extract_documents(*stdin_documents(lines, 1 << 26)):
        if rec.get("quarantine") or rec.get("body") is None:
            quarantined += 1
            continue
        i = int(rec["id"])
        where = body_offsets(rec["body"], texts[i])
        for m in rec["mentions"]:
            start, last = where.get(m["start"]), where.get(m["end"] - 1)
            if start is not None and last is not None:
                pred.add((i, start, last + 1, "LOC" if m["type"] == "COUNTRY" else m["type"]))
    return pred, quarantined


def body_offsets(body: str, text: str) -> dict[int, int]:
    """Map offsets of the clean body to offsets of the text it was cleaned from.

    Cleaning may cut a dateline off the front and close up tokenised punctuation
    ("Jakarta , Senin" -> "Jakarta, Senin"), so the body is aligned to the text
    character by character."""
    at = text.find(body)
    if at >= 0:
        return {k: k + at for k in range(len(body))}
    out: dict[int, int] = {}
    for a, b, n in SequenceMatcher(None, body, text, autojunk=False).get_matching_blocks():
        out.update((a + k, b + k) for k in range(n))
    return out


def prf(pred: set[Span], gold: set[Span]) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 and gold count per type and overall."""
    out = {}
    for t in TYPES:
        p = {x for x in pred if t == "ALL" or x[3] == t}
        g = {x for x in gold if t == "ALL" or x[3] == t}
        tp = len(p & g)
        pr = tp / len(p) if p else 0.0
        rc = tp / len(g) if g else 0.0
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        out[t] = {"p": round(pr, 4), "r": round(rc, 4), "f1": round(f1, 4), "n": len(g)}
    return out


def use_model(model_dir: Path | None) -> dict:
    """Point the actor stage at another NER model folder (None: the shipped one); its metadata.

    Only the NER changes: the other models of ``Settings.model_dir`` stay as they are.
    """
    tagger = NerTagger.load(model_dir) if model_dir is not None else NerTagger.load()
    ner_module.load_ner = actors_package.load_ner = lambda: tagger
    return tagger.meta


def tagged_spans(texts: list[str]) -> tuple[set[Span], int]:
    """The bare NER tagger's spans of each text (no gazetteer, no actor rules)."""
    tagger = ner_module.load_ner()
    return {(i, s, e, t) for i, spans in enumerate(tagger.spans(texts)) for s, e, t in spans}, 0


def score_split(name: str, errors: list[str] | None = None, ner_only: bool = False) -> dict:
    """Score the current model on one split; append its errors to ``errors`` if given."""
    sents = read_sentences(split_path(name))
    pred, quarantined = (tagged_spans if ner_only else extracted_spans)([t for t, _ in sents])
    gold = {(i, s, e, t) for i, (_, spans) in enumerate(sents) for s, e, t in spans}
    if errors is not None:
        by_sentence: dict[int, list[str]] = {}
        for i, s, e, t in sorted(gold - pred):
            by_sentence.setdefault(i, []).append(f"- {t} {sents[i][0][s:e]}")
        for i, s, e, t in sorted(pred - gold):
            by_sentence.setdefault(i, []).append(f"+ {t} {sents[i][0][s:e]}")
        for i, lines in sorted(by_sentence.items()):
            errors.append(f"# {name} {i}: {sents[i][0]}")
            errors.extend(lines)
    return {"sentences": len(sents), "quarantined": quarantined, "scores": prf(pred, gold)}


def main(argv: list[str] | None = None) -> int:
    """Print the scores per split and type."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--splits", nargs="+", default=[*IN_REPO, *SHARED])
    ap.add_argument("--eval-model", type=Path, default=EVAL_MODEL,
                    help="model trained without the shared dev splits (make train-ner writes it)")
    ap.add_argument("--shipped", action="store_true",
                    help="score the shared splits with the shipped model (seen in training)")
    ap.add_argument("--model", type=Path, help="score every split with this model folder")
    ap.add_argument("--errors", type=Path, help="write missed (-) and spurious (+) entities here")
    ap.add_argument("--ner-only", action="store_true",
                    help="score the bare tagger's spans instead of the actor stage's mentions")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    errors: list[str] | None = [] if args.errors else None
    report: dict[str, dict] = {}
    for name in args.splits:
        if not split_path(name).is_file():
            print(f"{name}: {split_path(name)} absent, skipped", file=sys.stderr)
            continue
        model = args.model
        if model is None and name not in IN_REPO and not args.shipped:
            if not (args.eval_model / f"{MODEL_STEM}.crfsuite").is_file():
                print(f"{name}: no evaluation model in {args.eval_model} (run make train-ner), skipped",
                      file=sys.stderr)
                continue
            model = args.eval_model
        meta = use_model(model)
        seen = name in (meta.get("trained_on") or [])
        report[name] = {**score_split(name, errors, args.ner_only), "model": str(model or "shipped"), "seen_in_training": seen}
    use_model(None)
    if args.errors:
        args.errors.write_text("\n".join(errors or []) + "\n", encoding="utf-8")
    if args.json:
        print(json.dumps(report, indent=1))
        return 0
    print(f"{'split':18} {'model':9} " + "  ".join(f"{t:>17}" for t in TYPES) + "   (P / R / F1)")
    for name, r in report.items():
        model = "shipped" if r["model"] == "shipped" else "eval"
        cells = "  ".join(f"{v['p']:.3f}/{v['r']:.3f}/{v['f1']:.3f}" for v in r["scores"].values())
        note = " SEEN IN TRAINING" if r["seen_in_training"] else ""
        print(f"{name:18} {model:9} {cells}   {r['sentences']} sentences, "
              f"{sum(Counter({t: v['n'] for t, v in r['scores'].items() if t != 'ALL'}).values())} entities{note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
