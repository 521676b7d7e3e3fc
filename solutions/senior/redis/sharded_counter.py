"""A counter in Redis spread over several shard keys, so many writers don't all hit one hot key."""

from __future__ import annotations

import random

import redis


class ShardedCounter:
    """A counter whose value is the sum of ``shards`` Redis keys ``name:0`` .. ``name:{shards-1}``.

    All state lives in Redis, so any number of ShardedCounter objects, threads and processes
    can share one counter by name.
    """

    def __init__(self, client: redis.Redis | str, name: str, shards: int = 8) -> None:
        if not isinstance(shards, int):
            raise TypeError(f"shards must be an int, not {type(shards).__name__}")
        if shards < 1:
            raise ValueError(f"shards must be at least 1, not {shards}")
        if not name:
            raise ValueError("name must not be empty")
        self._redis = redis.Redis.from_url(client) if isinstance(client, str) else client
        self.shards = shards
        self._keys = [f"{name}:{i}" for i in range(shards)]

    def incr(self, amount: int = 1) -> None:
        """Add ``amount`` to one shard, atomically (INCRBY)."""
        if not isinstance(amount, int):
            raise TypeError(f"amount must be an int, not {type(amount).__name__}")
        # A random shard, not round-robin: each process would start its round at shard 0, so
        # many short-lived writers would all pile onto the first shards.
        key = self._keys[random.randrange(self.shards)]
        # INCRBY is atomic in Redis: concurrent writers never lose each other's updates.
        self._redis.incrby(key, amount)

    def shard_values(self) -> list[int]:
        """Each shard's value as an int, in shard order (0 for a shard never written)."""
        # One MGET: one round trip however many shards. int() takes bytes and str alike.
        return [0 if raw is None else int(raw) for raw in self._redis.mget(self._keys)]

    def total(self) -> int:
        """The counter's value: the sum of all its shards, missing ones counting 0."""
        return sum(self.shard_values())

    def reset(self) -> None:
        """Set the counter back to 0 by deleting its shard keys (and no other key)."""
        # Deleting the exact keys, never a pattern like name*, which would also wipe "names".
        self._redis.delete(*self._keys)
