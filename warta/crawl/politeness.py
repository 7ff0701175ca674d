"""Politeness: robots.txt rules, and the per-host spacing and concurrency of requests.

Every request, robots.txt included, goes through :class:`HostGate`, so no host sees two
request starts closer together than its delay, nor more requests in flight than its
limit. A ``Retry-After`` answer pushes the host's next start back for every URL on it.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from protego import Protego


@dataclass
class _Host:
    inflight: asyncio.Semaphore
    turn: asyncio.Lock = field(default_factory=asyncio.Lock)
    next_start: float = 0.0
    last_start: float = float("-inf")
    delay: float = 0.0


class HostGate:
    """Spaces the request starts of each host by its delay and bounds the requests in flight.

    Create it inside the running event loop (its locks belong to that loop).
    """

    def __init__(self, delay: float, per_host: int, total: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.delay = delay
        self.per_host = max(1, per_host)
        self._total = asyncio.Semaphore(max(1, total))
        self._hosts: dict[str, _Host] = {}
        self._clock = clock

    def _host(self, host: str) -> _Host:
        if host not in self._hosts:
            self._hosts[host] = _Host(asyncio.Semaphore(self.per_host), delay=self.delay)
        return self._hosts[host]

    def slow_down(self, host: str, delay: float) -> None:
        """Raise ``host``'s delay to ``delay`` seconds (robots.txt ``Crawl-delay``); never lowers it."""
        state = self._host(host)
        state.delay = max(state.delay, delay)
        state.next_start = max(state.next_start, state.last_start + state.delay)  # the request just made counts

    def defer(self, host: str, seconds: float) -> None:
        """Start nothing on ``host`` for ``seconds`` from now (``Retry-After``, backoff after an error)."""
        state = self._host(host)
        state.next_start = max(state.next_start, self._clock() + seconds)

    @asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        """Hold one request's place on ``host``: entered when the request may start."""
        state = self._host(host)
        async with state.inflight:
            # One waiter at a time decides its start, so starts keep their spacing even
            # when several requests to the host are in flight.
            async with state.turn:
                wait = state.next_start - self._clock()
                if wait > 0:
                    await asyncio.sleep(wait)
                await self._total.acquire()
                state.last_start = self._clock()
                state.next_start = state.last_start + state.delay
            try:
                yield
            finally:
                self._total.release()


class RobotsPolicy:
    """What a host's robots.txt allows, read as RFC 9309 says.

    A 2xx answer is parsed (Protego); a 4xx answer means no rules (everything allowed);
    a 5xx answer or no answer at all means the site is unreachable for rules, so
    everything is disallowed for this run.
    """

    def __init__(self, status: int | None, body: bytes | None, failure: str | None = None) -> None:
        self.rules: Protego | None = None
        self.denied: str | None = None
        if status is not None and 200 <= status < 300:
            self.rules = Protego.parse((body or b"").decode("utf-8", errors="replace"))
        elif status is None or status >= 500:
            self.denied = f"robots.txt unreachable ({failure or f'HTTP {status}'}): the host is not crawled this run"

    def allows(self, url: str, agent: str) -> bool:
        """True if ``agent`` may fetch ``url``."""
        if self.denied:
            return False
        return self.rules is None or self.rules.can_fetch(url, agent)

    def crawl_delay(self, agent: str) -> float | None:
        """The ``Crawl-delay`` the rules set for ``agent``, in seconds (None if none)."""
        delay = self.rules.crawl_delay(agent) if self.rules is not None else None
        return float(delay) if delay is not None else None
