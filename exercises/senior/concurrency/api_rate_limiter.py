"""Design and implement the rate limiting of an asyncio API: a limiter per client, and an aiohttp
middleware that answers 429 Too Many Requests with a Retry-After header.

Part 1, the algorithm: ``RateLimiter(rate, burst, *, clock=time.monotonic)``.

Each key (a client's address) behaves like a token bucket: it starts full with ``burst`` tokens,
every allowed request takes one, and tokens come back at ``rate`` per second, never more than
``burst``. ``hit(key)`` answers one request:

    >>> t = [0.0]
    >>> limiter = RateLimiter(rate=2, burst=3, clock=lambda: t[0])
    >>> [limiter.hit("10.0.0.1") for _ in range(4)]     # 3 at once, then wait for a token
    [0.0, 0.0, 0.0, 0.5]
    >>> limiter.hit("10.0.0.2")                          # each key has its own bucket
    0.0
    >>> t[0] = 0.5
    >>> limiter.hit("10.0.0.1")                          # half a second later, one token is back
    0.0

- ``hit(key)`` returns 0.0 when the request is allowed (and counts it), otherwise the seconds
  until the key will have a token again; a refused request takes nothing.
- ``rate`` is a positive number (requests per second), ``burst`` a positive int: anything else is
  a ValueError. ``clock`` gives the time in seconds (the check passes a fake one).
- Memory: an API sees millions of addresses. Keep one number per key (the Generic Cell Rate
  Algorithm keeps each key's "theoretical arrival time": when its bucket would be full again),
  not a log of timestamps. And forget keys whose bucket is full again (they are no different
  from a key never seen) as you go: at least one such key per hit while there are any, or all
  of them now and then, but never by rescanning every key on every hit.
  ``len(limiter)`` is the number of keys it currently keeps.

Part 2, the API: ``rate_limit_middleware(limiter, *, trusted_proxies=())`` returns an aiohttp
middleware (``web.Application(middlewares=[...])``).

- Each request is counted against its client's address. The client is the peer
  (``request.remote``), except behind a proxy you trust: when the peer is one of
  ``trusted_proxies`` (IP address strings), the client is the right-most address of the
  ``X-Forwarded-For`` header that is not itself a trusted proxy; addresses left of it are whatever
  the client chose to send, and an untrusted peer's X-Forwarded-For is ignored. A malformed
  X-Forwarded-For counts as the peer. A malformed entry of ``trusted_proxies`` is a ValueError
  when the middleware is made.
- An allowed request goes on to the handler. A refused one gets status 429, a JSON body
  ``{"error": "rate limited", "retry_after": SECONDS}``, and the header ``Retry-After`` with the
  seconds to wait rounded *up* to a whole number (at least 1).
- The limiter runs on the server's one event loop: 200 requests at the same moment from 5
  clients with burst 10 (and no time passing) let exactly 50 through.
"""

from __future__ import annotations

import ipaddress  # noqa: F401 - you will need these
import json  # noqa: F401
import math  # noqa: F401
import time
from typing import Callable, Hashable, Iterable

from aiohttp import web  # noqa: F401


class RateLimiter:
    """Per key: ``burst`` requests at once, then ``rate`` per second."""

    def __init__(self, rate: float, burst: int, *, clock: Callable[[], float] = time.monotonic) -> None:
        raise NotImplementedError

    def hit(self, key: Hashable) -> float:
        """0.0 if ``key`` may make a request now (and count it); otherwise the seconds it must wait."""
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError


def rate_limit_middleware(limiter: RateLimiter, *, trusted_proxies: Iterable[str] = ()) -> Callable:
    """An aiohttp middleware limiting each client address with ``limiter``."""
    raise NotImplementedError
