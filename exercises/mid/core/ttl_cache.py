"""Write ``@ttl_cache(ttl, maxsize)``: a memoizing decorator whose results expire after ``ttl`` seconds.

Like functools.lru_cache, but a result is only good for a while (a price, a token, a DNS
answer): after ``ttl`` seconds the next call computes it again.

    >>> @ttl_cache(ttl=60, maxsize=1000)
    ... def exchange_rate(currency):
    ...     return fetch_rate(currency)         # slow: a network call
    >>> exchange_rate("EUR")                    # computed, stored
    >>> exchange_rate("EUR")                    # within 60 s: from the cache
    >>> exchange_rate.cache_info()
    CacheInfo(hits=1, misses=1, maxsize=1000, currsize=1)

- ``ttl_cache(ttl, maxsize=128, *, clock=time.monotonic)`` returns the decorator. ``ttl`` is a
  number of seconds (int or float) > 0, ``maxsize`` an int >= 1: else ValueError, and TypeError
  for a value of the wrong type (``@ttl_cache`` without parentheses passes the function as ttl:
  TypeError). ``clock()`` gives the time in seconds; the check passes a fake one to make
  expiry exact.
- Expiry: a result stored at time t (read ``clock()`` when the call returns, not when it starts)
  is served while ``clock() < t + ttl``; from ``t + ttl`` on it is expired and the next call
  computes it again. Reading an entry does not extend its life.
- Size: at most ``maxsize`` entries are held. Expired entries make room first; when all are
  fresh, storing a new result evicts the least recently used one (a hit makes an entry the most
  recently used). Tip: with a single ttl, entries expire in the order they were stored, so a
  second ordered structure by storing time finds the expired ones without scanning them all.
  Tens of thousands of calls with distinct arguments never hold more than ``maxsize`` (nor
  keep their arguments alive anywhere else).
- Keys: ``f(1, b=2, c=3)`` and ``f(1, c=3, b=2)`` share an entry (keyword order does not
  matter); calls with different arguments don't. An unhashable argument raises TypeError
  without calling the function. An exception is not cached.
- ``wrapper.cache_info()`` returns ``CacheInfo(hits, misses, maxsize, currsize)`` where
  currsize counts only fresh entries; ``wrapper.cache_clear()`` empties the cache and sets hits
  and misses to 0. Keep the function's metadata (functools.wraps).
- Thread-safe, and one computation per key at a time: when 16 threads ask for the same missing
  key at once, the function runs once; the other 15 wait for that call and get its result
  (they count as hits), or its exception if it raises (then nothing is stored). Calls with
  different keys must not wait for each other: never hold a lock while the function runs.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import NamedTuple


class CacheInfo(NamedTuple):
    hits: int
    misses: int
    maxsize: int
    currsize: int


def ttl_cache(ttl: float, maxsize: int = 128, *, clock: Callable[[], float] = time.monotonic) -> Callable:
    """Cache results for ``ttl`` seconds, at most ``maxsize`` of them (least recently used go first)."""
    # TODO: check the arguments; return a decorator whose wrapper has cache_info and cache_clear.
    raise NotImplementedError
