"""Detect deadlocks: circular waits in a wait-for graph, found on paper and caught between threads."""

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
    # Depth-first search with three colours, iteratively (a 100,000-long chain would overflow
    # Python's recursion limit): a node is new, on the current path, or finished. An edge to a
    # node on the path closes a cycle; a finished node never leads to one, so each node and each
    # edge is looked at once: O(V + E).
    on_path: dict[Hashable, int] = {}  # node -> its index in path
    finished: set[Hashable] = set()
    for root in waits_for:
        if root in finished:
            continue
        path = [root]
        on_path[root] = 0
        stack = [iter(waits_for.get(root, ()))]
        while stack:
            for nxt in stack[-1]:
                if nxt in on_path:
                    return path[on_path[nxt]:]
                if nxt not in finished:
                    on_path[nxt] = len(path)
                    path.append(nxt)
                    stack.append(iter(waits_for.get(nxt, ())))
                    break
            else:  # every edge out of path[-1] explored
                stack.pop()
                node = path.pop()
                del on_path[node]
                finished.add(node)
    return None


class DeadlockDetector:
    """Hands out locks that refuse to wait when waiting would deadlock."""

    def __init__(self) -> None:
        # One lock guards the whole picture (who holds what, who waits for whom), so that checking
        # for a cycle and starting to wait are one step: no other thread can change the graph between.
        self._state = threading.Condition()
        self._holder: dict[str, threading.Thread] = {}  # lock name -> the thread holding it
        self._waiting: dict[threading.Thread, str] = {}  # thread -> the lock it waits for

    def lock(self, name: str) -> "TrackedLock":
        return TrackedLock(self, name)

    def held_by(self, name: str) -> str | None:
        with self._state:
            holder = self._holder.get(name)
            return holder.name if holder is not None else None

    def _acquire(self, name: str) -> None:
        me = threading.current_thread()
        with self._state:
            while name in self._holder:
                # Each waiting thread waits for one lock, so the wait-for graph has at most one
                # edge out of each thread: follow the chain from the holder; reaching me is a cycle.
                chain, thread = [me], self._holder[name]
                while thread is not None and thread is not me:
                    chain.append(thread)
                    wanted = self._waiting.get(thread)
                    thread = self._holder.get(wanted) if wanted is not None else None
                if thread is me:
                    raise DeadlockError([t.name for t in chain])
                self._waiting[me] = name
                try:
                    self._state.wait()
                finally:
                    del self._waiting[me]
            self._holder[name] = me

    def _release(self, name: str) -> None:
        with self._state:
            if self._holder.get(name) is not threading.current_thread():
                raise RuntimeError(f"release of lock {name!r} by a thread that does not hold it")
            del self._holder[name]
            self._state.notify_all()  # the waiters re-check: one of them takes it


class TrackedLock:
    """A lock of a DeadlockDetector: ``with lock:`` or acquire()/release()."""

    def __init__(self, detector: DeadlockDetector, name: str) -> None:
        self.detector = detector
        self.name = name

    def acquire(self) -> None:
        self.detector._acquire(self.name)

    def release(self) -> None:
        self.detector._release(self.name)

    def __enter__(self) -> "TrackedLock":
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()
