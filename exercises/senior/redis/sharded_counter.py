"""A counter in Redis spread over several shard keys, so many writers don't all hit one hot key.

One Redis key incremented by every web server becomes a bottleneck (and, in a Redis cluster, a
single hot slot). A sharded counter spreads the writes: each ``incr`` adds to one of ``shards``
keys, chosen at random (or round-robin), and ``total`` adds all the shards up.

    >>> import redis
    >>> views = ShardedCounter(redis.Redis(), "views", shards=4)
    >>> for _ in range(10):
    ...     views.incr()
    >>> views.incr(5)
    >>> views.total()
    15
    >>> views.shard_values()           # how the 15 happened to spread; it sums to the total
    [4, 3, 5, 3]
    >>> views.reset(); views.total()
    0

The rules:
- Shard ``i`` of the counter named ``name`` is the Redis key ``f"{name}:{i}"``, for i in
  0 .. shards-1. Those keys are the counter's whole state: nothing is kept in the Python
  object, so another ShardedCounter with the same name (in another process, say) sees the same
  total. A shard that was never written counts as 0.
- ``incr`` must be safe with many threads and processes at once: no update may get lost.
  (Read, add, write back is not safe. Let Redis do the adding.)
- ``total`` and ``shard_values`` read all shards in one round trip (MGET or a pipeline).
- ``reset`` deletes this counter's shard keys, and only those.
- ``client`` is a ``redis.Redis`` (its replies may be bytes or str) or a URL such as
  ``"redis://localhost:6379/0"``.
- ``shards`` must be an int >= 1 (ValueError if < 1, TypeError if not an int); ``name`` must
  not be empty (ValueError); ``incr``'s ``amount`` must be an int (TypeError otherwise) and may
  be negative.
"""

from __future__ import annotations

import redis


class ShardedCounter:
    """A counter whose value is the sum of ``shards`` Redis keys ``name:0`` .. ``name:{shards-1}``."""

    def __init__(self, client: redis.Redis | str, name: str, shards: int = 8) -> None:
        """Check the arguments; keep the client (or connect to the URL) and the shard keys' names."""
        raise NotImplementedError

    def incr(self, amount: int = 1) -> None:
        """Add ``amount`` to one shard, atomically (INCRBY)."""
        raise NotImplementedError

    def total(self) -> int:
        """The counter's value: the sum of all its shards, missing ones counting 0."""
        raise NotImplementedError

    def shard_values(self) -> list[int]:
        """Each shard's value as an int, in shard order (0 for a shard never written)."""
        raise NotImplementedError

    def reset(self) -> None:
        """Set the counter back to 0 by deleting its shard keys (and no other key)."""
        raise NotImplementedError
