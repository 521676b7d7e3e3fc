"""A memoizing decorator whose entries expire: LRU-bounded, thread-safe, one call per key at a time."""

from __future__ import annotations

import functools
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, NamedTuple


class CacheInfo(NamedTuple):
    hits: int
    misses: int
    maxsize: int
    currsize: int


_KWARGS = object()  # separates positional from keyword arguments in a key


class _Call:
    """One running call of the function, which other callers with the same key wait for."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.value: Any = None
        self.error: BaseException | None = None

    def outcome(self) -> Any:
        self.done.wait()
        if self.error is not None:
            raise self.error
        return self.value


def ttl_cache(ttl: float, maxsize: int = 128, *, clock: Callable[[], float] = time.monotonic) -> Callable:
    """Cache results for ``ttl`` seconds, at most ``maxsize`` of them (least recently used go first)."""
    if isinstance(ttl, bool) or not isinstance(ttl, (int, float)):
        raise TypeError(f"ttl is a number of seconds, not {ttl!r}: write @ttl_cache(ttl=...)")
    if not ttl > 0:  # also refuses NaN
        raise ValueError(f"ttl must be more than 0 seconds, not {ttl!r}")
    if isinstance(maxsize, bool) or not isinstance(maxsize, int):
        raise TypeError(f"maxsize is an int, not {maxsize!r}")
    if maxsize < 1:
        raise ValueError(f"maxsize must be at least 1, not {maxsize}")

    def decorate(func: Callable) -> Callable:
        lock = threading.Lock()
        # Two orders over the same keys: `entries` by use (least recently used first) for eviction,
        # `expiry` by storing time, which with a single ttl is also the order they expire in.
        entries: OrderedDict[Any, tuple[float, Any]] = OrderedDict()  # key -> (expires, value)
        expiry: OrderedDict[Any, float] = OrderedDict()  # key -> expires, soonest first
        running: dict[Any, _Call] = {}  # keys being computed right now
        stats = {"hits": 0, "misses": 0}

        def forget(key: Any) -> None:
            del entries[key]
            del expiry[key]

        def drop_expired(now: float) -> None:
            while expiry:
                key, expires = next(iter(expiry.items()))  # the soonest to expire
                if expires > now:
                    return
                forget(key)

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            # keyword order does not change the call, and a frozenset ignores it; the private
            # marker keeps f(1, b=2) apart from any call with positional arguments only
            key = (*args, _KWARGS, frozenset(kwargs.items())) if kwargs else args
            with lock:
                entry = entries.get(key)  # an unhashable argument raises TypeError here
                if entry is not None and clock() < entry[0]:
                    entries.move_to_end(key)  # now the most recently used
                    stats["hits"] += 1
                    return entry[1]
                call = running.get(key)
                if call is not None:  # someone is computing it: wait for theirs (a hit)
                    stats["hits"] += 1
                    owner = False
                else:
                    call = running[key] = _Call()
                    stats["misses"] += 1
                    owner = True
            if not owner:
                return call.outcome()  # outside the lock, or nobody else could get in
            try:
                value = func(*args, **kwargs)  # outside the lock: other keys run meanwhile
            except BaseException as error:
                with lock:
                    del running[key]
                call.error = error  # the waiters share this call's fate; nothing is stored
                call.done.set()
                raise
            with lock:
                del running[key]
                now = clock()  # the ttl counts from when the result is stored
                # expired entries make room before any fresh one is evicted; this also drops the
                # expired entry of this very key, if there was one, so it goes to the end of both orders
                drop_expired(now)
                entries[key] = (now + ttl, value)
                expiry[key] = now + ttl
                if len(entries) > maxsize:
                    forget(next(iter(entries)))  # the least recently used
            call.value = value
            call.done.set()
            return value

        def cache_info() -> CacheInfo:
            with lock:
                drop_expired(clock())
                return CacheInfo(stats["hits"], stats["misses"], maxsize, len(entries))

        def cache_clear() -> None:
            with lock:
                entries.clear()
                expiry.clear()
                stats["hits"] = stats["misses"] = 0

        wrapper.cache_info = cache_info
        wrapper.cache_clear = cache_clear
        return wrapper

    return decorate
