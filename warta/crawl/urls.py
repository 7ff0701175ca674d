"""URLs as the crawler keys them: normalised, grouped by host, and kept to the site that listed them."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import courlan


def normalise_url(url: str, base: str | None = None) -> str | None:
    """The URL to request and to key the ledger by, or None if it is not an http(s) URL.

    Relative links are resolved against ``base``; courlan lowercases scheme and host,
    drops default ports and tracking parameters (``utm_*`` ...) and sorts the query.
    The fragment goes: servers never see it, so it names no other document.
    """
    url = (url or "").strip()
    if not url:
        return None
    if base:
        url = urljoin(base, url)
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    try:
        normalised = courlan.normalize_url(url, strict=False)
    except ValueError:  # a malformed port or query
        return None
    return urldefrag(normalised)[0]


def host_key(url: str) -> str:
    """``scheme://host[:port]``: what robots.txt, the per-host delay and the concurrency limit apply to."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def site_of(url: str) -> str:
    """The registered domain (``kompas.com`` for ``nasional.kompas.com``), else the host name (IPs, localhost)."""
    return courlan.extract_domain(url) or (urlsplit(url).hostname or "").lower()


def listed_urls(value: Path | str) -> list[str]:
    """The URLs a ``--feeds``/``--sitemaps``/``--urls`` value names: itself if it is a URL, else its file's lines.

    A file lists one URL a line (anything after the URL on its line is ignored);
    blank lines and lines starting with ``#`` are skipped.
    """
    text = str(value).strip()
    if text.startswith(("http://", "https://")):
        return [text]
    urls = []
    for line in Path(text).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            urls.append(line.split()[0])
    return urls
