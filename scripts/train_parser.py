#!/usr/bin/env python
"""Train a fast Indonesian UPOS tagger + dependency parser with spaCy (Warta).

Standalone and deterministic:
  1. converts UD CoNLL-U files to spaCy DocBin on *surface tokens*
     (multiword tokens such as "menyetujuinya" = menyetujui + nya are merged back
     into one token; the merged token takes UPOS/head/deprel of the syntactic word
     that attaches outside the span),
  2. trains with the shipped config (scripts/parser.cfg), fixed seed, one thread,
  3. evaluates UPOS / UAS / LAS on each held-out split,
  4. writes the final model (nlp.to_disk) to --out with normalised meta.json so the
     artifact is byte-reproducible.

The shipped model (``make train-parser``; defaults: scripts/parser.cfg, train = GSD v2.0
train + CSUI train with CSUI deprels mapped to the GSD v2.0 label set, checkpoint
selection on GSD v2.0 dev, evaluation also on CSUI test and PUD, never trained on):
  .venv/bin/python scripts/train_parser.py                 # -> warta/models/parser-id
A GSD-only experiment into another folder:
  .venv/bin/python scripts/train_parser.py --train gsd --label-map none --out /tmp/parser-gsd

The UD treebanks are read from ../shared/data/ud (their README gives licences: the model
is CC BY-SA 4.0). docs/parser.md has the figures and how the configuration was chosen.
"""
from __future__ import annotations

import os
import sys

# --- determinism / single thread: must happen before numpy/thinc are imported ---
_ENV = {
    "PYTHONHASHSEED": "0",
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "BLIS_NUM_THREADS": "1",
    "NUMEXPR_NUM_THREADS": "1",
    "VECLIB_MAXIMUM_THREADS": "1",
}
if any(os.environ.get(k) != v for k, v in _ENV.items()):
    os.environ.update(_ENV)
    os.execv(sys.executable, [sys.executable] + sys.argv)

import argparse  # noqa: E402
import hashlib  # noqa: E402
import json  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import spacy  # noqa: E402
from spacy.tokens import Doc, DocBin  # noqa: E402
from spacy.vocab import Vocab  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ud"
DEFAULT_OUT = ROOT / "warta" / "models" / "parser-id"
DATASETS = {
    "gsd": "gsd-v2.0.train.conllu",
    "gsd-dev": "gsd-v2.0.dev.conllu",
    "csui": "csui.train.conllu",
    "csui-test": "csui.test.conllu",
    "pud": "pud.conllu",  # test only, never used for training
}
TRAINABLE = {"gsd", "csui"}
# GSD v2.0 deprel inventory (the scheme the final label set follows when --label-map gsd).
GSD_LABELS = {
    "acl", "advcl", "advmod", "amod", "appos", "aux", "case", "cc", "ccomp", "compound",
    "compound:plur", "conj", "cop", "csubj", "csubj:pass", "dep", "det", "fixed", "flat",
    "iobj", "mark", "nmod", "nsubj", "nsubj:pass", "nummod", "obj", "obl", "parataxis",
    "punct", "root", "xcomp",
}


# ----------------------------------------------------------------------------- CoNLL-U
def read_conllu(path: Path):
    """Yield sentences as lists of surface tokens: dict(form, upos, head, deprel).

    Multiword tokens (lines "a-b") are merged into one surface token. The merged token
    takes the annotation of the syntactic word whose head lies outside the span (the
    first such word if several do); heads pointing into the span are redirected to it.
    Empty nodes ("a.b") are skipped.
    """
    stats = {"sents": 0, "tokens": 0, "mwt": 0, "mwt_multi_external": 0}
    sent_lines: list[list[str]] = []
    mwts: list[tuple[int, int, str]] = []

    def flush():
        if not sent_lines:
            return None
        words = {}
        for cols in sent_lines:
            words[int(cols[0])] = cols
        word_ids = sorted(words)
        # map word id -> surface token index
        w2t = {}
        tokens = []
        span_of = {}
        for a, b, form in mwts:
            for w in range(a, b + 1):
                span_of[w] = (a, b, form)
        i = 0
        done_spans = set()
        for w in word_ids:
            if w in span_of:
                a, b, form = span_of[w]
                if (a, b) in done_spans:
                    w2t[w] = w2t[a]
                    continue
                done_spans.add((a, b))
                span = range(a, b + 1)
                ext = [x for x in span if int(words[x][6]) not in span]
                if len(ext) > 1:
                    stats["mwt_multi_external"] += 1
                headw = ext[0] if ext else a
                stats["mwt"] += 1
                for x in span:
                    w2t[x] = i
                tokens.append({"form": form, "word": headw})
            else:
                w2t[w] = i
                tokens.append({"form": words[w][1], "word": w})
            i += 1
        out = []
        for t in tokens:
            cols = words[t["word"]]
            h = int(cols[6])
            out.append({
                "form": t["form"],
                "upos": cols[3],
                "head": -1 if h == 0 else w2t[h],  # -1 = root
                "deprel": cols[7],
            })
        stats["sents"] += 1
        stats["tokens"] += len(out)
        return out

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                s = flush()
                if s:
                    yield s
                sent_lines, mwts = [], []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if "-" in cols[0]:
                a, b = cols[0].split("-")
                mwts.append((int(a), int(b), cols[1]))
            elif "." in cols[0]:
                continue
            else:
                sent_lines.append(cols)
        s = flush()
        if s:
            yield s
    read_conllu.last_stats = stats


def map_label(label: str, label_map: str) -> str:
    if label == "root":
        return "ROOT"
    if label_map == "gsd" and label not in GSD_LABELS:
        return label.split(":")[0]
    return label


def sent_to_doc(vocab: Vocab, sent, label_map: str) -> Doc:
    words = [t["form"] for t in sent]
    heads = [i if t["head"] < 0 else t["head"] for i, t in enumerate(sent)]
    deps = [map_label(t["deprel"], label_map) for t in sent]
    pos = [t["upos"] for t in sent]
    # spaces=None -> same as the project's Doc(nlp.vocab, words=[...]) at inference
    return Doc(vocab, words=words, pos=pos, heads=heads, deps=deps)


def convert(data_dir: Path, names: list[str], out_path: Path, label_map: str) -> dict:
    vocab = Vocab()
    db = DocBin(attrs=["ORTH", "POS", "HEAD", "DEP", "SENT_START"], store_user_data=False)
    info = {}
    for name in names:
        n = 0
        for sent in read_conllu(data_dir / DATASETS[name]):
            db.add(sent_to_doc(vocab, sent, label_map))
            n += 1
        info[name] = dict(read_conllu.last_stats)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(out_path)
    return info


# ----------------------------------------------------------------------------- evaluation
def evaluate(nlp, data_dir: Path, name: str, label_map: str) -> dict:
    sents = list(read_conllu(data_dir / DATASETS[name]))
    docs = [Doc(nlp.vocab, words=[t["form"] for t in s]) for s in sents]
    n = 0
    c_pos = 0
    # spaCy convention (as in spacy's parser scorer): punct excluded from UAS/LAS
    n_np = c_uas_np = c_las_np = c_lasb_np = 0
    # UD/CoNLL-18 convention: all tokens
    c_uas = c_las = c_lasb = 0
    for s, doc in zip(sents, nlp.pipe(docs, batch_size=256)):
        for i, (g, tok) in enumerate(zip(s, doc)):
            n += 1
            gh = i if g["head"] < 0 else g["head"]
            gl = map_label(g["deprel"], label_map).lower()
            pl = tok.dep_.lower()
            if pl == "root" or tok.head.i == tok.i:
                pl = "root" if tok.head.i == tok.i else pl
            c_pos += tok.pos_ == g["upos"]
            uas = tok.head.i == gh
            las = uas and pl == gl
            lasb = uas and pl.split(":")[0] == gl.split(":")[0]
            c_uas += uas
            c_las += las
            c_lasb += lasb
            if g["deprel"] != "punct":
                n_np += 1
                c_uas_np += uas
                c_las_np += las
                c_lasb_np += lasb
    pct = lambda a, b: round(100.0 * a / max(b, 1), 2)  # noqa: E731
    return {
        "sents": len(sents), "tokens": n,
        "upos": pct(c_pos, n),
        "uas": pct(c_uas_np, n_np), "las": pct(c_las_np, n_np), "las_base": pct(c_lasb_np, n_np),
        "uas_all": pct(c_uas, n), "las_all": pct(c_las, n), "las_base_all": pct(c_lasb, n),
    }


# ----------------------------------------------------------------------------- main
def sha_tree(path: Path) -> dict:
    return {
        str(p.relative_to(path)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(path.rglob("*")) if p.is_file()
    }


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--config", default=str(ROOT / "scripts" / "parser.cfg"))
    ap.add_argument("--data-dir", default=str(DEFAULT_DATA))
    ap.add_argument("--train", nargs="+", default=["gsd", "csui"], choices=sorted(TRAINABLE))
    ap.add_argument("--dev", default="gsd-dev", choices=sorted(DATASETS),
                    help="split used for checkpoint selection / early stopping")
    ap.add_argument("--eval", nargs="*", default=["gsd-dev", "csui-test", "pud"], choices=sorted(DATASETS))
    ap.add_argument("--label-map", default="gsd", choices=["none", "gsd"],
                    help="gsd: map deprel subtypes not in GSD v2.0 to their base relation")
    ap.add_argument("--work", default=None, help="scratch dir (default: a temporary folder)")
    ap.add_argument("--out", default=str(DEFAULT_OUT), help=f"final model directory (default {DEFAULT_OUT})")
    ap.add_argument("--max-steps", type=int, default=None, help="override training.max_steps")
    ap.add_argument("--set", nargs="*", default=[], metavar="KEY=VALUE",
                    help="extra config overrides, e.g. components.parser.model.hidden_width=64")
    ap.add_argument("--keep-work", action="store_true")
    args = ap.parse_args(argv)

    for n in args.train:
        if n not in TRAINABLE:
            sys.exit(f"{n} cannot be used for training")
    data_dir = Path(args.data_dir).resolve()
    out = Path(args.out).resolve()
    work = Path(args.work).resolve() if args.work else Path(tempfile.mkdtemp(prefix="warta-parser-"))
    config_path = Path(args.config).resolve()
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)

    t0 = time.time()
    # (a) conversion
    conv = {
        "train": convert(data_dir, args.train, work / "corpus" / "train.spacy", args.label_map),
        "dev": convert(data_dir, [args.dev], work / "corpus" / "dev.spacy", args.label_map),
    }
    print("converted:", json.dumps(conv), flush=True)

    # (b) training (relative paths so the saved config does not depend on --work)
    from spacy.cli.train import train as spacy_train
    from thinc.api import set_gpu_allocator  # noqa: F401  (CPU only)

    overrides = {"paths.train": "corpus/train.spacy", "paths.dev": "corpus/dev.spacy"}
    if args.max_steps is not None:
        overrides["training.max_steps"] = args.max_steps
    for kv in args.set:
        k, v = kv.split("=", 1)
        try:
            overrides[k] = json.loads(v)
        except json.JSONDecodeError:
            overrides[k] = v
    cwd = os.getcwd()
    os.chdir(work)
    try:
        spacy_train(config_path, Path("training"), use_gpu=-1, overrides=overrides)
    finally:
        os.chdir(cwd)
    train_secs = time.time() - t0

    # (d) final model: model-best, meta normalised (no timing / machine dependent fields)
    nlp = spacy.load(work / "training" / "model-best")
    if out.exists():
        shutil.rmtree(out)
    # (c) evaluation of the model exactly as shipped: save, reload, evaluate
    meta = {
        "lang": "id",
        "name": "warta_parser",
        "version": "0.1.0",
        "description": "Indonesian UPOS (morphologizer, UPOS only) + dependency parser on surface "
                       "tokens (no clitic splitting). Trained by scripts/train_parser.py.",
        "license": "CC BY-SA 4.0",
        "sources": [{"name": "UD_Indonesian-GSD v2.0"}] + (
            [{"name": "UD_Indonesian-CSUI (UD 2.17)"}] if "csui" in args.train else []),
        "spacy_version": f">={spacy.about.__version__},<3.9.0",
        "training": {"train": args.train, "dev": args.dev, "label_map": args.label_map,
                     "overrides": {k: overrides[k] for k in sorted(overrides)}},
    }
    nlp.meta.clear()
    nlp.meta.update(meta)
    nlp.to_disk(out)
    nlp = spacy.load(out)
    scores = {name: evaluate(nlp, data_dir, name, args.label_map) for name in args.eval}
    nlp.meta["performance"] = scores
    nlp.to_disk(out)  # rewrite with (deterministic) scores in meta.json
    # drop fields that spaCy may add and that are not reproducible
    meta_path = out / "meta.json"
    m = json.loads(meta_path.read_text())
    for k in ("speed", "timestamp", "url", "email", "author"):
        m.pop(k, None)
    meta_path.write_text(json.dumps(m, indent=2, sort_keys=True) + "\n")

    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    report = {"out": str(out), "train_secs": round(train_secs, 1), "size_bytes": size,
              "scores": scores, "sha256": sha_tree(out)}
    # The sha256 of every file: a rebuild with the same data and versions prints the same.
    print(json.dumps(report, indent=2))
    if not args.keep_work:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
