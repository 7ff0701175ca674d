"""What to crawl: feeds, sitemaps and URL lists from files or the command line, and outlets from ``feeds.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from warta.crawl.urls import listed_urls, normalise_url, site_of
from warta.lexicon import load_yaml


@dataclass(frozen=True)
class Source:
    """A feed, sitemap or URL to crawl, and the sites its article URLs may be on (None: any)."""

    url: str
    kind: str  # feed, sitemap, url
    sites: frozenset[str] | None = None
    listed_in: str | None = None  # a URL list file, or the sitemap index that named this sitemap


@dataclass(frozen=True)
class Outlet:
    """An outlet of ``feeds.yaml``."""

    id: str
    name: str
    home: str
    language: str
    feeds: tuple[str, ...]
    sitemaps: tuple[str, ...]
    sites: frozenset[str]
    verified: bool


def outlets() -> dict[str, Outlet]:
    """The outlets of ``warta/lexicons/feeds.yaml`` (and the user's file of that name), by id."""
    found = {}
    for entry in load_yaml("feeds.yaml") or []:
        home = entry["home"]
        sites = frozenset({site_of(home), *(d.lower() for d in entry.get("domains") or [])})
        found[entry["id"]] = Outlet(
            entry["id"], entry.get("name") or entry["id"], home, entry.get("language") or "id",
            tuple(entry.get("feeds") or ()), tuple(entry.get("sitemaps") or ()), sites, bool(entry.get("verified")),
        )
    return found


def outlet_sources(selection: str) -> list[Source]:
    """The feeds and sitemaps of the outlets named in ``selection`` (comma-separated ids, or ``all``)."""
    known = outlets()
    wanted = list(known) if selection.strip().lower() == "all" else [s.strip() for s in selection.split(",") if s.strip()]
    unknown = [w for w in wanted if w not in known]
    if unknown:
        raise ValueError(f"unknown outlet(s) {', '.join(unknown)}; feeds.yaml has: {', '.join(sorted(known))}")
    sources = []
    for outlet in (known[w] for w in wanted):
        sources += [Source(u, "feed", outlet.sites) for u in map(normalise_url, outlet.feeds) if u]
        sources += [Source(u, "sitemap", outlet.sites) for u in map(normalise_url, outlet.sitemaps) if u]
    return sources


def crawl_sources(feeds: list[str] = (), sitemaps: list[str] = (), urls: list[str] = (),
                  outlet_selection: str | None = None, any_site: bool = False) -> list[Source]:
    """The sources of a crawl: each of ``feeds``, ``sitemaps`` and ``urls`` is a URL or a file of URLs.

    Article URLs are kept to the site of the feed or sitemap that lists them (a URL
    of a list: to its own site, through redirects), unless ``any_site``. Raises
    ``ValueError`` naming a line that is not an http(s) URL, and ``FileNotFoundError``.
    """
    sources: list[Source] = []
    for kind, values in (("feed", feeds), ("sitemap", sitemaps), ("url", urls)):
        for value in values or ():
            listed_in = None if str(value).startswith(("http://", "https://")) else str(Path(value).absolute())
            for url in listed_urls(value):
                normal = normalise_url(url)
                if normal is None:
                    raise ValueError(f"{value}: not an http(s) URL: {url[:200]!r}")
                sites = None if any_site else frozenset({site_of(normal)})
                sources.append(Source(normal, kind, sites, listed_in if kind == "url" else None))
    if outlet_selection:
        sources += [s if not any_site else Source(s.url, s.kind, None) for s in outlet_sources(outlet_selection)]
    return list(dict.fromkeys(sources))


_AGE_UNITS = {"m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


def since_cutoff(value: str | None, now: datetime | None = None) -> datetime | None:
    """The ``--since`` cutoff in UTC: an ISO date or time (``2025-11-01``, local times read as UTC), or an age (``36h``, ``7d``).

    Raises ``ValueError`` on anything else.
    """
    if value is None or not str(value).strip():
        return None
    text = str(value).strip().lower()
    now = now or datetime.now(timezone.utc)
    if text[:-1].isdigit() and text[-1] in _AGE_UNITS:
        return now - timedelta(seconds=int(text[:-1]) * _AGE_UNITS[text[-1]])
    try:
        moment = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"--since {value!r}: give a date (2025-11-01), a time (2025-11-01T06:00+07:00) "
                         "or an age (30m, 36h, 7d, 2w)") from None
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)
