"""Main text and page metadata of an HTML news page (trafilatura plus page metadata)."""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass

from warta.clean.maintext import choose_main_text

_META = re.compile(r"<meta\b[^>]*>", re.IGNORECASE | re.DOTALL)
_ATTR = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.DOTALL)
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.IGNORECASE | re.DOTALL)
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_TIME_TAG = re.compile(r"<time\b[^>]*\bdatetime\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
_ITEMPROP_DATE = re.compile(
    r"<[^>]*itemprop\s*=\s*[\"']datePublished[\"'][^>]*>", re.IGNORECASE
)
# Meta keys that carry the first publication time, most reliable first.
_DATE_KEYS = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "publish_date", "article_date_original", "content_publisheddate",
    "dc.date.issued", "dc.date", "date", "sailthru.date", "parsely-pub-date", "dtk:publishdate",
)
_TITLE_KEYS = ("og:title", "twitter:title", "title", "dc.title")
_CAPTION = re.compile(
    r"<figcaption\b[^>]*>(.*?)</figcaption>|<(\w+)\b[^>]*class\s*=\s*[\"'][^\"']*caption[^\"']*[\"'][^>]*>(.*?)</\2>",
    re.IGNORECASE | re.DOTALL,
)
_PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.IGNORECASE | re.DOTALL)
_BODY = re.compile(r"<body\b.*", re.IGNORECASE | re.DOTALL)
_SCRIPT = re.compile(r"<(script|style|noscript)\b.*?</\1>", re.IGNORECASE | re.DOTALL)
_SITE_KEYS = ("og:site_name", "application-name", "publisher", "twitter:site")
_DESCRIPTION_KEYS = ("og:description", "description", "twitter:description")
_LINK = re.compile(r"<link\b[^>]*>", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class HtmlPage:
    """What an HTML page yields before the Indonesian text rules run."""

    text: str
    titles: tuple[str, ...]  # candidate titles, best first (suffixes still on)
    h1s: tuple[str, ...]
    published: str | None  # the raw published-time string of the page metadata
    fallback_date: str | None  # trafilatura's date guess (a day), used last
    sitename: str | None
    host: str | None
    captions: tuple[str, ...] = ()  # photo captions, which trafilatura leaves out
    editor: str | None = None  # from a byline such as "Editor Ambaranie Nadia"
    header_lines: tuple[str, ...] = ()  # short visible lines after the <h1>, where the date sits
    url: str | None = None  # the page's own address: <link rel="canonical">, else og:url
    description: str | None = None  # og:description or the meta description
    og_type: str | None = None  # "article", "video.other", ...


def _text(fragment: str) -> str:
    return re.sub(r"\s+", " ", htmllib.unescape(_TAG.sub(" ", fragment))).strip()


def _metas(page: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for tag in _META.findall(page):
        attrs = {k.lower(): (a or b or c) for k, a, b, c in _ATTR.findall(tag)}
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key and "content" in attrs and key not in found:
            found[key] = htmllib.unescape(attrs["content"]).strip()
    return found


def page_url(page: str, metas: dict[str, str]) -> str | None:
    """The page's own absolute URL: ``<link rel="canonical">``, else ``og:url``."""
    for tag in _LINK.findall(page):
        attrs = {k.lower(): (a or b or c) for k, a, b, c in _ATTR.findall(tag)}
        href = htmllib.unescape(attrs.get("href", "")).strip()
        if "canonical" in attrs.get("rel", "").lower().split() and href.startswith(("http://", "https://")):
            return href
    og = metas.get("og:url", "")
    return og if og.startswith(("http://", "https://")) else None


def _published(page: str, metas: dict[str, str]) -> str | None:
    for key in _DATE_KEYS:
        if metas.get(key):
            return metas[key]
    m = _JSONLD_DATE.search(page)
    if m:
        return m.group(1)
    m = _ITEMPROP_DATE.search(page)
    if m:
        attrs = {k.lower(): (a or b or c) for k, a, b, c in _ATTR.findall(m.group(0))}
        if attrs.get("datetime") or attrs.get("content"):
            return attrs.get("datetime") or attrs.get("content")
    m = _TIME_TAG.search(page)
    return m.group(1) if m else None


def _extractions(page: str, url: str | None):
    """trafilatura on one parsed tree: its metadata document and the main text in
    precision and in recall mode (``choose_main_text`` decides between them)."""
    import trafilatura

    tree = trafilatura.load_html(page)
    if tree is None:
        return None, "", ""
    options = {"url": url, "include_comments": False, "include_tables": True, "include_images": False,
               "deduplicate": False}
    precise = trafilatura.bare_extraction(tree, with_metadata=True, favor_precision=True, **options)
    broad = trafilatura.bare_extraction(tree, favor_recall=True, **options)
    return precise, (precise.text or "") if precise is not None else "", (broad.text or "") if broad is not None else ""


def extract_html(page: str, url: str | None = None) -> HtmlPage:
    """Extract the main text with trafilatura and read title, date and site from the page."""
    metas = _metas(page)
    doc, precise, broad = _extractions(page, url)
    titles = [metas[k] for k in _TITLE_KEYS if metas.get(k)]
    if doc is not None and doc.title:
        titles.append(doc.title)
    m = _TITLE.search(page)
    if m:
        titles.append(_text(m.group(1)))
    h1_found = [(m.start(), _text(m.group(1))) for m in _H1.finditer(page)]
    h1s = tuple(t for _, t in h1_found if t)
    # What the page shows above its headline (the <h1> that agrees with the page title) is furniture.
    headline_at = next((at for at, t in h1_found if _agrees(t, titles)), None)
    before, after = _visible_lines(page, headline_at)
    captions = tuple(c for c in (_text(a or b) for a, _, b in _CAPTION.findall(page)) if c)
    text = _without_page_furniture(choose_main_text(precise, broad), before, after, captions)
    if not text.strip():
        # trafilatura found no main text (a very short or odd page): fall back to the paragraphs.
        text = "\n".join(t for t in (_text(p) for p in _PARAGRAPH.findall(_SCRIPT.sub(" ", page))) if t)
    sitename = next((metas[k] for k in _SITE_KEYS if metas.get(k)), None)
    if doc is not None and doc.sitename and not sitename:
        sitename = doc.sitename
    published = _published(page, metas)
    fallback = doc.date if doc is not None else None
    host = doc.hostname if doc is not None else None
    visible = before + after
    return HtmlPage(
        text, tuple(dict.fromkeys(t for t in titles if t)), h1s, published, fallback, sitename, host,
        captions, _editor(visible), _header_lines(visible, h1s), page_url(page, metas),
        next((metas[k] for k in _DESCRIPTION_KEYS if metas.get(k)), None), metas.get("og:type"),
    )


def _agrees(h1: str, titles: list[str]) -> bool:
    """An <h1> with most of the words of a page title: the headline, not a logo or a section."""
    words = set(re.findall(r"\w+", h1.lower()))
    if len(words) < 3:
        return False
    for title in titles:
        other = set(re.findall(r"\w+", title.lower()))
        if len(words & other) >= 0.5 * max(len(words), min(len(other), 2 * len(words))):
            return True
    return False


def _flat(text: str) -> str:
    return " ".join(text.split())


def _without_page_furniture(text: str, before: str, after: str, captions: tuple[str, ...]) -> str:
    """Drop the leading paragraphs that the page shows only above the headline (tickers,
    kickers, "Headline" boxes) and the paragraphs that are a photo caption of the page."""
    paragraphs = [_flat(p) for p in text.split("\n") if p.strip()]
    flat_before, flat_after = _flat(before), _flat(after)
    start = 0
    if flat_before:
        while start < len(paragraphs) and paragraphs[start] in flat_before and paragraphs[start] not in flat_after:
            start += 1
    if sum(len(p.split()) for p in paragraphs[:start]) * 2 > sum(len(p.split()) for p in paragraphs):
        start = 0  # most of the text above the headline: the page is laid out otherwise
    shown = {_flat(c).lower() for c in captions if len(c) <= 400}
    kept = [p for p in paragraphs[start:] if p.lower() not in shown]
    return "\n".join(kept or paragraphs[start:])


_CUT = "\x00"  # marks the headline's place; survives tag and script removal


def _visible_lines(page: str, cut: int | None = None) -> tuple[str, str]:
    """The visible text of the page, one element per line, split at offset ``cut`` of the
    page (before and from there; everything is "from there" without a cut)."""
    if cut is not None:
        page = page[:cut] + _CUT + page[cut:]
    body = _BODY.search(page)
    visible = _SCRIPT.sub(" ", body.group(0) if body else page)
    # Tags become line breaks so that a byline ends where its element ends.
    visible = htmllib.unescape(re.sub(r"<[^>]+>", "\n", visible))
    visible = re.sub(r"[ \t\u00a0]+", " ", visible)
    visible = re.sub(r"\s*\n[\s\n]*", "\n", visible)
    before, _, after = visible.rpartition(_CUT)
    return before, after


def _editor(visible: str) -> str | None:
    from warta.clean.boilerplate import EDITOR

    # "Editor\nAmbaranie Nadia": a label element followed by the name element.
    m = EDITOR.search(re.sub(r"\b(Editor|Penyunting|Redaktur)\n", r"\1 ", visible))
    return m.group("name").strip(" .") if m else None


def _header_lines(visible: str, h1s: tuple[str, ...], limit: int = 25) -> tuple[str, ...]:
    """Short visible lines right after the headline: the page's date line is among them."""
    lines = visible.split("\n")
    start = 0
    if h1s:
        for i, line in enumerate(lines):
            if line.strip() == h1s[0]:
                start = i + 1
                break
    return tuple(ln.strip() for ln in lines[start : start + limit] if 0 < len(ln.strip()) <= 120)
