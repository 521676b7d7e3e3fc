"""A distributed cache over several Redis servers: consistent hashing, replicas, read-repair,
last-write-wins versions, and a lock against cache stampedes.

Like a Memcached cluster, the cache spreads keys over independent servers that know nothing of
each other: all the distribution is in the client. Unlike a plain Memcached client, it keeps
each key on ``replicas`` servers, so losing one server loses no data, and it stays consistent
when a server misses writes while it is down or hung.

    >>> cache = ReplicatedCache(["redis://10.0.0.1:6379/0", "redis://10.0.0.2:6379/0",
    ...                          "redis://10.0.0.3:6379/0"], replicas=2)
    >>> cache.nodes_for("user:42")
    ['redis://10.0.0.3:6379/0', 'redis://10.0.0.1:6379/0']
    >>> cache.set("user:42", "Ada", ttl=60)
    >>> cache.get("user:42")                   # still works with 10.0.0.3 down
    'Ada'
    >>> cache.get_or_load("report", build_report)   # 100 callers miss at once: one build

The rules:
- The ring: each node gets ``vnodes`` points on a hash ring, placed by hashing the URL (with
  ``hashlib`` — never ``hash()``, which differs from process to process); a key's replicas are
  the first ``replicas`` distinct nodes clockwise from the key's own point. ``nodes_for(key)``
  returns them (URLs, in that order). The listing order of the URLs must not matter, and adding
  a node moves only keys onto the new node. ``urls`` empty, or ``replicas`` not in 1 .. number
  of nodes, is a ValueError. Building a cache does not connect to anything yet.
- ``set(key, value, ttl=None)`` writes to every replica (values are str: TypeError otherwise;
  ``ttl`` in seconds); ``get(key)`` returns the value or None; ``delete(key)`` removes it. On each
  replica the record is kept under the key's own name (one Redis key per cache key).
- Fault tolerance: a node that is down (connection refused) or hung (no answer within
  ``socket_timeout`` seconds) is skipped, quickly — note that a client made by
  ``redis.Redis(host=..., port=...)`` retries a refused connection with backoff, for seconds:
  create your clients with ``retry=None`` (and the socket timeouts). ``get``
  and ``set`` succeed while any replica of the key answers, and raise ``CacheUnavailable`` when
  none does.
- Consistency: every write carries a version (``time.time_ns()``), and a replica only accepts a
  record newer than the one it holds (do the compare-and-write in one Lua script). ``get`` reads
  all reachable replicas and returns the newest record; a replica that answered with an older
  record or none gets the newest one written back (read-repair) — that is how a node restarted
  empty, or one that was paused during a write, catches up. ``delete`` writes a newer
  "tombstone" record (expiring after a minute), so a replica that missed the delete cannot
  bring the value back.
- ``get_or_load(key, loader, ttl=None, wait=10.0)``: on a miss exactly one caller — across all
  threads and processes — runs ``loader()`` and caches its result; the others wait for the value
  and return it. The lock is a Redis key ``lock:KEY`` on the key's first reachable replica, set
  with NX and an expiry of ``lock_ttl`` seconds (so a caller that crashed mid-load frees it), and
  released (only by its owner) as soon as the load ends, even if the loader raised; the
  loader's exception reaches its caller. Give up with TimeoutError after ``wait`` seconds.
- ``close()`` closes the clients.
"""

from __future__ import annotations

from typing import Callable


class CacheUnavailable(Exception):
    """No replica of the key could be reached."""


class ReplicatedCache:
    def __init__(self, urls: list[str], *, replicas: int = 2, vnodes: int = 64, socket_timeout: float = 0.25,
                 lock_ttl: float = 5.0) -> None:
        """Build the ring and one client per node (connections are made on first use)."""
        raise NotImplementedError

    def nodes_for(self, key: str) -> list[str]:
        """The URLs of the ``replicas`` nodes that hold ``key``, in ring order."""
        raise NotImplementedError

    def set(self, key: str, value: str, ttl: float | None = None) -> None:
        raise NotImplementedError

    def get(self, key: str) -> str | None:
        """The newest value among the reachable replicas (None if missing or deleted), repairing stale ones."""
        raise NotImplementedError

    def delete(self, key: str) -> None:
        raise NotImplementedError

    def get_or_load(self, key: str, loader: Callable[[], str], ttl: float | None = None,
                    wait: float = 10.0) -> str:
        """The cached value, or the loader's, run once however many callers miss together."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> "ReplicatedCache":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
