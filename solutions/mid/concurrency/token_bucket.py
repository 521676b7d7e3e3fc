"""A token-bucket rate limiter for threads and for asyncio."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Callable

import aiohttp


class TokenBucket:
    """Tokens drip in continuously at ``rate`` per second, up to ``capacity``; each request takes some.

    Nothing runs in the background: the bucket is brought up to date from the clock whenever
    it is used (``_refill``). One lock makes "refill, check, take" a single step for threads;
    it is never held while sleeping, so a waiting thread does not block the others.
    """

    def __init__(self, rate: float, capacity: float, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], object] = time.sleep) -> None:
        if rate <= 0 or capacity <= 0:
            raise ValueError(f"rate and capacity must be positive, not {rate} and {capacity}")
        self.rate, self.capacity = rate, capacity
        self._clock, self._sleep = clock, sleep
        self._tokens = capacity  # a new bucket is full
        self._last = clock()
        self._lock = threading.Lock()

    def _refill(self) -> None:
        now = self._clock()
        elapsed = max(0.0, now - self._last)  # a clock that steps back adds nothing
        self._tokens = min(self.capacity, self._tokens + elapsed * self.rate)
        self._last = now

    def _check(self, n: float, timeout: float | None = None) -> None:
        if n <= 0:
            raise ValueError(f"n must be positive, not {n}")
        if n > self.capacity:
            raise ValueError(f"{n} tokens can never be available in a bucket of capacity {self.capacity}")
        if timeout is not None and timeout < 0:
            raise ValueError(f"timeout must be None or >= 0, not {timeout}")

    def _take_or_wait(self, n: float) -> float:
        """Take n tokens and return 0, or return how long until there will be n."""
        with self._lock:
            self._refill()
            if self._tokens >= n:
                self._tokens -= n
                return 0.0
            return (n - self._tokens) / self.rate

    @property
    def tokens(self) -> float:
        """How many tokens the bucket holds now."""
        with self._lock:
            self._refill()
            return self._tokens

    def try_acquire(self, n: float = 1) -> bool:
        """Take ``n`` tokens if they are there now; never waits."""
        self._check(n)
        return self._take_or_wait(n) == 0

    def acquire(self, n: float = 1, timeout: float | None = None) -> bool:
        """Wait until ``n`` tokens are there and take them; False if that can't happen within ``timeout``."""
        self._check(n, timeout)
        deadline = None if timeout is None else self._clock() + timeout
        while (wait := self._take_or_wait(n)) > 0:
            # another thread may take the tokens first: then we find a new wait and go again
            if deadline is not None and self._clock() + wait > deadline:
                return False
            self._sleep(wait)
        return True

    async def acquire_async(self, n: float = 1, timeout: float | None = None) -> bool:
        """``acquire`` for coroutines: waits with asyncio.sleep, so the event loop runs on."""
        self._check(n, timeout)
        deadline = None if timeout is None else self._clock() + timeout
        while (wait := self._take_or_wait(n)) > 0:
            if deadline is not None and self._clock() + wait > deadline:
                return False
            await asyncio.sleep(wait)
        return True


async def fetch_all(session: aiohttp.ClientSession, urls: list[str], bucket: TokenBucket) -> list[int]:
    """GET every URL concurrently, each request first taking a token; the statuses in URL order."""

    async def fetch(url: str) -> int:
        await bucket.acquire_async()
        async with session.get(url) as resp:
            return resp.status

    return list(await asyncio.gather(*(fetch(url) for url in urls)))
