"""Detect deadlocks: find circular waits in a wait-for graph, and catch them between real threads.

A deadlock is a circle of waits: thread A holds lock 1 and waits for lock 2, which thread B holds
while it waits for lock 1. Neither can ever go on. Draw "X waits for Y" as an edge X -> Y and
every deadlock is a cycle in that *wait-for graph*.

Part 1, on paper: ``find_cycle(waits_for)``.

    >>> find_cycle({"A": ["B"], "B": ["C"], "C": ["A"], "D": ["A"]})
    ['A', 'B', 'C']
    >>> find_cycle({"A": ["B", "C"], "B": ["C"], "C": []}) is None
    True
    >>> find_cycle({"T1": ["T1"]})          # waiting for yourself
    ['T1']

- ``waits_for`` maps each node to the nodes it waits for (any iterable; a node that only appears
  as a target waits for nothing). Return one cycle as a list ``[n1, n2, ..., nk]`` in which each
  node waits for the next and ``nk`` waits for ``n1``, each node once; any cycle will do, and it
  may start at any of its nodes. Return None when there is no cycle.
- O(V + E): the check builds graphs of 100,000 nodes (long chains, wide fans, many separate
  parts, the cycle hidden at the far end). Searching afresh from every node is quadratic, and a
  recursive search overflows Python's recursion limit on a long chain: keep your own stack.

Part 2, live: a ``DeadlockDetector`` hands out locks that refuse to deadlock.

    >>> detector = DeadlockDetector()
    >>> ledger, audit = detector.lock("ledger"), detector.lock("audit")
    >>> with ledger:                       # a lock is a context manager, or acquire()/release()
    ...     detector.held_by("ledger") == threading.current_thread().name
    True

- ``detector.lock(name)`` gives a lock; locks are identified by their name (two calls with one
  name give the same lock). ``acquire()`` takes it when it is free; when another thread holds it
  the caller waits, as a plain lock would, until it is released. ``release()`` frees it; releasing
  a lock the calling thread does not hold is a RuntimeError.
- But a thread must never start a wait that closes a circle: if the holder of the wanted lock is
  (directly, or through a chain of holders who are themselves waiting) waiting for a lock the
  caller holds, ``acquire()`` raises ``DeadlockError`` at once instead of waiting forever. Its
  ``.cycle`` is the list of the threads' names around the circle, the caller first: while thread
  A, holding lock 1, waits for lock 2, thread B, holding lock 2, asks for lock 1 and gets
  ``DeadlockError`` with ``cycle == ["B", "A"]`` (A goes on waiting until B releases lock 2).
  Taking a lock you already hold is the smallest circle: ``cycle == [your name]``.
- No false alarms: threads that wait in a line (A for B, B for C, C running) just wait, and many
  threads taking the same locks in one agreed order never see a DeadlockError.
- Deciding "would this wait deadlock?" and starting to wait must be one atomic step (another thread
  must not change who holds and who waits in between): the check runs several threads at once while
  forcing thread switches at the worst moments.

``threading`` is all you need (a Lock or Condition of the detector's own guarding its bookkeeping).
"""

from __future__ import annotations

import threading
from typing import Hashable, Iterable, Mapping


class DeadlockError(RuntimeError):
    """Waiting would close a circle of waits. ``cycle`` lists the threads' names, the caller first."""

    def __init__(self, cycle: list[str]) -> None:
        super().__init__("deadlock: " + " -> ".join([*cycle, cycle[0]]))
        self.cycle = cycle


def find_cycle(waits_for: Mapping[Hashable, Iterable[Hashable]]) -> list | None:
    """One circular wait in the graph (``[a, b, c]``: a waits for b, b for c, c for a), or None."""
    raise NotImplementedError


class DeadlockDetector:
    """Hands out locks that refuse to wait when waiting would deadlock."""

    def __init__(self) -> None:
        raise NotImplementedError

    def lock(self, name: str) -> "TrackedLock":
        """The lock called ``name`` (the same one for the same name)."""
        raise NotImplementedError

    def held_by(self, name: str) -> str | None:
        """The name of the thread holding lock ``name``, or None if it is free."""
        raise NotImplementedError


class TrackedLock:
    """A lock of a DeadlockDetector: ``with lock:`` or acquire()/release()."""

    def acquire(self) -> None:
        raise NotImplementedError

    def release(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> "TrackedLock":
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()
