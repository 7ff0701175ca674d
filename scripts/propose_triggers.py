"""Propose trigger words from the word clusters learned from real news, for review by hand.

Words that share a fine cluster (``warta/models/ner-id.clusters.tsv``, learned by
``make clusters`` from ../shared/corpora) are used in similar contexts. For each event
type, this lists the words that share a cluster with the type's one-word triggers, look
like verbs or event nouns (meN-, di-, ber-, peN-an, per-an, -an), are not in the lexicon
yet, and occur in at least ``--min`` articles. Nothing is added automatically: a person
reads the list and adds what is right to ``warta/lexicons/triggers.yaml``.

    .venv/bin/python scripts/propose_triggers.py [--type ASSAULT] [--min 5]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from warta.events.lexicon import get_lexicon  # noqa: E402
from warta.settings import get_settings  # noqa: E402

EVENTISH = re.compile(r"^(?:me|di|ber|ter|pe\w*an$|per\w*an$)|\w{4,}an$")


def main() -> int:
    """Print proposed trigger words by event type, with their article counts."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--type", help="only this PLOVER type")
    ap.add_argument("--min", type=int, default=5, help="articles a word must occur in (default 5)")
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = ap.parse_args()
    clusters_path = get_settings().model_dir / "ner-id.clusters.tsv"
    if not clusters_path.is_file():
        print(f"propose_triggers: no word clusters at {clusters_path} (make clusters)", file=sys.stderr)
        return 2
    with clusters_path.open(encoding="utf-8", newline="") as fh:
        fine = {row[0]: row[-1] for row in csv.reader(fh, delimiter="\t") if len(row) >= 3}
    members = defaultdict(set)
    for word, cluster in fine.items():
        members[cluster].add(word)
    lex = get_lexicon()
    known = set(lex.forms)
    by_type: dict[str, set[str]] = defaultdict(set)
    for text, forms in lex.forms.items():
        if " " not in text and text in fine:
            for form in forms:
                by_type[form.trigger.type].add(text)
    from lexicon_support import article_counts  # noqa: E402  (scripts/ is on the path)

    proposals: dict[str, set[str]] = {}
    for etype, words in sorted(by_type.items()):
        if args.type and etype != args.type.upper():
            continue
        near = {w for word in words for w in members[fine[word]]} - known
        proposals[etype] = {w for w in near if EVENTISH.search(w) and w.isalpha()}
    counts = article_counts({w: {w} for ws in proposals.values() for w in ws}, args.corpora)
    for etype, words in proposals.items():
        ranked = sorted((w for w in words if counts[w] >= args.min), key=lambda w: -counts[w])
        print(f"{etype}: " + ", ".join(f"{w} ({counts[w]})" for w in ranked[:40]))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "scripts"))
    sys.exit(main())
