"""Write a token-bucket rate limiter that works from threads and from asyncio.

A bucket holds up to ``capacity`` tokens and refills continuously at ``rate`` tokens per
second. Each request takes a token (or ``n``); when the bucket is empty, callers wait. So a
client may burst up to ``capacity`` requests at once, and over any stretch of ``T`` seconds it
never gets more than ``capacity + rate * T``.

    >>> now = [0.0]                                   # a fake clock the example moves by hand
    >>> bucket = TokenBucket(rate=2, capacity=3, clock=lambda: now[0])
    >>> [bucket.try_acquire() for _ in range(4)]      # starts full: a burst of 3
    [True, True, True, False]
    >>> now[0] += 0.5                                 # 0.5 s at 2 per second: 1 token
    >>> bucket.tokens
    1.0
    >>> bucket.try_acquire(2)
    False

The rules:
- ``TokenBucket(rate, capacity, *, clock=time.monotonic, sleep=time.sleep)``: ``rate`` and
  ``capacity`` must be positive (ValueError). The bucket starts full. It needs no thread or
  timer: bring it up to date from ``clock()`` each time it is used, adding
  ``elapsed * rate`` tokens, never beyond ``capacity``. A clock that steps back adds nothing,
  and the bucket counts on from that new reading.
- ``tokens`` is how many there are now (a float).
- ``try_acquire(n=1)`` takes ``n`` tokens and returns True if they are there, else returns
  False and takes nothing. Never waits.
- ``acquire(n=1, timeout=None)`` waits until ``n`` tokens are there, takes them and returns
  True. It waits by calling ``sleep(seconds)`` for exactly as long as the missing tokens take
  to drip in (``(n - tokens) / rate``), not in little steps, then checks again (another
  thread may have taken them). If they cannot arrive within ``timeout`` seconds it returns
  False at once, without sleeping or taking anything.
- ``async acquire_async(n=1, timeout=None)`` is the same for coroutines: it waits with
  ``await asyncio.sleep(...)``, so the event loop keeps running other tasks meanwhile.
- ``n`` must be positive and at most ``capacity`` (more could never be available), and
  ``timeout`` None or >= 0: ValueError otherwise.
- Thread-safe: 8 threads at once never get more tokens than there are.
- ``async fetch_all(session, urls, bucket)`` GETs every URL concurrently with the given
  ``aiohttp.ClientSession``, each request taking one token first, and returns the statuses
  in the order of ``urls``: the check's server sees no more than the bucket allows.
"""

from __future__ import annotations

import asyncio  # noqa: F401 - you will need these
import threading  # noqa: F401
import time
from typing import Callable

import aiohttp


class TokenBucket:
    """Tokens drip in continuously at ``rate`` per second, up to ``capacity``; each request takes some."""

    def __init__(self, rate: float, capacity: float, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], object] = time.sleep) -> None:
        # TODO: remember the tokens and when you last counted them; a Lock for threads
        raise NotImplementedError

    @property
    def tokens(self) -> float:
        """How many tokens the bucket holds now."""
        raise NotImplementedError

    def try_acquire(self, n: float = 1) -> bool:
        """Take ``n`` tokens if they are there now; never waits."""
        raise NotImplementedError

    def acquire(self, n: float = 1, timeout: float | None = None) -> bool:
        """Wait until ``n`` tokens are there and take them; False if that can't happen within ``timeout``."""
        raise NotImplementedError

    async def acquire_async(self, n: float = 1, timeout: float | None = None) -> bool:
        """``acquire`` for coroutines: waits with asyncio.sleep, so the event loop runs on."""
        raise NotImplementedError


async def fetch_all(session: aiohttp.ClientSession, urls: list[str], bucket: TokenBucket) -> list[int]:
    """GET every URL concurrently, each request first taking a token; the statuses in URL order."""
    raise NotImplementedError
