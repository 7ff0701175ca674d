"""Cleaning of one document: boilerplate out, metadata in. Pure; no I/O."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from flows.clean import dates
from flows.clean.boilerplate import classify_lines, photo_credit
from flows.clean.html import extract_html
from flows.clean.ids import article_id
from flows.clean.metadata import (
    detect_language,
    looks_like_title,
    parse_dateline,
    strip_site_suffix,
)
from flows.clean.outlets import host_of, outlet_from_host, outlet_from_name, outlet_from_text

_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff\u00ad]")
_WORDS = re.compile(r"\w+")
HEADER_LINES = 5  # title, date and deck sit within the first few lines


def split_lines(text: str) -> list[str]:
    """Normalise spaces and return the stripped, non-empty lines of ``text``."""
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    # str.split() splits on every Unicode space (NBSP, thin spaces) and is fast.
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return [line for line in lines if line]


def _same_text(a: str, b: str) -> bool:
    """Nearly the same words: a headline line and the page title may differ in a word or a suffix."""
    if len(a) > 2 * len(b) + 20 or len(b) > 2 * len(a) + 20:
        return False  # cheap exit: a lede is much longer than a headline
    wa, wb = _WORDS.findall(a.lower()), _WORDS.findall(b.lower())
    if not wa or not wb:
        return False
    if wa == wb:
        return True
    common = len(set(wa) & set(wb))
    return common >= 0.85 * max(len(set(wa)), len(set(wb)))


def _pick_title(h1s: tuple[str, ...], titles: tuple[str, ...], outlet: str | None, site: str | None) -> str | None:
    """The page headline: the visible <h1> that agrees with the page title, else the page title
    without its site suffix. An SEO title may reword the headline, so some overlap is enough."""
    stripped = [strip_site_suffix(t, outlet, site) for t in titles]
    stripped = [t for t in stripped if len(t.split()) >= 2]
    best, best_score = None, 0.0
    for h1 in h1s:
        wh = set(_WORDS.findall(h1.lower()))
        if not 3 <= len(h1.split()) <= 30 or outlet_from_name(h1):
            continue
        for t in stripped:
            wt = set(_WORDS.findall(t.lower()))
            score = len(wh & wt) / max(len(wh), len(wt))
            if score > best_score:
                best, best_score = h1, score
    if best is not None and best_score >= 0.3:
        return best
    if stripped:
        return stripped[0]
    return next((h for h in h1s if 3 <= len(h.split()) <= 30), None)


def clean_document(rec: dict[str, Any], min_body_chars: int = 40) -> dict[str, Any]:
    """Clean one raw article record into a clean-article record (never raises on bad text)."""
    url = rec.get("url")
    fmt = rec.get("format") or "txt"
    page = None
    if fmt in ("html", "jsonl-html") and rec.get("html"):
        page = extract_html(rec["html"], url)
        text = page.text
    else:
        text = rec.get("text") or ""
    raw_lines = split_lines(text)
    verdicts = classify_lines(raw_lines)
    kept = [verdicts.lines[i] for i in range(len(raw_lines)) if verdicts.keep[i]]
    photo_credits = list(verdicts.photo_credits)
    editor = verdicts.editor
    if page is not None:
        for caption in page.captions:
            credit = photo_credit(caption)
            if credit is not None and credit[1] not in photo_credits:
                photo_credits.append(credit[1])
        editor = editor or page.editor

    host = host_of(url) or (page.host if page else None)
    outlet = outlet_from_host(host)
    sitename = page.sitename if page else None

    # Title and publish time from the container or page, when given.
    title_hint = (rec.get("title_hint") or "").strip() or None
    title = strip_site_suffix(title_hint, outlet, sitename) if title_hint else None
    published, precision = dates.from_hint(rec.get("published_hint"))
    if published is None and page is not None:
        published, precision = dates.from_hint(page.published)
    if page is not None and title is None:
        title = _pick_title(page.h1s, page.titles, outlet or outlet_from_name(sitename), sitename)

    # Header lines: title, a date line; they come before the story.
    pos = 0
    text_title: str | None = None
    while pos < len(kept) and pos < HEADER_LINES:
        line = kept[pos]
        parsed = dates.header_date(line)
        if parsed is not None:
            if published is None or (precision == "day" and parsed[1] == "minute"
                                     and parsed[0].date() in (published.date(), (published - dt.timedelta(days=1)).date())):
                published, precision = parsed
            del kept[pos]
            continue
        if text_title is None and pos == 0 and len(kept) > 1:
            if title and (_same_text(line, title) or _same_text(strip_site_suffix(line, outlet, sitename), title)):
                text_title = line
                del kept[pos]
                continue
            if title is None and looks_like_title(line):
                text_title = title = line
                del kept[pos]
                continue
        break

    # Dateline: the first lede-like line among the first few.
    dateline = None
    dateline_outlet = None
    for i in range(min(3, len(kept))):
        parsed_dl = parse_dateline(kept[i])
        if parsed_dl is None:
            continue
        dateline = parsed_dl.place
        dateline_outlet = parsed_dl.outlet_id
        rest = kept[i][parsed_dl.end :].strip()
        if rest:
            kept[i] = rest
        else:
            del kept[i]
        break

    body = "\n\n".join(kept)
    if outlet is None:
        lede = kept[0] if kept else ""
        # Where publishers sign: the dateline, the page's site name, the lede and the closing lines.
        outlet = (
            dateline_outlet
            or outlet_from_name(sitename)
            or outlet_from_text(text[:800], text[-400:], lede)
            or outlet_from_host(verdicts.site_domain)
            or outlet_from_name(verdicts.site_name)
        )

    if published is None and page is not None:
        # The page's visible date line, then trafilatura's own date search.
        for line in page.header_lines:
            parsed = dates.header_date(line)
            if parsed is not None:
                published, precision = parsed
                break
        if published is None and page.fallback_date:
            published, precision = dates.from_hint(page.fallback_date)
    if published is None:
        lede_end = len(kept[0]) if kept else 0
        inferred = dates.infer_published(body, lede_end)
        if inferred is not None:
            published, precision = inferred

    error = None
    if len(body) < min_body_chars:
        error = f"no readable body ({len(body)} characters after cleaning)"
    return {
        "article_id": article_id(url, body or text),
        "title": title[:400] if title else None,
        "published_at": published,
        "published_precision": precision if published is not None else None,
        "outlet_id": outlet,
        "dateline": dateline,
        "editor": editor,
        "language": detect_language(body) if body else "id",
        "body": body,
        "photo_credits": photo_credits,
        "source_notes": verdicts.source_notes,
        "clean_error": error,
    }
