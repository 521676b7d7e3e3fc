"""A distributed cache over several Redis servers: consistent hashing, replicas, read-repair,
last-write-wins versions, and a lock against cache stampedes."""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import time
import uuid
from typing import Callable

import redis

#: a deleted key leaves a tombstone this long, so a replica that missed the delete can't bring it back
TOMBSTONE_MS = 60_000

# Write a record only if it is newer than what the replica holds: concurrent writers, late
# repairs and replicas coming back from a pause can then never roll a key back.
# KEYS[1] = key; ARGV = version, ttl_ms (0 = none)[, value] — no value makes a tombstone
WRITE_IF_NEWER = """
local current = redis.call('HGET', KEYS[1], 'v')
if current and tonumber(current) >= tonumber(ARGV[1]) then return 0 end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'v', ARGV[1])
if #ARGV > 2 then redis.call('HSET', KEYS[1], 'd', ARGV[3]) end
if tonumber(ARGV[2]) > 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 1
"""

# Delete the lock only if it is still ours: after a long load it may have expired and been taken.
RELEASE_LOCK = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""

#: what a node that is down (killed, paused, unreachable) raises
NODE_DOWN = (redis.ConnectionError, redis.TimeoutError)


class CacheUnavailable(Exception):
    """No replica of the key could be reached."""


def _point(text: str) -> int:
    """A position on the ring. md5, not hash(): hash() differs between processes (PYTHONHASHSEED)."""
    return int.from_bytes(hashlib.md5(text.encode("utf-8")).digest()[:8], "big")


class ReplicatedCache:
    def __init__(self, urls: list[str], *, replicas: int = 2, vnodes: int = 64, socket_timeout: float = 0.25,
                 lock_ttl: float = 5.0) -> None:
        urls = list(dict.fromkeys(urls))  # a URL given twice is still one node
        if not 1 <= replicas <= len(urls):
            raise ValueError(f"replicas must be between 1 and the number of nodes ({len(urls)})")
        self.replicas, self.lock_ttl = replicas, lock_ttl
        # many virtual points per node even out the load, and a node that joins or leaves moves
        # only the keys next to its points
        self._ring = sorted((_point(f"{url}#{i}"), url) for url in urls for i in range(vnodes))
        self._points = [p for p, _ in self._ring]
        # redis-py would retry a refused connection with backoff (seconds): a dead node must cost
        # one quick failure instead, and a hung node at most socket_timeout
        self._clients = {url: redis.Redis.from_url(url, socket_timeout=socket_timeout,
                                                   socket_connect_timeout=socket_timeout, retry=None,
                                                   decode_responses=True) for url in urls}
        self._write = {url: c.register_script(WRITE_IF_NEWER) for url, c in self._clients.items()}
        self._release = {url: c.register_script(RELEASE_LOCK) for url, c in self._clients.items()}

    def nodes_for(self, key: str) -> list[str]:
        """The ``replicas`` distinct nodes that hold ``key``, walking clockwise from its point."""
        found: list[str] = []
        start = bisect.bisect(self._points, _point(key))
        for i in range(len(self._ring)):
            url = self._ring[(start + i) % len(self._ring)][1]
            if url not in found:
                found.append(url)
                if len(found) == self.replicas:
                    break
        return found

    # -- reading and writing records ------------------------------------------------------------

    def _put(self, url: str, key: str, version: int, value: str | None, ttl_ms: int) -> bool:
        """Write a record (value None = tombstone) if newer; False if the node is down."""
        try:
            self._write[url](keys=[key], args=[version, ttl_ms] + ([] if value is None else [value]))
        except NODE_DOWN:
            return False
        return True

    def _write_all(self, key: str, value: str | None, ttl_ms: int) -> None:
        version = time.time_ns()  # last write wins; ties are as good as impossible
        written = [self._put(url, key, version, value, ttl_ms) for url in self.nodes_for(key)]
        if not any(written):
            raise CacheUnavailable(f"no replica of {key!r} is reachable")

    def set(self, key: str, value: str, ttl: float | None = None) -> None:
        if not isinstance(value, str):
            raise TypeError(f"values are str, not {type(value).__name__}")
        self._write_all(key, value, 0 if ttl is None else max(1, int(ttl * 1000)))

    def delete(self, key: str) -> None:
        self._write_all(key, None, TOMBSTONE_MS)

    def get(self, key: str) -> str | None:
        """The newest value any reachable replica holds (None if missing or deleted), repairing
        the replicas that answered with an older record or none."""
        answers = {}  # url -> (version, value, pttl), or None where the replica has no record
        for url in self.nodes_for(key):
            try:
                (version, value), pttl = self._clients[url].pipeline().hmget(key, ["v", "d"]).pttl(key).execute()
            except NODE_DOWN:
                continue  # a dead replica is skipped: the others still answer
            answers[url] = None if version is None else (int(version), value, pttl)
        if not answers:
            raise CacheUnavailable(f"no replica of {key!r} is reachable")
        records = [a for a in answers.values() if a is not None]
        if not records:
            return None
        version, value, pttl = max(records, key=lambda r: r[0])
        for url, record in answers.items():
            if record is None or record[0] < version:
                # read-repair: a node back from the dead (or one that missed a write) catches up
                self._put(url, key, version, value, max(pttl, 0))
        return value  # None for a tombstone

    def get_or_load(self, key: str, loader: Callable[[], str], ttl: float | None = None,
                    wait: float = 10.0) -> str:
        """The cached value, or ``loader()``'s — run by one caller only, however many miss at once."""
        value = self.get(key)
        if value is not None:
            return value
        lock, token = f"lock:{key}", uuid.uuid4().hex
        give_up_at = time.monotonic() + wait
        while time.monotonic() < give_up_at:
            url = self._lock_node(key)
            # SET NX PX: one caller wins; the expiry frees the lock if its holder crashes mid-load
            if self._clients[url].set(lock, token, nx=True, px=max(1, int(self.lock_ttl * 1000))):
                try:
                    if self.get(key) is None:  # someone may have loaded it while we waited for the lock
                        self.set(key, loader(), ttl)
                finally:
                    with contextlib.suppress(*NODE_DOWN):  # if its node is gone, the lock expires by itself
                        self._release[url](keys=[lock], args=[token])
            else:
                time.sleep(0.02)  # someone else is loading: wait for the value, not the loader
            value = self.get(key)
            if value is not None:
                return value
        raise TimeoutError(f"{key!r} was not loaded within {wait:g} s")

    def _lock_node(self, key: str) -> str:
        """The first reachable replica of the key holds its lock."""
        for url in self.nodes_for(key):
            with contextlib.suppress(*NODE_DOWN):
                self._clients[url].ping()
                return url
        raise CacheUnavailable(f"no replica of {key!r} is reachable")

    def close(self) -> None:
        for client in self._clients.values():
            client.close()

    def __enter__(self) -> ReplicatedCache:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
