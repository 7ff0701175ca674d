"""Mine organisation names from unlabelled news into ``warta/lexicons/org_names.tsv``.

Reads the CLICK-ID and IndoSum articles of ``../shared/corpora`` (the evaluation sets'
articles left out) and collects names that news writes in organisation patterns:

* ``company``: ``PT X``, ``PT X (Persero)``, ``PT X Tbk``, ``X Group / Corporation / Holdings /
  Inc / Ltd / Company / Airlines / Motors``, and names after "perusahaan", "maskapai",
  "produsen", "emiten", "raksasa teknologi", ...;
* ``club``: ``X FC``, ``FC X``, ``X United``, and names after "klub";
* ``party``: ``Partai X``, and names after "partai";
* ``media``: names after "harian", "kantor berita", "stasiun televisi", "media", "situs", ...;
* ``body``: acronyms defined in the text, "Badan Narkotika Nasional (BNN)", whose long
  name opens with an organisation head word (``ner_cues.yaml: org_heads``): both names.

A name is kept when it occurs in the pattern in at least ``--min-articles`` articles and
is not a country, a place or an ordinary word. The file is a feature of the NER (next to
the hand-made ``organizations.yaml``), not a list of answers. Deterministic.

Run after ``make clusters`` (it reads the casing table). Usage: python scripts/build_org_gazetteer.py [--corpora DIR] [--out FILE] [--min-articles N]
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from build_clusters import CORPORA, held_out_ids  # noqa: E402

from warta.actors.ner_features import MODEL_STEM, read_pairs  # noqa: E402
from warta.lexicon import load_tsv, load_yaml  # noqa: E402
from warta.settings import get_settings  # noqa: E402

_W = r"[A-Z][\w&'’.\-]*"  # a capitalised word
_NAME = rf"{_W}(?:[ \t]+{_W}){{0,4}}"
PATTERNS: list[tuple[str, re.Pattern]] = [
    ("company", re.compile(rf"\bPT\.?[ \t]+(?P<name>{_NAME})(?=[ \t]*(?:\([ \t]*Persero[ \t]*\)|Tbk\b))")),
    ("company", re.compile(rf"\b(?P<full>PT\.?[ \t]+(?P<name>{_NAME}))")),
    ("company", re.compile(rf"(?P<name>{_NAME}[ \t]+(?:Group|Corporation|Corp|Holdings|Inc|Ltd|Company|Airlines|Airways|Motors))\b")),
    ("club", re.compile(rf"(?P<name>{_NAME}[ \t]+(?:FC|United))\b")),
    ("club", re.compile(rf"\b(?P<name>FC[ \t]+{_W}(?:[ \t]+{_W})?)")),
    ("party", re.compile(rf"\b(?P<name>Partai[ \t]+{_NAME})")),
]
# Cue words right before a name, and the kind of organisation they announce.
CUES = {
    "company": ("perusahaan", "maskapai", "produsen", "pabrikan", "emiten", "raksasa teknologi",
                "perusahaan rintisan", "startup", "operator", "platform", "aplikasi", "bank", "pengembang"),
    "club": ("klub",),
    "party": ("partai",),
    "media": ("harian", "surat kabar", "kantor berita", "stasiun televisi", "televisi", "media",
              "situs", "portal berita", "majalah", "tabloid", "koran"),
}
_CUE = re.compile(
    r"\b(?P<cue>" + "|".join(sorted({c for cs in CUES.values() for c in cs}, key=len, reverse=True))
    + rf")(?:[ \t]+asal[ \t]+{_W})?[ \t]*,?[ \t]+(?P<name>{_W}(?:[ \t]+{_W}){{0,2}})"
)
_KIND_OF_CUE = {c: k for k, cs in CUES.items() for c in cs}
_ACRONYM = re.compile(rf"(?P<long>{_W}(?:[ \t]+(?:{_W}|dan|untuk|dari|bagi)){{1,8}})[ \t]*\([ \t]*(?P<acr>[A-Z][A-Za-z]?[A-Z]{{1,7}})[ \t]*\)")
_SPACE = re.compile(r"[ \t]+")


def _articles(paths: list[Path], skip: set[str]):
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    row = json.loads(line)
                    if str(row.get("id")) not in skip:
                        yield row.get("text") or ""


def _stop_words() -> frozenset[str]:
    """Words that end a candidate name: weekdays, months, pronouns (not_names), function words."""
    cues = load_yaml("ner_cues.yaml") or {}
    words = {str(w) for w in cues.get("not_names") or ()}
    words |= {str(w).capitalize() for w in cues.get("function_words") or ()}
    return frozenset(words)


def _trim(name: str, stop: frozenset[str], titles: frozenset[str] = frozenset()) -> str:
    words = _SPACE.split(name.strip(" .,"))
    while words and words[0].lower() in titles:
        words.pop(0)  # "Chairman MNC Group", "Dirut PT X"
    out = []
    for w in words:
        if w in stop:
            break
        out.append(w)
    return " ".join(out).strip(" .,")


def mine(texts, org_heads: frozenset[str], stop: frozenset[str], titles: frozenset[str]) -> dict[tuple[str, str], int]:
    """(name, kind) -> number of articles that write the name in an organisation pattern."""
    found: collections.Counter[tuple[str, str]] = collections.Counter()
    for text in texts:
        seen: set[tuple[str, str]] = set()
        for kind, pattern in PATTERNS:
            for m in pattern.finditer(text):
                for group in ("full", "name"):
                    if group in pattern.groupindex and m.group(group):
                        name = _trim(m.group(group), stop, titles)
                        if name:
                            seen.add((name, kind))
        for m in _CUE.finditer(text):
            name = _trim(m.group("name"), stop, titles)
            if name:
                seen.add((name, _KIND_OF_CUE[m.group("cue").lower()]))
        for m in _ACRONYM.finditer(text):
            words = _SPACE.split(m.group("long"))
            heads = [i for i, w in enumerate(words) if w.lower() in org_heads]
            if not heads:
                continue
            long_name = " ".join(words[heads[0]:])
            if len(long_name.split()) >= 2:
                seen.add((long_name, "body"))
                seen.add((m.group("acr"), "body"))
        found.update(seen)
    return found


def keep_names(found: dict[tuple[str, str], int], min_articles: int, places: set[str],
               casing: dict[str, str]) -> list[tuple[str, str, int]]:
    """Names seen often enough that are not places or ordinary words; one kind per name (the
    most frequent). A one-word name must be one that news capitalises mid-sentence (casing
    table: always or mostly), so that "HI" or "PAS" do not make every "hi" or "pas" a name."""
    by_name: dict[str, tuple[int, str]] = {}
    for (name, kind), n in sorted(found.items()):
        if n < min_articles:
            continue
        low = name.lower()
        if low in places or len(low) < 2:
            continue
        if " " not in low and casing.get(low, "A") not in ("A", "M"):
            continue
        if low in {"pt", "fc", "partai"}:
            continue
        best = by_name.get(name)
        if best is None or n > best[0]:
            by_name[name] = (n, kind)
    return sorted(((name, kind, n) for name, (n, kind) in by_name.items()), key=lambda r: (r[1], r[0]))


def main(argv: list[str] | None = None) -> int:
    """Mine the corpora and write the name list."""
    settings = get_settings()
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", type=Path, default=settings.shared_dir / "corpora")
    ap.add_argument("--out", type=Path, default=settings.lexicon_dir / "org_names.tsv")
    ap.add_argument("--min-articles", type=int, default=3)
    args = ap.parse_args(argv)
    paths = [args.corpora / name for name in CORPORA]
    if not all(p.is_file() for p in paths):
        print(f"missing corpora in {args.corpora}", file=sys.stderr)
        return 1
    cues = load_yaml("ner_cues.yaml") or {}
    org_heads = frozenset(str(w).lower() for w in cues.get("org_heads") or ())
    places = {(r.get("name") or "").lower() for t in ("countries.tsv", "cities.tsv") for r in load_tsv(t)}
    titles = frozenset(str(w).lower() for w in cues.get("titles") or ()) | {"chairman", "ceo", "presdir", "dirut"}
    found = mine(_articles(paths, held_out_ids()), org_heads, _stop_words(), titles)
    casing = read_pairs(settings.model_dir / f"{MODEL_STEM}.casing.tsv")
    rows = keep_names(found, args.min_articles, places, casing)
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# Organisation names mined by scripts/build_org_gazetteer.py (make org-names) from CLICK-ID\n"
                 "# (CC BY 4.0) and IndoSum (CC BY-SA 4.0) news; attribution in warta/models/README.md.\n"
                 "# name, kind (company, club, party, media, body), articles that write it in the pattern.\n")
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["name", "kind", "articles"])
        w.writerows(rows)
    print(f"{len(rows):,} names -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
