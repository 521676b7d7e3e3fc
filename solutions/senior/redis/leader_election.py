"""Leader election the ZooKeeper way, on Redis: ephemeral sequential nodes, watching the
predecessor, and fencing tokens that stop a leader who lost its lease without knowing it."""

from __future__ import annotations

import threading
import time

import redis

# Accept a write only from a token at least as new as any seen: a deposed leader's late write
# (its token is older than the current leader's) is refused, however late it arrives.
FENCED_WRITE = """
local newest = tonumber(redis.call('GET', KEYS[1]) or '-1')
if tonumber(ARGV[1]) < newest then return 0 end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('RPUSH', KEYS[2], ARGV[1] .. ':' .. ARGV[2])
return 1
"""


def _client(client: redis.Redis | str) -> redis.Redis:
    return redis.Redis.from_url(client, decode_responses=True) if isinstance(client, str) else client


def _node(election: str, seq: int) -> str:
    return f"{election}:node:{seq:010d}"


def _live_members(r: redis.Redis, election: str) -> list[tuple[int, str]]:
    """(seq, candidate id) of every live node, lowest first; expired ones are pruned from the index."""
    members = r.zrange(f"{election}:members", 0, -1, withscores=True)
    owners = r.mget([name for name, _ in members]) if members else []
    dead = [name for (name, _), owner in zip(members, owners) if owner is None]
    if dead:
        r.zrem(f"{election}:members", *dead)
    return [(int(seq), owner) for (_, seq), owner in zip(members, owners) if owner is not None]


def current_leader(client: redis.Redis | str, election: str) -> tuple[str, int] | None:
    """(candidate id, fencing token) of the leader — the live node with the lowest number."""
    live = _live_members(_client(client), election)
    if not live:
        return None
    seq, owner = live[0]
    return owner, seq


class Candidate:
    """One participant: joins with an ephemeral sequential node and leads when it is the lowest."""

    def __init__(self, client: redis.Redis | str, election: str, candidate_id: str, *, ttl: float = 1.0) -> None:
        if ttl <= 0:
            raise ValueError("ttl must be positive")
        if not candidate_id:
            raise ValueError("candidate_id must not be empty")
        self._redis = _client(client)
        self.election, self.candidate_id, self.ttl = election, candidate_id, ttl
        self._lock = threading.Lock()
        self._seq: int | None = None
        self._leading = False
        self._lease_until = 0.0  # our lease is surely valid until then (monotonic clock)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # -- the public API -------------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("this candidate has already started")
        self._join()
        self._tick()  # know at once whether we lead
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Resign: leave the election at once (the next candidate takes over), stop the thread."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
        with self._lock:
            self._leading = False
            seq, self._seq = self._seq, None
        if seq is not None:
            self._redis.delete(_node(self.election, seq))
            self._redis.zrem(f"{self.election}:members", _node(self.election, seq))

    @property
    def is_leader(self) -> bool:
        # a lease we could not renew in time is not trusted, even before we notice we lost the node:
        # a process that was paused (GC, SIGSTOP) wakes up with its clock telling the truth
        with self._lock:
            return self._leading and time.monotonic() < self._lease_until

    @property
    def token(self) -> int | None:
        """The fencing token while leading: our node's number, higher than every earlier leader's."""
        with self._lock:
            return self._seq if self._leading and time.monotonic() < self._lease_until else None

    def wait_for_leadership(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while not self.is_leader:
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.01)
        return True

    # -- the recipe -------------------------------------------------------------------------------

    def _join(self) -> None:
        seq = self._redis.incr(f"{self.election}:seq")  # the "sequential" part: unique and growing
        name = _node(self.election, seq)
        self._redis.set(name, self.candidate_id, px=int(self.ttl * 1000))  # the "ephemeral" part: a lease
        self._redis.zadd(f"{self.election}:members", {name: seq})
        with self._lock:
            self._seq, self._leading = seq, False
        self._watched = None  # the number of the node just below ours, once we know it

    def _run(self) -> None:
        while not self._stop.wait(self.ttl / 4):
            try:
                self._tick()
            except redis.RedisError:
                pass  # Redis is out of reach: our lease runs out by the clock; we try again next tick

    def _tick(self) -> None:
        started = time.monotonic()
        # PEXPIRE renews only a node that is still there: once its lease has run out it is gone
        # for good, and we join again with a new, higher number instead of quietly reviving it
        if not self._redis.pexpire(_node(self.election, self._seq), int(self.ttl * 1000)):
            self._join()  # our lease ran out (we were paused or cut off): we are a newcomer now
        seq = self._seq
        with self._lock:
            self._lease_until = started + self.ttl  # renewed (or new) no earlier than `started`
            if self._leading:
                return  # numbers only grow: no one can come in below a leader that keeps its node
        if self._watched is not None and self._redis.exists(_node(self.election, self._watched)):
            return  # our predecessor is still there: nothing can have changed for us
        # the predecessor is gone (or we just joined): look at the members again
        below = [s for s, _ in _live_members(self._redis, self.election) if s < seq]
        with self._lock:
            self._leading = not below
        self._watched = below[-1] if below else None  # watch only the next one down: no herd


class FencedResource:
    """A resource that takes writes only from the newest leader, by fencing token."""

    def __init__(self, client: redis.Redis | str, name: str) -> None:
        self._redis = _client(client)
        self.name = name
        self._write = self._redis.register_script(FENCED_WRITE)

    def write(self, token: int, value: str) -> bool:
        if type(token) is not int:
            raise TypeError("a fencing token is an int")
        return bool(self._write(keys=[f"{self.name}:token", f"{self.name}:log"], args=[token, value]))

    def log(self) -> list[tuple[int, str]]:
        """Every accepted write, oldest first, as (token, value)."""
        entries = self._redis.lrange(f"{self.name}:log", 0, -1)
        return [(int(token), value) for token, value in (e.split(":", 1) for e in entries)]
