"""Discovery: article URLs from RSS/Atom feeds (feedparser), news sitemaps and sitemap indexes (lxml).

Parsing is separate from fetching: these functions take a fetched body and return what
it lists. An entry that cannot be used (no link, not an http(s) link) is reported as a
problem, never dropped silently; the rest of the feed still counts.
"""

from __future__ import annotations

import calendar
import gzip
import io
from dataclasses import dataclass, field
from datetime import datetime, timezone

import feedparser
from lxml import etree

from warta.crawl.urls import normalise_url


@dataclass(frozen=True)
class Listing:
    """An article URL, where it was listed, and the date the listing gives (if any)."""

    url: str
    listed_in: str
    published: datetime | None = None


@dataclass
class Listed:
    """What one feed, sitemap or URL list gives: article URLs, child sitemaps, and the entries it could not use."""

    listings: list[Listing] = field(default_factory=list)
    sitemaps: list[tuple[str, datetime | None]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    error: str | None = None  # the whole document is not a feed or sitemap


def feed_listings(body: bytes, feed_url: str) -> Listed:
    """The article links of an RSS or Atom feed, with their published (else updated) dates."""
    parsed = feedparser.parse(body, sanitize_html=False, resolve_relative_uris=False)
    out = Listed()
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        out.error = f"not an RSS or Atom feed ({reason})" if reason else "not an RSS or Atom feed"
        return out
    for number, entry in enumerate(parsed.entries, start=1):
        label = f"entry {number}" + (f" ({entry.get('title')[:80]!r})" if entry.get("title") else "")
        link = entry.get("link") or next((x.get("href") for x in entry.get("links", []) if x.get("href")), None)
        url = normalise_url(link or "", feed_url)
        if url is None:
            out.problems.append(f"{feed_url}: {label} has no http(s) link" + (f": {link[:200]!r}" if link else ""))
            continue
        # Asked with `in` first: a plain get of a missing updated_* makes feedparser warn of a fallback.
        stamp = entry.get("published_parsed") or (entry["updated_parsed"] if "updated_parsed" in entry else None)
        given = entry.get("published") or (entry["updated"] if "updated" in entry else None)
        if stamp is None and given:
            out.problems.append(f"{feed_url}: {label} has an unreadable date {given!r}")
        when = datetime.fromtimestamp(calendar.timegm(stamp), timezone.utc) if stamp else None
        out.listings.append(Listing(url, feed_url, when))
    return out


def sitemap_listings(body: bytes, sitemap_url: str, max_bytes: int) -> Listed:
    """The URLs of a sitemap (``<urlset>``, with news dates) or the child sitemaps of a sitemap index.

    A ``.xml.gz`` sitemap is unpacked, never past ``max_bytes``. A URL's date is its
    ``news:publication_date``, else its ``lastmod``.
    """
    out = Listed()
    if body[:2] == b"\x1f\x8b":
        with gzip.GzipFile(fileobj=io.BytesIO(body)) as packed:
            try:
                body = packed.read(max_bytes + 1)
            except (OSError, EOFError) as exc:
                out.error = f"broken gzip sitemap: {exc}"
                return out
        if len(body) > max_bytes:
            out.error = f"sitemap larger than the size limit once unpacked (> {max_bytes} bytes)"
            return out
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as exc:
        root, reason = None, str(exc)
    else:
        reason = "empty document"
    if root is None or _local(root) not in ("urlset", "sitemapindex"):
        out.error = f"not a sitemap ({reason if root is None else '<' + _local(root) + '>'})"
        return out
    index = _local(root) == "sitemapindex"
    for number, node in enumerate((n for n in root if _local(n) in ("url", "sitemap")), start=1):
        fields: dict = {}
        for child in node.iter():
            if child is not node:
                fields.setdefault(_local(child), child)
        # The page's own <loc> is a direct child; image:loc and video:loc sit deeper.
        loc = next(((c.text or "").strip() for c in node if _local(c) == "loc"), "")
        url = normalise_url(loc, sitemap_url)
        if url is None:
            out.problems.append(f"{sitemap_url}: {'sitemap' if index else 'url'} {number} has no http(s) <loc>")
            continue
        when = _w3c_date(fields.get("publication_date")) or _w3c_date(fields.get("lastmod"))
        if index:
            out.sitemaps.append((url, when))
        else:
            out.listings.append(Listing(url, sitemap_url, when))
    return out


def _local(node) -> str:
    tag = node.tag if isinstance(node.tag, str) else ""
    return etree.QName(tag).localname if tag else ""


def _w3c_date(node) -> datetime | None:
    """A sitemap date (W3C datetime: a day, or a time with its offset) in UTC; None if absent or unreadable."""
    text = (node.text or "").strip() if node is not None else ""
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)
