"""Design and build a thread-safe blocking queue on threading.Condition, without the queue module.

Producer threads ``put`` items, consumer threads ``get`` them, first in first out. A ``get`` on
an empty queue waits until an item arrives; a ``put`` on a full queue waits until there is
room. Waiting must be real sleeping (``Condition.wait``), never a loop that keeps checking.

    >>> q = BlockingQueue(maxsize=2)
    >>> q.put("a"); q.put("b")
    >>> q.put("c", timeout=0)           # full, and we won't wait
    Traceback (most recent call last):
    Full: ...
    >>> q.get(), len(q)
    ('a', 1)
    >>> q.close()                        # no more puts; what is queued can still be got
    >>> q.get()
    'b'
    >>> q.get()
    Traceback (most recent call last):
    Closed: ...

The rules:
- ``BlockingQueue(maxsize=0)``: ``maxsize`` 0 means unbounded; a negative one is a ValueError
  and a non-int a TypeError.
- ``put(item, timeout=None)`` and ``get(timeout=None)`` wait forever with ``timeout=None``, not
  at all with 0, and up to ``timeout`` seconds otherwise; then they raise ``Full`` / ``Empty``
  (the classes below) and change nothing. A negative timeout is a ValueError.
- ``close()`` (safe to call twice) makes every later or waiting ``put`` raise ``Closed`` and
  wakes *every* waiting thread at once. ``get`` still returns the items already queued, and
  raises ``Closed`` once the queue is closed and empty. ``closed`` tells whether it was closed.
- ``task_done()`` marks one item that was got as processed (ValueError if called more times
  than items were put); ``join(timeout=None)`` waits until every item put so far has been marked
  done and returns True, or returns False if ``timeout`` ran out first.
- ``len(q)`` is the number of items waiting.
- No ``queue`` module (nor ``multiprocessing`` or ``asyncio`` queues): build it from a
  ``collections.deque`` and ``threading.Condition``.

The check runs 8 producers and 8 consumers at once while forcing thread switches at the worst
moments: every item must arrive exactly once, each producer's items in the order it put them,
and no thread may wait forever.
"""

from __future__ import annotations

import threading  # noqa: F401 - you will need it
from collections import deque  # noqa: F401
from typing import Any


class Empty(Exception):
    """get() found nothing within its timeout."""


class Full(Exception):
    """put() found no room within its timeout."""


class Closed(Exception):
    """The queue was closed: no more puts, and nothing left to get."""


class BlockingQueue:
    """A FIFO queue for many producer and consumer threads."""

    def __init__(self, maxsize: int = 0) -> None:
        # TODO: a deque, a lock, and a Condition on that lock for each thing a thread waits for
        raise NotImplementedError

    def put(self, item: Any, timeout: float | None = None) -> None:
        """Add ``item`` at the back, waiting up to ``timeout`` seconds (None: forever) for room."""
        raise NotImplementedError

    def get(self, timeout: float | None = None) -> Any:
        """Remove and return the front item, waiting up to ``timeout`` seconds (None: forever)."""
        raise NotImplementedError

    def close(self) -> None:
        """Refuse further puts and wake every waiting thread; items already queued can still be got."""
        raise NotImplementedError

    def task_done(self) -> None:
        """Mark one item that was got as fully processed."""
        raise NotImplementedError

    def join(self, timeout: float | None = None) -> bool:
        """Wait until every item put has been marked done; False if ``timeout`` ran out first."""
        raise NotImplementedError

    def __len__(self) -> int:
        """How many items are waiting in the queue."""
        raise NotImplementedError

    @property
    def closed(self) -> bool:
        """Whether close() has been called."""
        raise NotImplementedError
