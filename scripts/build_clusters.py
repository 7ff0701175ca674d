"""Learn the NER's word representations from unlabelled Indonesian news (``make clusters``).

Reads the CLICK-ID and IndoSum articles of ``../shared/corpora`` (never copied into the
project) and writes, beside the NER model:

* ``ner-id.clusters.tsv``: ``word, coarse, middle, fine`` cluster ids (64, 256 and 1,024
  k-means clusters of 100-dimensional word vectors: positive PMI with the words one and two
  places to the left and right, reduced by truncated SVD);
* ``ner-id.casing.tsv``: how often each word is capitalised inside a sentence (A always,
  M mostly, S sometimes, R rarely, N never).

Articles of the held-out evaluation sets (``tests/golden/ner_eval``, ``events_eval``) are
left out. Deterministic: sorted vocabulary, fixed seeds, one BLAS thread, so the same
corpora and package versions give byte-identical files. detik-1000 is not used: it has no
licence. Attribution of what the files are learned from: ``warta/models/README.md``.

Usage: python scripts/build_clusters.py [--corpora DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from warta.actors.ner_features import MODEL_STEM, tokenize  # noqa: E402
from warta.settings import get_settings  # noqa: E402
from warta.text.sentences import sentence_spans  # noqa: E402

CORPORA = ("clickid-news.jsonl", "indosum-dev.jsonl")
CLUSTER_SIZES = (64, 256, 1024)
HELD_OUT = ROOT / "tests" / "golden"


def held_out_ids() -> set[str]:
    """Ids of the articles the evaluation sets are drawn from."""
    ids: set[str] = set()
    for path in sorted((HELD_OUT / "ner_eval").glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# doc="):
                ids.add(line.split()[1][4:])
    selection = HELD_OUT / "events_eval" / "selection.tsv"
    if selection.is_file():
        with selection.open(encoding="utf-8", newline="") as fh:
            ids.update(row["id"] for row in csv.DictReader(fh, delimiter="\t"))
    return ids


def corpus_sentences(paths: list[Path], skip: set[str]) -> list[list[str]]:
    """Tokenised sentences of the ``text`` field of JSONL corpora, without the ``skip`` articles."""
    out = []
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                row = json.loads(line)
                if str(row.get("id")) in skip:
                    continue
                text = row.get("text") or ""
                for a, b in sentence_spans(text):
                    s = text[a:b]
                    out.append([s[x:y] for x, y in tokenize(s)])
    return out


_OPENERS = {'"', "“", "'", "‘", "(", "[", ":", "-", "—", ",", ".", "!", "?"}


def casing_buckets(sentences: list[list[str]], min_count: int = 3) -> dict[str, str]:
    """Bucket each word by how often it is capitalised when not opening a sentence or quote.

    ``A`` always (>= 95%), ``M`` mostly (>= 60%), ``S`` sometimes (>= 15%), ``R`` rarely,
    ``N`` never. Words seen fewer than ``min_count`` times are left out. CLICK-ID joins
    paragraphs with commas (",Gempa ..."), so a word after punctuation does not count.
    """
    total: collections.Counter[str] = collections.Counter()
    capital: collections.Counter[str] = collections.Counter()
    for tokens in sentences:
        for i in range(1, len(tokens)):
            tok = tokens[i]
            if not tok[0].isalpha() or tokens[i - 1] in _OPENERS:
                continue
            w = tok.lower()
            total[w] += 1
            if tok[0].isupper():
                capital[w] += 1
    buckets = {}
    for w, n in total.items():
        if n < min_count:
            continue
        r = capital[w] / n
        buckets[w] = "A" if r >= 0.95 else "M" if r >= 0.6 else "S" if r >= 0.15 else "R" if r > 0 else "N"
    return dict(sorted(buckets.items()))


def word_clusters(sentences: list[list[str]], min_count: int = 5, dims: int = 100,
                  sizes: tuple[int, ...] = CLUSTER_SIZES, n_context: int = 8000) -> dict[str, tuple[str, ...]]:
    """Cluster words by their neighbours in unlabelled text (Turian et al. 2010 style).

    Each word is described by positive PMI with the words one and two places to its
    left and right (directional, so syntax shows), reduced by truncated SVD and
    clustered with k-means once per size: one cluster id per size and word.
    """
    from array import array

    import numpy as np
    from scipy import sparse
    from sklearn.cluster import KMeans
    from sklearn.decomposition import TruncatedSVD
    from threadpoolctl import threadpool_limits

    counts: collections.Counter[str] = collections.Counter()
    for s in sentences:
        counts.update(t.lower() for t in s)
    vocab = sorted(w for w, n in counts.items() if n >= min_count)
    index = {w: i for i, w in enumerate(vocab)}
    ctx_words = [w for w, _ in sorted(counts.items(), key=lambda x: (-x[1], x[0]))[:n_context]]
    ctx_index = {w: i for i, w in enumerate(ctx_words)}
    # All sentences in one id array, two -1 pads between sentences, so that no pair of
    # words one or two places apart crosses a sentence boundary.
    flat_w, flat_c = array("i", [-1, -1]), array("i", [-1, -1])
    for s in sentences:
        low = [t.lower() for t in s]
        flat_w.extend([index.get(w, -1) for w in low] + [-1, -1])
        flat_c.extend([ctx_index.get(w, -1) for w in low] + [-1, -1])
    words = np.frombuffer(flat_w, dtype=np.int32).astype(np.int64)
    ctx = np.frombuffer(flat_c, dtype=np.int32).astype(np.int64)
    width = 4 * n_context
    m = sparse.csr_matrix((len(vocab), width))
    for slot, off in enumerate((-2, -1, 1, 2)):
        src = words[2:-2]
        dst = ctx[2 + off: len(ctx) - 2 + off]
        ok = (src >= 0) & (dst >= 0)
        keys, n = np.unique(src[ok] * width + slot * n_context + dst[ok], return_counts=True)
        m = m + sparse.csr_matrix((n.astype(np.float64), (keys // width, keys % width)), shape=m.shape)
    total = m.sum()
    row = np.asarray(m.sum(axis=1)).ravel()
    col = np.asarray(m.sum(axis=0)).ravel() ** 0.75  # context smoothing as in word2vec
    col = col / col.sum() * total
    m = m.tocoo()
    pmi = np.log(m.data * total / (row[m.row] * col[m.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape)
    # One thread, so that floating-point sums, and so the clusters, do not depend on the machine.
    with threadpool_limits(1):
        vectors = TruncatedSVD(n_components=dims, random_state=0, algorithm="arpack").fit_transform(ppmi)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
        labels = [KMeans(n_clusters=k, random_state=0, n_init=1, max_iter=100).fit_predict(vectors)
                  for k in sizes]
    return {w: tuple(str(lab[i]) for lab in labels) for i, w in enumerate(vocab)}


def write_rows(path: Path, rows: dict[str, tuple[str, ...] | str]) -> None:
    """Write ``key<TAB>value...`` lines."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        for key, value in rows.items():
            w.writerow([key, *(value if isinstance(value, tuple) else (value,))])


def main(argv: list[str] | None = None) -> int:
    """Build and write the clusters and casing table."""
    settings = get_settings()
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", type=Path, default=settings.shared_dir / "corpora")
    ap.add_argument("--out", type=Path, default=settings.model_dir)
    args = ap.parse_args(argv)
    paths = [args.corpora / name for name in CORPORA]
    missing = [p for p in paths if not p.is_file()]
    if missing:
        print(f"missing corpora: {', '.join(map(str, missing))}", file=sys.stderr)
        return 1
    start = time.time()
    sentences = corpus_sentences(paths, held_out_ids())
    print(f"{len(sentences):,} sentences, {sum(map(len, sentences)):,} tokens ({time.time() - start:.0f} s)")
    casing = casing_buckets(sentences)
    clusters = word_clusters(sentences)
    print(f"casing entries: {len(casing):,}; clustered words: {len(clusters):,} ({time.time() - start:.0f} s)")
    args.out.mkdir(parents=True, exist_ok=True)
    write_rows(args.out / f"{MODEL_STEM}.casing.tsv", casing)
    write_rows(args.out / f"{MODEL_STEM}.clusters.tsv", clusters)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
