"""How many real articles use each trigger of the event lexicon (``warta/lexicons/triggers.yaml``).

Every entry must be justified by more than one real article: an idiom that only one
article ever used does not generalise. This counts, for each explicit verb or noun form
and for each stem (any of its generated forms), the articles of ``../shared/corpora``
that contain it as whole words, matched exactly as the extractor matches them.

    .venv/bin/python scripts/lexicon_support.py                 # entries used by fewer than 2 articles
    .venv/bin/python scripts/lexicon_support.py --all           # every entry with its count
    .venv/bin/python scripts/lexicon_support.py --try "diperiksa,menetapkan tersangka"   # candidate phrases
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import ahocorasick

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from warta.events.lexicon import expand, load_merged, tokenize  # noqa: E402

CORPORA = ("clickid-news.jsonl", "indosum-dev.jsonl", "detik-1000.jsonl")


def entry_items(data: dict) -> list[tuple[str, str, tuple[str, ...]]]:
    """``(type, label, forms)`` for every explicit form and every stem of the lexicon."""
    items = []
    for entry in data.get("triggers", []):
        etype = str(entry["type"]).upper()
        for stem, patterns in (entry.get("stems") or {}).items():
            forms = tuple(sorted({f for p in patterns for f, _, _ in expand(str(stem).lower(), p)}))
            items.append((etype, f"stem {stem}", forms))
        for key in ("verbs", "nouns", "patient_nouns"):
            for form in entry.get(key) or []:
                text = " ".join(tokenize(str(form)).words)
                items.append((etype, text, (text,)))
    return items


def article_counts(groups: dict[str, set[str]], corpora: Path) -> Counter:
    """In how many articles each group of forms occurs (any of its forms, as whole words;
    hyphens read as spaces). ``groups`` maps a form to the groups it belongs to."""
    auto = ahocorasick.Automaton()
    for form in groups:
        auto.add_word(f" {form} ", form)
    auto.make_automaton()
    counts: Counter = Counter()
    for name in CORPORA:
        path = corpora / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                text = json.loads(line).get("text") or ""
                words = [w.replace("-", " ") for w in tokenize(text).words]
                joined = f" {' '.join(words)} "
                counts.update({g for _, form in auto.iter(joined) for g in groups[form]})
    return counts


def main() -> int:
    """Print the support of the lexicon's entries (or of candidate phrases)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--all", action="store_true", help="print every entry, not only the weak ones")
    parser.add_argument("--min", type=int, default=2, help="articles an entry needs (default 2)")
    parser.add_argument("--try", dest="candidates", help="comma-separated candidate phrases to count instead")
    args = parser.parse_args()
    if not args.corpora.is_dir():
        print(f"lexicon_support: no corpora at {args.corpora}", file=sys.stderr)
        return 2
    if args.candidates:
        phrases = [" ".join(tokenize(p).words) for p in args.candidates.split(",") if p.strip()]
        counts = article_counts({p: {p} for p in phrases}, args.corpora)
        for p in phrases:
            print(f"{counts[p]:6d}  {p}")
        return 0
    items = entry_items(load_merged("triggers.yaml"))
    groups: dict[str, set[str]] = {}
    for i, (_, _, forms) in enumerate(items):
        for form in forms:
            groups.setdefault(form, set()).add(str(i))
    counts = article_counts(groups, args.corpora)
    weak = 0
    for i, (etype, label, _) in enumerate(items):
        support = counts[str(i)]
        if args.all or support < args.min:
            print(f"{support:6d}  {etype:10s} {label}")
        weak += support < args.min
    print(f"{weak} of {len(items)} entries are used by fewer than {args.min} articles", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
