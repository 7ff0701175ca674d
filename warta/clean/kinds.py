"""What kind of page an article is: a story in words, in pictures or in a video."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from warta.lexicon import load_yaml


@lru_cache(maxsize=1)
def _words() -> dict[str, str]:
    """URL word -> page kind, from ``page_kinds.yaml``."""
    data = load_yaml("page_kinds.yaml")
    return {str(w).lower(): kind for kind in ("photo", "video") for w in data.get(kind) or ()}


def page_kind(url: str | None, og_type: str | None = None) -> str:
    """``photo`` or ``video`` when the page's address or ``og:type`` says so, else ``article``."""
    if og_type and og_type.lower().startswith("video"):
        return "video"
    if not url:
        return "article"
    try:
        parts = urlsplit(url if "//" in url else "//" + url)
    except ValueError:
        return "article"
    labels = (parts.hostname or "").lower().split(".")[:-1]  # not the top-level domain
    # The section is the first path segment; later segments are slugs, whose words say little.
    section = next((s for s in parts.path.lower().split("/") if s), "")
    words = _words()
    for word in labels + re.split(r"[-_.]", section):
        if word in words:
            return words[word]
    return "article"
