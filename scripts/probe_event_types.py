"""Probe: would a learned sentence-level type model find events the lexicon misses?

An experiment, not part of the pipeline. It trains a TF-IDF (word 1-2-gram) logistic
regression per event type on the dev annotations (``tests/golden/events_eval/dev-*.yaml``)
and scores it leave-one-outlet-out, so every sentence is predicted by a model that never saw
its outlet. It prints, at the level of (sentence, type) pairs, the lexicon's precision and
recall, the classifier's, their union and the lexicon filtered by the classifier; then the
strict scores of the extracted events kept when the classifier agrees with their type.

    .venv/bin/python scripts/probe_event_types.py

Dev only: the frozen test split is never read.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import score_events_eval as sc  # noqa: E402  (scripts/ is on the path when run as a script)

from warta.evaluation.events import score  # noqa: E402
from warta.text.sentences import sentence_spans  # noqa: E402

MIN_POSITIVES = 3  # a type with fewer training sentences in a fold is not predicted there


def pair_scores(predicted: list[set[str]], gold: list[set[str]]) -> tuple[float, float, float]:
    """Micro precision, recall and F1 of predicted (sentence, type) pairs against gold ones."""
    tp = sum(len(p & g) for p, g in zip(predicted, gold))
    n_pred, n_gold = sum(map(len, predicted)), sum(map(len, gold))
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def out_of_outlet_probabilities(texts: list[str], labels: np.ndarray, outlets: np.ndarray) -> np.ndarray:
    """Each sentence's probability of each type from a model trained on the other outlets."""
    probs = np.zeros(labels.shape)
    for outlet in sorted(set(outlets)):
        train, test = outlets != outlet, outlets == outlet
        vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        x_train = vectorizer.fit_transform([texts[i] for i in np.nonzero(train)[0]])
        x_test = vectorizer.transform([texts[i] for i in np.nonzero(test)[0]])
        for j in range(labels.shape[1]):
            if labels[train, j].sum() < MIN_POSITIVES:
                continue
            model = LogisticRegression(C=4.0, max_iter=2000, class_weight="balanced")
            probs[test, j] = model.fit(x_train, labels[train, j]).predict_proba(x_test)[:, 1]
    return probs


def main() -> None:
    """Print the probe's figures on the dev split."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=None)
    args = parser.parse_args()
    articles = sc.load_annotations(sc.annotation_files("dev"))
    records = sc.extract(sc.corpus_documents(articles, args.corpora or sc.DEFAULT_CORPORA))
    golds, _ = sc.gold_events(articles, records)
    systems = sc.system_events(records)
    outlet_of = {a["id"]: a["outlet"] for a in articles}

    gold_types, system_types = collections.defaultdict(set), collections.defaultdict(set)
    for g in golds:
        if not g.optional:
            for sid in g.sentences:
                gold_types[(g.article, sid)].add(g.types[0])
    for e in systems:
        system_types[(e.article, e.sentence_id)].add(e.type)
    sentences = [(aid, sid, r["body"][x:y]) for aid, r in records.items()
                 for sid, (x, y) in enumerate(sentence_spans(r["body"]))]
    types = sorted({t for ts in gold_types.values() for t in ts})
    gold = [gold_types[(a, s)] for a, s, _ in sentences]
    lexicon = [system_types[(a, s)] & set(types) for a, s, _ in sentences]
    labels = np.array([[t in g for t in types] for g in gold], dtype=int)
    outlets = np.array([outlet_of[a] for a, _, _ in sentences])
    probs = out_of_outlet_probabilities([t for _, _, t in sentences], labels, outlets)

    def line(name: str, predicted: list[set[str]]) -> None:
        p, r, f = pair_scores(predicted, gold)
        print(f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} |")

    print(f"{len(sentences)} dev sentences, {len(set(outlets))} outlets, leave-one-outlet-out\n")
    print("| (sentence, type) pairs | P | R | F1 |\n|---|---:|---:|---:|")
    line("lexicon (the extractor's events)", lexicon)
    for th in (0.5, 0.7, 0.8):
        model = [{types[j] for j in np.nonzero(probs[i] >= th)[0]} for i in range(len(sentences))]
        line(f"classifier, p >= {th}", model)
        line(f"lexicon or classifier, p >= {th}", [m | x for m, x in zip(model, lexicon)])
        line(f"lexicon and classifier, p >= {th}", [m & x for m, x in zip(model, lexicon)])

    row = {(a, s): i for i, (a, s, _) in enumerate(sentences)}
    col = {t: j for j, t in enumerate(types)}

    def agreement(e) -> float:
        i, j = row.get((e.article, e.sentence_id)), col.get(e.type)
        return 0.0 if i is None or j is None else float(probs[i, j])

    print("\n| strict, extracted events kept when the classifier gives their type | events | P | R | F1 |")
    print("|---|---:|---:|---:|---:|")
    for th in (0.0, 0.2, 0.5, 0.7):
        kept = [e for e in systems if agreement(e) >= th]
        s = score(golds, kept, lenient=False)
        print(f"| p >= {th} | {len(kept)} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} |")


if __name__ == "__main__":
    main()
