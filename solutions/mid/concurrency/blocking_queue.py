"""A thread-safe FIFO queue built on threading.Condition."""

from __future__ import annotations

import threading
from collections import deque
from typing import Any


class Empty(Exception):
    """get() found nothing within its timeout."""


class Full(Exception):
    """put() found no room within its timeout."""


class Closed(Exception):
    """The queue was closed: no more puts, and nothing left to get."""


def _check_timeout(timeout: float | None) -> None:
    if timeout is not None and timeout < 0:
        raise ValueError(f"timeout must be None or >= 0, not {timeout}")


class BlockingQueue:
    """A FIFO queue for many producer and consumer threads.

    One lock guards all the state; three conditions share it, one per thing a thread can wait
    for: an item (get), room (put), and every item being done (join). A waiting thread sleeps
    inside Condition.wait, using no CPU, until another thread changes what it waits for and
    notifies that condition. wait_for re-checks the predicate after every wake-up, because a
    wake-up only means "look again": another thread may have taken the item first.
    """

    def __init__(self, maxsize: int = 0) -> None:
        if type(maxsize) is not int:
            raise TypeError(f"maxsize must be an int, not {type(maxsize).__name__}")
        if maxsize < 0:
            raise ValueError(f"maxsize must be >= 0 (0 means unbounded), not {maxsize}")
        self._maxsize = maxsize
        self._items: deque[Any] = deque()
        self._unfinished = 0  # items put but not yet marked task_done
        self._closed = False
        lock = threading.Lock()
        self._not_empty = threading.Condition(lock)
        self._not_full = threading.Condition(lock)
        self._all_done = threading.Condition(lock)

    def _has_room(self) -> bool:
        return self._maxsize == 0 or len(self._items) < self._maxsize

    def put(self, item: Any, timeout: float | None = None) -> None:
        """Add ``item`` at the back, waiting up to ``timeout`` seconds (None: forever) for room."""
        _check_timeout(timeout)
        with self._not_full:
            if not self._not_full.wait_for(lambda: self._closed or self._has_room(), timeout):
                raise Full(f"no room within {timeout} s")
            if self._closed:
                raise Closed("put() on a closed queue")
            self._items.append(item)
            self._unfinished += 1
            self._not_empty.notify()  # one item: one getter can have it

    def get(self, timeout: float | None = None) -> Any:
        """Remove and return the front item, waiting up to ``timeout`` seconds (None: forever)."""
        _check_timeout(timeout)
        with self._not_empty:
            if not self._not_empty.wait_for(lambda: self._items or self._closed, timeout):
                raise Empty(f"nothing to get within {timeout} s")
            if not self._items:  # closed, and drained
                raise Closed("the queue is closed and empty")
            item = self._items.popleft()
            self._not_full.notify()  # one slot freed: one putter can use it
            return item

    def close(self) -> None:
        """Refuse further puts and wake every waiting thread; items already queued can still be got."""
        with self._not_empty:
            self._closed = True
            # everyone must re-check: putters fail, getters drain what is left or fail
            self._not_empty.notify_all()
            self._not_full.notify_all()

    def task_done(self) -> None:
        """Mark one item that was got as fully processed."""
        with self._all_done:
            if self._unfinished <= 0:
                raise ValueError("task_done() called more times than there were items")
            self._unfinished -= 1
            if self._unfinished == 0:
                self._all_done.notify_all()

    def join(self, timeout: float | None = None) -> bool:
        """Wait until every item put has been marked done; False if ``timeout`` ran out first."""
        _check_timeout(timeout)
        with self._all_done:
            return self._all_done.wait_for(lambda: self._unfinished == 0, timeout)

    def __len__(self) -> int:
        with self._not_empty:
            return len(self._items)

    @property
    def closed(self) -> bool:
        return self._closed
