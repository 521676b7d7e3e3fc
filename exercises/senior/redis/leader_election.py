"""Leader election the ZooKeeper way, on Redis: ephemeral sequential nodes, watching the
predecessor, and fencing tokens that stop a leader who lost its lease without knowing it.

Several copies of a service run for safety, but one must do the scheduled work. ZooKeeper's
recipe: every candidate creates an *ephemeral sequential* node (a numbered node that vanishes when
its owner's session dies); the lowest number leads; every other candidate watches only the node
just below its own, and when that one vanishes checks whether it is now the lowest. Redis has no
sessions or watches, so here a node is a key with a lease (a TTL its owner keeps renewing) and a
watch is a short poll.

A leader can also be wrong about leading: paused (a long GC, SIGSTOP) past its lease, it wakes up
still believing it leads. So the resource it writes to checks a *fencing token* — the leader's
node number, higher for every new leader — and refuses a write with a token older than one it
has already seen.

    >>> me = Candidate("redis://localhost:6379/0", "scheduler", "host-a", ttl=1.0)
    >>> me.start()
    >>> me.wait_for_leadership(timeout=5)
    True
    >>> me.token
    17
    >>> jobs = FencedResource("redis://localhost:6379/0", "jobs")
    >>> jobs.write(me.token, "ran the 9 o'clock batch")
    True
    >>> jobs.write(12, "a deposed leader, waking up late")
    False
    >>> current_leader("redis://localhost:6379/0", "scheduler")
    ('host-a', 17)

The rules (``client`` is a URL, or a ``redis.Redis`` made with ``decode_responses=True``):
- Joining (``start()``, which returns knowing whether it leads; a second ``start()`` is a
  RuntimeError): take the next number ``seq = INCR {election}:seq``; the node is the key
  ``f"{election}:node:{seq:010d}"`` holding the candidate's id, set with an expiry of ``ttl``
  seconds; add it to an index of members (a sorted set scored by ``seq`` is handy, since keys
  with TTLs can't be listed cheaply).
- Every ``ttl / 4`` seconds (a background thread) renew the lease with PEXPIRE — which renews
  only a key that still exists. If the node has expired, the candidate was cut off: it is no
  longer leader, and joins again with a new number. A candidate leads while its node is the
  live member with the lowest number; otherwise it watches its predecessor (the live member
  just below it) and re-examines the members only when that one is gone.
- ``is_leader`` and ``token`` (the leader's ``seq``; None when not leading, or not started) must not trust a
  lease that has run out: leadership also ends, by the local monotonic clock, ``ttl`` seconds
  after the last successful renewal was sent. ``wait_for_leadership(timeout)`` waits for it.
- ``stop()`` resigns at once: stops the thread and deletes the node, so the next candidate takes
  over without waiting for a lease to expire. A candidate that dies instead is replaced within
  2 x ttl. Candidates lead in the order they joined. ``stop()`` of a candidate that never started
  does nothing. If Redis is unreachable, the thread keeps trying each tick (a restarted, empty
  Redis means joining again).
- ``current_leader(client, election)`` is ``(candidate id, token)`` of the lowest live node, or
  None; it prunes expired members from the index.
- ``FencedResource(client, name).write(token, value)`` accepts the write, and appends
  ``f"{token}:{value}"`` to the list ``f"{name}:log"``, only if ``token`` is at least the newest
  token it has accepted (kept in ``f"{name}:token"``) — compared and written in one Lua script;
  it returns whether it accepted. A token that is not an int is a TypeError. ``log()`` returns
  the accepted writes as ``(token, value)`` pairs, oldest first.
- ``ttl <= 0`` or an empty ``candidate_id`` is a ValueError.
"""

from __future__ import annotations

import redis


def current_leader(client: redis.Redis | str, election: str) -> tuple[str, int] | None:
    """(candidate id, fencing token) of the leader — the live node with the lowest number — or None."""
    raise NotImplementedError


class Candidate:
    """One participant: joins with an ephemeral sequential node and leads when it is the lowest."""

    def __init__(self, client: redis.Redis | str, election: str, candidate_id: str, *, ttl: float = 1.0) -> None:
        raise NotImplementedError

    def start(self) -> None:
        """Join the election and start renewing and watching in a background thread."""
        raise NotImplementedError

    def stop(self) -> None:
        """Resign at once: stop the thread and delete our node."""
        raise NotImplementedError

    @property
    def is_leader(self) -> bool:
        raise NotImplementedError

    @property
    def token(self) -> int | None:
        """The fencing token (our node's number) while leading, else None."""
        raise NotImplementedError

    def wait_for_leadership(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds to become leader; return whether we are."""
        raise NotImplementedError


class FencedResource:
    """A resource that takes writes only from the newest leader, by fencing token."""

    def __init__(self, client: redis.Redis | str, name: str) -> None:
        raise NotImplementedError

    def write(self, token: int, value: str) -> bool:
        """Write if ``token`` is not older than the newest seen; return whether it was written."""
        raise NotImplementedError

    def log(self) -> list[tuple[int, str]]:
        """Every accepted write, oldest first, as (token, value)."""
        raise NotImplementedError
