"""Stable identifiers and hashes of articles."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|ref|source|amp|page|single|showall)$", re.IGNORECASE)


def normalise_url(url: str | None) -> str | None:
    """Lower-case scheme and host, drop ``www.``, tracking parameters, fragment and trailing slash."""
    if not url or not url.strip():
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    host = (parts.hostname or "").lower()
    host = host[4:] if host.startswith("www.") else host
    if not host:
        return url.strip()
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k)))
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("https", host, path, query, ""))


def normalise_body(body: str) -> str:
    """Case- and whitespace-insensitive form of a body, for hashing."""
    return " ".join(body.split()).lower()


def article_id(url: str | None, body: str) -> str:
    """``sha1(normalised url or body)[:16]``: stable across runs and machines."""
    key = normalise_url(url) or normalise_body(body)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def content_hash(body: str) -> str:
    """sha256 of the normalised body: equal for exact copies."""
    return hashlib.sha256(normalise_body(body).encode("utf-8")).hexdigest()
