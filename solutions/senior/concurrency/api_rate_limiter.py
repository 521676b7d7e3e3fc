"""Rate limiting for an asyncio API: GCRA per client, 429 with Retry-After, trusted proxies,
memory that does not grow with every client ever seen."""

from __future__ import annotations

import ipaddress
import json
import math
import time
from typing import Awaitable, Callable, Hashable, Iterable

from aiohttp import web


class RateLimiter:
    """Per key: ``burst`` requests at once, then ``rate`` per second (a token bucket, kept as GCRA)."""

    def __init__(self, rate: float, burst: int, *, clock: Callable[[], float] = time.monotonic) -> None:
        if isinstance(rate, bool) or not isinstance(rate, (int, float)) or not rate > 0 or math.isinf(rate):
            raise ValueError(f"rate must be a positive number of requests per second, not {rate!r}")
        if isinstance(burst, bool) or not isinstance(burst, int) or burst < 1:
            raise ValueError(f"burst must be an int >= 1, not {burst!r}")
        self.rate, self.burst, self.clock = rate, burst, clock
        self._interval = 1.0 / rate  # T: the time one request "costs"
        self._tolerance = (burst - 1) * self._interval  # tau: how far ahead of schedule a key may run
        # GCRA keeps one number per key, its theoretical arrival time (TAT): when the key's bucket
        # would be full again. A sliding-window log would keep up to `burst` timestamps per key.
        # Insertion order doubles as an eviction queue: an updated key moves to the end.
        self._tat: dict[Hashable, float] = {}

    def hit(self, key: Hashable) -> float:
        """0.0 if ``key`` may make a request now (and count it); otherwise the seconds it must wait."""
        now = self.clock()
        self._evict(now)
        tat = max(self._tat.get(key, now), now)
        wait = tat - now - self._tolerance
        if wait > 0:
            return wait  # refused requests cost nothing
        self._tat.pop(key, None)
        self._tat[key] = tat + self._interval
        return 0.0

    def _evict(self, now: float, budget: int = 2) -> None:
        # A key whose TAT has passed is in the same state as one never seen: forget it. The oldest
        # updates are at the front; a couple of evictions per hit keeps up with any arrival rate.
        for _ in range(budget):
            key = next(iter(self._tat), None)
            if key is None or self._tat[key] > now:
                return
            del self._tat[key]

    def __len__(self) -> int:
        return len(self._tat)


def client_address(request: web.Request, trusted_proxies: Iterable[str]) -> str:
    """The client's IP: the peer, or, behind a trusted proxy, the last X-Forwarded-For address
    that is not itself one of the trusted proxies (anything before it a client could forge)."""
    trusted = {ipaddress.ip_address(p) for p in trusted_proxies}
    peer = request.remote or ""
    try:
        if ipaddress.ip_address(peer) not in trusted:
            return peer
    except ValueError:
        return peer
    hops = [h.strip() for value in request.headers.getall("X-Forwarded-For", []) for h in value.split(",")]
    for hop in reversed(hops):
        try:
            address = ipaddress.ip_address(hop)
        except ValueError:
            return peer  # a malformed chain: trust nothing in it
        if address not in trusted:
            return str(address)
    return peer


def rate_limit_middleware(limiter: RateLimiter, *, trusted_proxies: Iterable[str] = ()) -> Callable:
    """An aiohttp middleware limiting each client address with ``limiter``."""
    proxies = tuple(trusted_proxies)
    for p in proxies:
        ipaddress.ip_address(p)  # a typo in the configuration fails now, not per request

    @web.middleware
    async def limit(request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]):
        wait = limiter.hit(client_address(request, proxies))
        if wait > 0:
            # Retry-After takes whole seconds: round up, or a client retrying on time is refused again
            return web.Response(status=429, content_type="application/json",
                                text=json.dumps({"error": "rate limited", "retry_after": round(wait, 3)}),
                                headers={"Retry-After": str(max(1, math.ceil(wait)))})
        return await handler(request)

    return limit
