"""Score HTML extraction on saved pages: Warta side by side with trafilatura's modes.

    .venv/bin/python scripts/score_html.py [--extractor NAME ...] [--source NAME ...]
                                           [--verbose] [--json FILE]

Pages and their expected fields:

- ``../shared/corpora/html/*/`` (read at run time, never copied into the project): the
  ScrapingHub article-extraction benchmark (181 pages, body only) and the Indonesian
  news pages of the other folders (title, date and body where the source gives them);
- ``tests/golden/clean/html.yaml``: the project's own Indonesian pages (title, date, body).

Extractors, all measured in the same run: ``warta`` (``clean_document``, what the
pipeline does with an HTML page), and trafilatura 2.3 with default settings,
``favor_precision`` and ``favor_recall``.

Per group of pages it prints: titles right (same words), dates right within a day
(calendar day in WIB), body bag-of-words F1 (lower-cased ``\\w+`` tokens, counts
clipped) as mean and minimum with the number of pages under 0.8, the ScrapingHub
benchmark's own score (4-word shingles: mean precision, mean recall, their F1), and
how many pages Warta quarantined, among them pages that have a title and a date.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from warta.clean.article import clean_document
from warta.evaluation.text import bag_f1, words
from warta.settings import get_settings

GOLD = ROOT / "tests" / "golden" / "clean"
WIB = dt.timezone(dt.timedelta(hours=7))
_WORDS = re.compile(r"\w+")
EXTRACTORS = ("warta", "trafilatura", "precision", "recall")


@dataclass
class Page:
    """A saved page and the fields its source expects (None when not given)."""

    source: str
    name: str
    html: str
    url: str | None
    lang: str
    title: str | None = None
    published: dt.date | None = None
    body: str | None = None

    @property
    def group(self) -> str:
        """Where the page counts in the summary: the ScrapingHub set, or Indonesian pages."""
        if self.source == "scrapinghub":
            return "scrapinghub"
        if self.lang != "id":
            return "other"
        return "id-golden" if self.source == "golden" else "id-shared"


def _day(value) -> dt.date | None:
    if not value:
        return None
    return dt.date.fromisoformat(str(value)[:10])  # the stated day, in the page's own zone


def shared_pages(html_dir: Path) -> list[Page]:
    """The saved pages of ``../shared/corpora/html`` with their expected fields, plus the
    titles and dates read by hand where the source gives none (``shared_html.yaml``)."""
    added = yaml.safe_load((GOLD / "shared_html.yaml").read_text(encoding="utf-8"))
    pages = []
    for folder in sorted(p for p in html_dir.iterdir() if p.is_dir()):
        for truth in sorted(folder.glob("*.jsonl")):
            for line in truth.read_text(encoding="utf-8").splitlines():
                row = json.loads(line)
                path = folder / row["fixture"]
                data = path.read_bytes()
                html = (gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8", "replace")
                lang = row.get("lang") or ("en" if folder.name == "scrapinghub" else "id")
                row = {**(added.get(folder.name) or {}).get(row["fixture"], {}), **row}
                pages.append(Page(
                    folder.name, row["fixture"], html, row.get("url"), lang, row.get("title"),
                    _day(row.get("published")), row.get("body"),
                ))
    return pages


def golden_pages() -> list[Page]:
    """The project's own Indonesian pages (tests/golden/clean/html.yaml)."""
    pages = []
    for g in yaml.safe_load((GOLD / "html.yaml").read_text(encoding="utf-8")):
        html = (GOLD / "html" / g["file"]).read_text(encoding="utf-8")
        pages.append(Page("golden", g["file"], html, g.get("url"), "id", g.get("title"),
                          _day(g.get("published")), "\n\n".join(g["body"])))
    return pages


def load_pages(shared: bool = True) -> list[Page]:
    """Every page: the project's golden pages, plus ../shared's when it is there."""
    pages = golden_pages()
    html_dir = get_settings().shared_dir / "corpora" / "html"
    if shared and html_dir.is_dir():
        pages += shared_pages(html_dir)
    return pages


# --- extractors -------------------------------------------------------------------------


def run_warta(page: Page) -> dict:
    """What the pipeline makes of the page."""
    out = clean_document({"format": "html", "html": page.html, "url": page.url})
    published = out["published_at"]
    return {
        "title": out["title"], "day": published.astimezone(WIB).date() if published else None,
        "body": out["body"], "error": out["clean_error"],
    }


def run_trafilatura(page: Page, mode: str) -> dict:
    """trafilatura alone: default settings, ``favor_precision`` or ``favor_recall``."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        page.html, url=page.url, with_metadata=True,
        favor_precision=mode == "precision", favor_recall=mode == "recall",
    )
    if doc is None:
        return {"title": None, "day": None, "body": "", "error": "no extraction"}
    return {"title": doc.title, "day": _day(doc.date), "body": doc.text or "", "error": None}


def extract(page: Page, name: str) -> dict:
    """Run the extractor called ``name`` on ``page``."""
    return run_warta(page) if name == "warta" else run_trafilatura(page, name)


# --- metrics ----------------------------------------------------------------------------


def word_f1(pred: str | None, gold: str | None) -> float:
    """Bag-of-words F1 of two texts (lower-cased ``\\w+`` tokens, counts clipped)."""
    return bag_f1(words(pred), words(gold))


def shingle_pr(pred: str | None, gold: str | None, n: int = 4) -> tuple[float | None, float | None]:
    """Precision and recall over word 4-shingles, as the ScrapingHub benchmark counts them.

    Tokens keep their case; a text shorter than ``n`` tokens is one shingle. Precision is
    None when nothing was predicted, recall None when nothing was expected.
    """
    def shingles(text: str | None) -> Counter:
        toks = _WORDS.findall(text or "")
        return Counter(tuple(toks[i : i + n]) for i in range(max(1, len(toks) - n + 1)) if toks[i : i + n])

    p, g = shingles(pred), shingles(gold)
    tp = sum((p & g).values())
    fp, fn = sum((p - g).values()), sum((g - p).values())
    if fp == fn == 0:
        return 1.0, 1.0
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    return precision, recall


def _words_equal(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and words(a) == words(b)


def score_page(page: Page, got: dict) -> dict:
    """Per-page results of one extractor (None where the page has no expected value)."""
    row: dict = {"quarantined": got["error"] is not None}
    row["has_title_and_date"] = bool(got["title"]) and got["day"] is not None
    if page.title is not None:
        row["title"] = _words_equal(got["title"], page.title)
    if page.published is not None:
        row["date"] = got["day"] is not None and abs((got["day"] - page.published).days) <= 1
    if page.body is not None:
        body = "" if got["error"] else got["body"]  # a quarantined page yields no article
        row["f1"] = word_f1(body, page.body)
        row["shingle_p"], row["shingle_r"] = shingle_pr(body, page.body)
    return row


def summarise(rows: list[dict]) -> dict:
    """Aggregate per-page rows of one extractor over one group of pages."""
    titles = [r["title"] for r in rows if "title" in r]
    days = [r["date"] for r in rows if "date" in r]
    f1s = [r["f1"] for r in rows if "f1" in r]
    sp = [r["shingle_p"] for r in rows if r.get("shingle_p") is not None]
    sr = [r["shingle_r"] for r in rows if r.get("shingle_r") is not None]
    p, r = (statistics.mean(sp) if sp else 0.0), (statistics.mean(sr) if sr else 0.0)
    return {
        "pages": len(rows),
        "title": (sum(titles), len(titles)), "date": (sum(days), len(days)),
        "f1_mean": statistics.mean(f1s) if f1s else None, "f1_min": min(f1s) if f1s else None,
        "under_08": sum(f < 0.8 for f in f1s), "bodies": len(f1s),
        "shingle_p": p, "shingle_r": r, "shingle_f1": 2 * p * r / (p + r) if p + r else 0.0,
        "quarantined": sum(x["quarantined"] for x in rows),
        "quarantined_dated": sum(x["quarantined"] and x["has_title_and_date"] for x in rows),
    }


def evaluate(pages: list[Page], extractors=EXTRACTORS, verbose: bool = False) -> dict:
    """Run every extractor on every page; returns per-page rows and CPU seconds per extractor."""
    rows: dict[str, list[dict]] = {name: [] for name in extractors}
    seconds = dict.fromkeys(extractors, 0.0)
    for page in pages:
        for name in extractors:
            t0 = time.process_time()
            got = extract(page, name)
            seconds[name] += time.process_time() - t0
            row = score_page(page, got)
            rows[name].append(row)
            if verbose and name == "warta":
                _explain(page, got, row)
    return {"rows": rows, "seconds": seconds}


def _explain(page: Page, got: dict, row: dict) -> None:
    problems = []
    if row.get("title") is False:
        problems.append(f"  title: {got['title']!r} != {page.title!r}")
    if row.get("date") is False:
        problems.append(f"  date: {got['day']} != {page.published}")
    if row.get("f1", 1.0) < 0.9:
        problems.append(f"  body F1 {row['f1']:.3f}: {len(words(got['body']))} tokens, "
                        f"expected {len(words(page.body))}")
    if row["quarantined"]:
        problems.append(f"  quarantined: {got['error']}")
    if problems:
        print(f"[{page.source}] {page.name}\n" + "\n".join(problems))


def groups_of(pages: list[Page]) -> dict[str, list[int]]:
    """Indices of the pages per summary group, and per source folder."""
    out: dict[str, list[int]] = {}
    for i, page in enumerate(pages):
        out.setdefault(page.group, []).append(i)
        if page.group.startswith("id-"):
            out.setdefault("id-all", []).append(i)
    for i, page in enumerate(pages):
        if page.source not in ("scrapinghub", "golden"):
            out.setdefault(f"  {page.source}", []).append(i)
    return out


def _fmt_count(pair: tuple[int, int]) -> str:
    return f"{pair[0]}/{pair[1]}" if pair[1] else "–"


def table(pages: list[Page], result: dict) -> str:
    """A markdown table: one row per group of pages and extractor."""
    head = ("pages", "extractor", "title", "date ±1d", "body F1 mean", "min", "<0.8",
            "shingle P", "shingle R", "shingle F1", "quarantined (with title+date)")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for group, idx in groups_of(pages).items():
        for name, rows in result["rows"].items():
            s = summarise([rows[i] for i in idx])
            f1 = f"{s['f1_mean']:.3f}" if s["f1_mean"] is not None else "–"
            low = f"{s['f1_min']:.2f}" if s["f1_min"] is not None else "–"
            shingles = ("–",) * 3 if not s["bodies"] else (
                f"{s['shingle_p']:.3f}", f"{s['shingle_r']:.3f}", f"{s['shingle_f1']:.3f}")
            quarantine = f"{s['quarantined']} ({s['quarantined_dated']})" if name == "warta" else "–"
            lines.append("| " + " | ".join((
                f"{group.strip()} ({s['pages']})", name, _fmt_count(s["title"]), _fmt_count(s["date"]), f1, low,
                str(s["under_08"]) if s["bodies"] else "–", *shingles, quarantine,
            )) + " |")
    secs = ", ".join(f"{k} {1000 * v / max(1, len(pages)):.0f} ms" for k, v in result["seconds"].items())
    lines.append(f"\nCPU per page: {secs} ({len(pages)} pages)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--extractor", action="append", choices=EXTRACTORS, help="default: all")
    ap.add_argument("--source", action="append", help="only pages of these source folders ('golden' = the project's)")
    ap.add_argument("--verbose", "-v", action="store_true", help="list Warta's misses page by page")
    ap.add_argument("--json", type=Path, help="write per-page rows as JSON")
    args = ap.parse_args(argv)
    pages = load_pages()
    if args.source:
        pages = [p for p in pages if p.source in args.source]
    result = evaluate(pages, tuple(args.extractor or EXTRACTORS), args.verbose)
    print(table(pages, result))
    if args.json:
        names = [f"{p.source}/{p.name}" for p in pages]
        args.json.write_text(json.dumps({k: dict(zip(names, v)) for k, v in result["rows"].items()}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
