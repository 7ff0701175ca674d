"""Select the articles of the blind event evaluation from ../shared/corpora, reproducibly.

The evaluation set is chosen before any rule is tuned on it, by a fixed procedure that
nobody can steer towards articles the extractor already handles:

* news sections only (politics, national, regional, metro, world; IndoSum's "tajuk utama");
* 120 to 500 words, so that exhaustive annotation stays feasible;
* a topic per article from keyword counts (diplomacy, security, protest, law, politics),
  an article needing at least three topic keyword hits;
* per outlet, topics are taken round-robin, and within a topic the article with the
  smallest sha1 of its id comes first (a fixed pseudo-random order);
* outlets are split into ``dev`` (for tuning) and ``test`` (frozen, scored once at the end).
  No outlet is in both.

detik articles quoted by the older golden set (tests/golden) are left out, because the
rules were shaped on them.

    python scripts/select_event_eval.py [--corpora DIR] > tests/golden/events_eval/selection.tsv
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Articles taken per outlet, in the fixed order: dev grows by four per blind part annotated.
DEV_PER_OUTLET = 71
TEST_PER_OUTLET = 8

# outlet -> (corpus file, articles to take)
SPLITS = {
    "dev": {
        "detik": ("detik-1000.jsonl", DEV_PER_OUTLET),
        "kompas": ("clickid-news.jsonl", DEV_PER_OUTLET),
        "okezone": ("clickid-news.jsonl", DEV_PER_OUTLET),
        "tribunnews": ("clickid-news.jsonl", DEV_PER_OUTLET),
        "pos_metro": ("clickid-news.jsonl", DEV_PER_OUTLET),
        "cnn indonesia": ("indosum-dev.jsonl", DEV_PER_OUTLET),
        "kumparan": ("indosum-dev.jsonl", DEV_PER_OUTLET),
    },
    "test": {
        "tempo": ("clickid-news.jsonl", TEST_PER_OUTLET),
        "sindonews": ("clickid-news.jsonl", TEST_PER_OUTLET),
        "antaranews": ("indosum-dev.jsonl", TEST_PER_OUTLET),
        "merdeka": ("indosum-dev.jsonl", TEST_PER_OUTLET),
        "suara": ("indosum-dev.jsonl", TEST_PER_OUTLET),
        "poskotanews": ("indosum-dev.jsonl", TEST_PER_OUTLET),
        "rimanews": ("indosum-dev.jsonl", TEST_PER_OUTLET),
    },
}

TOPICS = {
    "diplomacy": r"duta besar|dubes|bilateral|kunjungan kenegaraan|\bpbb\b|asean|menteri luar negeri|\bmenlu\b"
                 r"|diplomat|kedutaan|perdana menteri|presiden \w+ (?:bertemu|menerima)|\bktt\b",
    "security": r"\btni\b|militer|teroris|\bkkb\b|\bbom\b|serangan|menembak|ditembak|senjata|perang|pasukan"
                r"|kerusuhan|bentrok",
    "protest": r"\bdemo\b|unjuk rasa|demonstran|pengunjuk rasa|aksi massa|mogok|\bprotes\b|berdemonstrasi|longmarch",
    "law": r"polisi|polres|polda|ditangkap|menangkap|tersangka|sidang|hakim|jaksa|\bkpk\b|vonis|pengadilan"
           r"|divonis|dakwa|ditahan",
    "politics": r"\bdpr\b|partai|pemilu|pilkada|presiden|menteri|gubernur|\bruu\b|fraksi|parlemen|kabinet",
}
TOPIC_RE = {name: re.compile(pattern) for name, pattern in TOPICS.items()}
NEWS_SECTIONS = re.compile(
    r"//(?:nasional|news|regional|megapolitan|metro|daerah|international|internasional|dunia)\.|"
    r"tribunnews\.com/(?:nasional|regional|internasional|metropolitan|superskor)?|posmetro-medan\.com|"
    r"news\.detik\.com/(?:berita|internasional)|www\.detik\.com/(?!edu|hot|food|travel|sport|oto|inet|finance)"
)


def sha_order(key: str) -> str:
    """A fixed pseudo-random order: the sha1 of the article id."""
    return hashlib.sha1(key.encode()).hexdigest()


def topic_of(text: str) -> tuple[str | None, int]:
    """The dominant topic of ``text`` (lower case) and its keyword count."""
    counts = {name: len(rx.findall(text)) for name, rx in TOPIC_RE.items()}
    best = max(counts, key=lambda name: (counts[name], -list(TOPICS).index(name)))
    return (best, counts[best]) if counts[best] >= 3 else (None, 0)


def golden_detik_ids() -> set[str]:
    """detik-1000 ids the older golden sets quote."""
    ids: set[str] = set()
    for path in (ROOT / "tests" / "golden").rglob("*.yaml"):
        ids.update(re.findall(r"detik-(\d+)", path.read_text(encoding="utf-8")))
    return ids


def candidates(corpora: Path, file: str, outlet: str, excluded: set[str]) -> dict[str, list[dict]]:
    """Eligible articles of ``outlet`` in ``file``, grouped by topic, in sha1 order."""
    by_topic: dict[str, list[dict]] = {name: [] for name in TOPICS}
    for line in (corpora / file).open(encoding="utf-8"):
        doc = json.loads(line)
        doc_outlet = doc.get("outlet", "detik")
        if doc_outlet != outlet or doc["id"] in excluded:
            continue
        if doc.get("category") not in (None, "tajuk utama"):
            continue
        if "category" not in doc and not NEWS_SECTIONS.search(doc.get("url") or ""):
            continue
        if not 120 <= len(doc["text"].split()) <= 500:
            continue
        topic, score = topic_of(f"{doc.get('title') or ''} {doc['text'][:1000]}".lower())
        if topic:
            by_topic[topic].append({"id": doc["id"], "file": file, "outlet": outlet, "topic": topic,
                                    "title": (doc.get("title") or doc["text"][:80]).strip()})
    for rows in by_topic.values():
        rows.sort(key=lambda r: sha_order(r["id"]))
    return by_topic


def select(corpora: Path) -> list[dict]:
    """The selected articles, split by outlet."""
    excluded = golden_detik_ids()
    out: list[dict] = []
    for split, outlets in SPLITS.items():
        for outlet, (file, n) in outlets.items():
            by_topic = candidates(corpora, file, outlet, excluded)
            titles: set[str] = set()
            picked: list[dict] = []
            while len(picked) < n and any(by_topic.values()):
                for topic in TOPICS:
                    rows = by_topic[topic]
                    while rows and rows[0]["title"].lower() in titles:
                        rows.pop(0)
                    if rows and len(picked) < n:
                        row = rows.pop(0)
                        titles.add(row["title"].lower())
                        picked.append({**row, "split": split})
            out.extend(picked)
    return out


def main() -> int:
    """Print the selection as TSV: split, outlet, corpus file, id, topic, title."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = parser.parse_args()
    if not args.corpora.is_dir():
        print(f"select_event_eval: no corpora folder at {args.corpora}", file=sys.stderr)
        return 2
    print("split\toutlet\tfile\tid\ttopic\ttitle")
    for row in select(args.corpora):
        print("\t".join([row["split"], row["outlet"], row["file"], row["id"], row["topic"],
                         " ".join(row["title"].split())[:120]]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
