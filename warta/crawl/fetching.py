"""Polite HTTP fetching: robots.txt, per-host spacing, conditional GET, redirects, retries and limits.

:meth:`Fetcher.fetch` never raises for what a server or the network does: every URL
comes back as a :class:`Fetch` whose ``outcome`` is ``fetched``, ``unchanged``,
``failed`` or ``skipped``, with the HTTP status and the reason. httpx does the HTTP
(and gzip/deflate); this module adds only what a crawler must decide itself.
"""

from __future__ import annotations

import asyncio
import email.utils
import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timezone

import httpx

from warta.crawl.politeness import HostGate, RobotsPolicy
from warta.crawl.urls import host_key, normalise_url, site_of
from warta.ingest.warc import looks_like_html

HTML_TYPES = ("text/html", "application/xhtml+xml")
RETRY_STATUSES = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class FetchOptions:
    """How the fetcher behaves; :meth:`from_settings` reads the ``WARTA_CRAWL_*`` settings."""

    user_agent: str
    delay: float = 1.0
    host_concurrency: int = 1
    concurrency: int = 16
    timeout: float = 20.0
    retries: int = 2
    backoff: float = 2.0
    max_retry_after: float = 120.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5

    @classmethod
    def from_settings(cls, settings) -> FetchOptions:
        """The options the settings object gives."""
        return cls(
            user_agent=settings.crawl_user_agent, delay=settings.crawl_delay_seconds,
            host_concurrency=settings.crawl_host_concurrency, concurrency=settings.crawl_concurrency,
            timeout=settings.crawl_timeout_seconds, retries=settings.crawl_retries,
            backoff=settings.crawl_backoff_seconds, max_retry_after=settings.crawl_max_retry_after_seconds,
            max_bytes=settings.crawl_max_bytes, max_redirects=settings.crawl_max_redirects,
        )

    @property
    def agent_token(self) -> str:
        """The product token robots.txt groups are matched against (``Warta`` of ``Warta/0.1 (...)``)."""
        return self.user_agent.split("/", 1)[0].split()[0]


@dataclass(frozen=True)
class Validators:
    """What the last fetched version of a URL said about itself, for a conditional GET."""

    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None


@dataclass
class Exchange:
    """One HTTP request and its response, as they are archived."""

    url: str
    request_headers: list[tuple[str, str]]
    status: int
    reason_phrase: str
    http_version: str
    response_headers: list[tuple[str, str]]
    body: bytes
    at: datetime


@dataclass
class Fetch:
    """What became of one URL: its outcome, status and reason, and the exchanges to archive."""

    url: str
    kind: str  # article, feed, sitemap
    outcome: str = "failed"  # fetched, unchanged, failed, skipped
    skip: str | None = None  # why skipped: robots, off_site, not_html
    status: int | None = None
    reason: str | None = None
    final_url: str | None = None
    redirects: list[str] = field(default_factory=list)  # every URL after ``url``, the final one last
    exchanges: list[Exchange] = field(default_factory=list)  # redirect hops, then the final response
    body: bytes | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    fetched_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    attempts: int = 0


class _Failure(Exception):
    """Why a URL's fetch ended without a usable response: its reason, status and outcome."""

    def __init__(self, reason: str, status: int | None = None, outcome: str = "failed") -> None:
        super().__init__(reason)
        self.reason, self.status, self.outcome = reason, status, outcome


@dataclass
class _Answer:
    """A response, its body (None where the headers settle the outcome) and when the request started."""

    response: httpx.Response
    body: bytes | None
    started: datetime


def media_type(content_type: str | None) -> str:
    """``text/html`` of ``text/html; charset=UTF-8``."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds a ``Retry-After`` header asks to wait (delta-seconds or an HTTP date); None if absent or bad."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


class Fetcher:
    """Fetches URLs politely through one httpx client; create it inside the running event loop."""

    def __init__(self, options: FetchOptions, client: httpx.AsyncClient | None = None) -> None:
        self.options = options
        self.gate = HostGate(options.delay, options.host_concurrency, options.concurrency)
        self.client = client or httpx.AsyncClient(
            timeout=httpx.Timeout(options.timeout),
            headers={"User-Agent": options.user_agent},
            follow_redirects=False,  # each hop is checked against robots.txt, the site and the host's delay
            limits=httpx.Limits(max_connections=options.concurrency),
        )
        self._robots: dict[str, asyncio.Future] = {}
        self.requests = 0  # HTTP requests sent, robots.txt included

    async def close(self) -> None:
        """Close the HTTP client."""
        await self.client.aclose()

    async def robots(self, url: str) -> RobotsPolicy:
        """The robots.txt policy of ``url``'s host, fetched once per fetcher (redirects followed)."""
        host = host_key(url)
        if host not in self._robots:  # the first caller starts the fetch; the others await the same task
            self._robots[host] = asyncio.ensure_future(self._load_robots(host))
        return await self._robots[host]

    async def _load_robots(self, host: str) -> RobotsPolicy:
        target, answer = f"{host}/robots.txt", None
        for _ in range(self.options.max_redirects + 1):
            answer = await self._get(target, {}, "robots")
            if isinstance(answer, _Failure) or not answer.response.has_redirect_location:
                break
            target = normalise_url(answer.response.headers.get("location", ""), target) or target
        if isinstance(answer, _Failure):
            policy = RobotsPolicy(answer.status, None, answer.reason)
        else:
            policy = RobotsPolicy(answer.response.status_code, answer.body)
        delay = policy.crawl_delay(self.options.agent_token)
        if delay:
            self.gate.slow_down(host, delay)
        return policy

    async def fetch(self, url: str, kind: str = "article", prior: Validators | None = None,
                    sites: frozenset[str] | None = None) -> Fetch:
        """Fetch ``url`` following redirects, conditional on ``prior``; every hop kept to ``sites`` if given."""
        fetch = Fetch(url=url, kind=kind)
        headers = {}
        if prior and prior.etag:
            headers["If-None-Match"] = prior.etag
        if prior and prior.last_modified:
            headers["If-Modified-Since"] = prior.last_modified
        current, seen = url, {url}
        for _ in range(self.options.max_redirects + 1):
            if sites is not None and site_of(current) not in sites:
                where = ", ".join(sorted(sites))
                return _end(fetch, "skipped", f"off-site: {site_of(current) or current} is not {where}", "off_site")
            policy = await self.robots(current)
            if not policy.allows(current, self.options.agent_token):
                return _end(fetch, "skipped", policy.denied or "disallowed by robots.txt", "robots")
            answer = await self._get(current, headers, kind, fetch)
            if isinstance(answer, _Failure):
                fetch.status = answer.status
                return _end(fetch, answer.outcome, answer.reason, "not_html" if answer.outcome == "skipped" else None)
            response = answer.response
            fetch.status = response.status_code
            if not response.has_redirect_location:
                return self._finish(fetch, answer, prior)
            target = normalise_url(response.headers.get("location", ""), current)
            if target is None:
                return _end(fetch, "failed", "redirect without a usable Location")
            if target in seen:
                return _end(fetch, "failed", f"redirect loop at {target}")
            fetch.exchanges.append(_exchange(answer))
            fetch.redirects.append(target)
            seen.add(target)
            current = target
        return _end(fetch, "failed", f"more than {self.options.max_redirects} redirects")

    def _finish(self, fetch: Fetch, answer: _Answer, prior: Validators | None) -> Fetch:
        response, body = answer.response, answer.body
        fetch.final_url = str(response.url)
        status = response.status_code
        if status == 304:
            if prior is None or not (prior.etag or prior.last_modified):
                return _end(fetch, "failed", "HTTP 304 to a request that was not conditional")
            fetch.content_hash = prior.content_hash
            return _end(fetch, "unchanged", "not modified (HTTP 304)")
        if status >= 300 or body is None:
            return _end(fetch, "failed", _status_reason(response))
        fetch.content_type = response.headers.get("content-type")
        fetch.etag = response.headers.get("etag")
        fetch.last_modified = response.headers.get("last-modified")
        fetch.body = body
        fetch.content_hash = hashlib.sha256(body).hexdigest()
        if prior is not None and prior.content_hash == fetch.content_hash:
            return _end(fetch, "unchanged", "same content as the last fetch")
        fetch.exchanges.append(_exchange(answer))
        return _end(fetch, "fetched", None)

    async def _get(self, url: str, headers: dict[str, str], kind: str, fetch: Fetch | None = None) -> _Answer | _Failure:
        """GET ``url``, retrying after a 429, a 5xx, a timeout or a network error; the answer or why it failed."""
        opts = self.options
        host = host_key(url)
        failure = _Failure("not attempted")
        for attempt in range(opts.retries + 1):
            wait = opts.backoff * (2 ** attempt)
            async with self.gate.slot(host):
                self.requests += 1
                started = datetime.now(timezone.utc)
                if fetch is not None:
                    fetch.attempts += 1
                    fetch.fetched_at = started
                try:
                    # Connect and each read time out after `timeout`; the whole response gets three times that.
                    async with asyncio.timeout(3 * opts.timeout):
                        async with self.client.stream("GET", url, headers=headers) as response:
                            if response.status_code not in RETRY_STATUSES:
                                return _Answer(response, await self._body(response, kind), started)
                            failure = _Failure(_status_reason(response), response.status_code)
                            asked = retry_after_seconds(response.headers.get("retry-after"))
                    if asked is not None:
                        if asked > opts.max_retry_after:
                            failure.reason += f": Retry-After {asked:g} s is longer than {opts.max_retry_after:g} s"
                            return failure
                        failure.reason += f" (Retry-After {asked:g} s)"
                        wait = asked
                except _Failure as exc:
                    return exc
                except (httpx.TimeoutException, TimeoutError) as exc:
                    failure = _Failure(f"timeout after {opts.timeout:g} s ({type(exc).__name__})")
                except httpx.DecodingError as exc:
                    return _Failure(f"undecodable response body: {exc}"[:300])
                except httpx.TransportError as exc:
                    failure = _Failure(f"network error: {type(exc).__name__}: {exc}"[:300])
            if attempt < opts.retries:
                self.gate.defer(host, wait)
        failure.reason += f", still after {opts.retries + 1} attempts"
        return failure

    async def _body(self, response: httpx.Response, kind: str) -> bytes | None:
        """The decoded body, read up to the size limit; None where the headers settle the outcome."""
        status = response.status_code
        if status >= 300 or status == 204:
            return None
        limit = self.options.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit and "content-encoding" not in response.headers:
            raise _Failure(f"larger than the size limit ({declared} > {limit} bytes)", status)
        if kind == "article":
            kind_of = media_type(response.headers.get("content-type"))
            if kind_of and kind_of not in HTML_TYPES:
                raise _Failure(f"not an HTML page ({kind_of})", status, outcome="skipped")
        chunks, size = [], 0
        async for chunk in response.aiter_bytes():  # gzip and deflate are undone here, chunk by chunk
            size += len(chunk)
            if size > limit:
                raise _Failure(f"larger than the size limit (> {limit} bytes)", status)
            chunks.append(chunk)
        body = b"".join(chunks)
        if kind == "article" and not response.headers.get("content-type") and not looks_like_html(body):
            raise _Failure("not an HTML page (no Content-Type, and the body does not look like HTML)", status, "skipped")
        return body


def _status_reason(response: httpx.Response) -> str:
    return f"HTTP {response.status_code} {response.reason_phrase or httpx.codes.get_reason_phrase(response.status_code)}".strip()


def _exchange(answer: _Answer) -> Exchange:
    response = answer.response
    # The body is stored decoded, so the archived headers must not claim an encoding or length.
    dropped = {"content-encoding", "transfer-encoding", "content-length"}
    headers = [(k, v) for k, v in response.headers.multi_items() if k.lower() not in dropped]
    body = answer.body or b""
    headers.append(("Content-Length", str(len(body))))
    request = response.request
    return Exchange(
        url=str(request.url),
        request_headers=list(request.headers.multi_items()),
        status=response.status_code,
        reason_phrase=response.reason_phrase or httpx.codes.get_reason_phrase(response.status_code),
        http_version=response.http_version,
        response_headers=headers,
        body=body,
        at=answer.started,
    )


def _end(fetch: Fetch, outcome: str, reason: str | None, skip: str | None = None) -> Fetch:
    fetch.outcome, fetch.reason, fetch.skip = outcome, reason, skip
    return fetch
