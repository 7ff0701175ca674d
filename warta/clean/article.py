"""Cleaning of one document: boilerplate out, metadata in. Pure; no I/O."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from warta.clean import dates
from warta.clean.boilerplate import classify_lines, photo_credit
from warta.clean.dumps import repair_dump
from warta.clean.html import HtmlPage, extract_html
from warta.clean.ids import article_id
from warta.clean.kinds import page_kind
from warta.clean.metadata import detect_language, find_dateline, looks_like_title, strip_site_suffix
from warta.clean.outlets import host_of, outlet_from_host, outlet_from_name, outlet_from_text

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


def _refines(timed: dt.datetime, day: dt.datetime) -> bool:
    """A clock time on the day of a date-only value (stored at midnight UTC; WIB runs ahead)."""
    return timed.date() in (day.date(), (day - dt.timedelta(days=1)).date())


def _strip_header(kept: list[str], title: str | None, published, precision, outlet, sitename):
    """Remove the header lines (a title, a date line) from ``kept`` and read them.

    Returns ``(title, published, precision)``; a header date with a clock time refines a
    container date of day precision.
    """
    pos = 0
    title_seen = False
    while pos < len(kept) and pos < HEADER_LINES:
        line = kept[pos]
        parsed = dates.header_date(line)
        if parsed is not None:
            if published is None or (precision == "day" and parsed[1] == "minute" and _refines(parsed[0], published)):
                published, precision = parsed
            del kept[pos]
            continue
        if not title_seen and pos == 0 and len(kept) > 1:
            if title and (_same_text(line, title) or _same_text(strip_site_suffix(line, outlet, sitename), title)):
                title_seen = True
                del kept[pos]
                continue
            if title is None and looks_like_title(line):
                title_seen, title = True, line
                del kept[pos]
                continue
        break
    return title, published, precision


def _read_dateline(kept: list[str]) -> tuple[str | None, str | None]:
    """The dateline of the first lede-like line among the first three: (place, outlet).

    It stays in the body, as the page prints it: the place is a place mention there, and
    the events stage reads past it."""
    found = find_dateline(kept)
    return (found[1].place, found[1].outlet_id) if found else (None, None)


def _chars(lines: list[str]) -> int:
    return sum(len(line) for line in lines)


def _with_captions(verdicts, page: HtmlPage | None) -> list[str]:
    """The kept lines with the photo captions back in place, their credits cut, and the
    page's own captions that the main text lacks after them."""
    out = []
    for line, keep, why in zip(verdicts.lines, verdicts.keep, verdicts.reasons):
        if keep:
            out.append(line)
        elif why == "caption" and (caption := photo_credit(line)) is not None and caption[0]:
            out.append(caption[0])
    seen = {" ".join(line.lower().split()) for line in out}
    for raw in page.captions if page is not None else ():
        caption = photo_credit(raw)
        text = caption[0] if caption is not None else raw
        if text and " ".join(text.lower().split()) not in seen:
            seen.add(" ".join(text.lower().split()))
            out.append(text)
    return out


def _page_date(page: HtmlPage) -> tuple[dt.datetime | None, str | None]:
    """The page's visible date line, else trafilatura's own date search."""
    for line in page.header_lines:
        parsed = dates.header_date(line)
        if parsed is not None:
            return parsed
    return dates.from_hint(page.fallback_date)


def clean_document(rec: dict[str, Any], min_body_chars: int = 40) -> dict[str, Any]:
    """Clean one raw article record into a clean-article record (never raises on bad text)."""
    url = rec.get("url")
    page = None
    if (rec.get("format") or "txt") in ("html", "jsonl-html") and rec.get("html"):
        page = extract_html(rec["html"], url)
        text = page.text
        url = url or page.url
    else:
        text = repair_dump(rec.get("text") or "")
    title_seen = (rec.get("title_hint") or "").strip() or (page.titles[0] if page is not None and page.titles else None)
    verdicts = classify_lines(split_lines(text), title_seen)
    kept = [line for line, keep in zip(verdicts.lines, verdicts.keep) if keep]
    kind = page_kind(url, page.og_type if page else None)
    if kind != "article" or _chars(kept) < min_body_chars:
        # A photo or video page tells its story in captions: they are its body.
        with_captions = _with_captions(verdicts, page)
        if kind != "article" or _chars(with_captions) > _chars(kept):
            kept, kind = with_captions, "photo" if kind == "article" else kind
    photo_credits = list(verdicts.photo_credits)
    editor = verdicts.editor
    sitename = page.sitename if page else None
    if page is not None:
        for caption in page.captions:
            credit = photo_credit(caption)
            if credit is not None and credit[1] not in photo_credits:
                photo_credits.append(credit[1])
        editor = editor or page.editor
    outlet = outlet_from_host(host_of(url) or (page.host if page else None))

    # Title and publish time from the container or the page, when given.
    title_hint = (rec.get("title_hint") or "").strip() or None
    title = strip_site_suffix(title_hint, outlet, sitename) if title_hint else None
    published, precision = dates.from_hint(rec.get("published_hint"))
    if published is None and page is not None:
        published, precision = dates.from_hint(page.published)
    if page is not None and title is None:
        title = _pick_title(page.h1s, page.titles, outlet or outlet_from_name(sitename), sitename)

    title, published, precision = _strip_header(kept, title, published, precision, outlet, sitename)
    dateline, dateline_outlet = _read_dateline(kept)
    body = "\n\n".join(kept)
    if outlet is None:
        # Where publishers sign: the dateline, the page's site name, the lede and the closing lines.
        outlet = (
            dateline_outlet
            or outlet_from_name(sitename)
            or outlet_from_text(text[:800], text[-400:], kept[0] if kept else "")
            or outlet_from_host(verdicts.site_domain)
            or outlet_from_name(verdicts.site_name)
        )
    if page is not None and (published is None or precision == "day"):
        # The page's visible date line also gives the clock time a date-only meta tag lacks.
        seen, seen_precision = _page_date(page)
        if seen is not None and (published is None or (seen_precision == "minute" and _refines(seen, published))):
            published, precision = seen, seen_precision
    if published is None:
        published, precision = dates.from_url(url)
    if published is None:
        inferred = dates.infer_published(body, len(kept[0]) if kept else 0)
        if inferred is not None:
            published, precision = inferred

    error = None
    if len(body) < min_body_chars:
        if title and published is not None:
            # A page with a headline and a date is an article even when its text is gone.
            description = page.description if page is not None else None
            body = max((body, description or "", title), key=len)
        else:
            error = f"no readable body ({len(body)} characters after cleaning)"
    return {
        "article_id": article_id(url, body or text),
        "url": url,
        "title": title[:400] if title else None,
        "published_at": published,
        "published_precision": precision if published is not None else None,
        "outlet_id": outlet,
        "dateline": dateline,
        "editor": editor,
        "language": detect_language(body) if body else "id",
        "body": body,
        "page_kind": kind,
        "photo_credits": photo_credits,
        "source_notes": verdicts.source_notes,
        "clean_error": error,
    }
