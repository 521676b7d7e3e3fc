"""Use collections.deque where a list is slow: a sliding-window maximum in O(n), the last n lines
of a file too big for memory, and a bounded log of recent events.

    >>> sliding_window_max([1, 3, -1, -3, 5, 3, 6, 7], 3)
    [3, 3, 5, 5, 6, 7]
    >>> log = RecentEvents(capacity=3)
    >>> for event in "abcd":
    ...     log.add(event)
    >>> list(log), log.latest(2)              # "a" fell out: the log keeps 3
    (['b', 'c', 'd'], ['d', 'c'])
    >>> log.pop_oldest(), len(log)
    ('b', 2)

A list is fast at its end and slow at its front: ``lst.pop(0)`` and ``lst.insert(0, x)`` move
every other item, O(n) each. A deque appends and pops at both ends in O(1), and
``deque(iterable, maxlen=n)`` keeps only the last n items it was given.

- ``sliding_window_max(values, k)``: the maximum of every window of ``k`` consecutive values, in
  order: ``len(values) - k + 1`` of them (none if there are fewer than ``k`` values). ``values``
  is any iterable of comparable values, read once (it may be a generator). O(n) in total,
  whatever ``k`` is: recomputing ``max()`` per window is O(n * k), and the check uses half a
  million values with k = 10,000. Where a window holds equal values, return the earliest of them, as
  ``max()`` does (``1`` and ``1.0`` are equal). ValueError if ``k < 1``.
- ``tail(path, n)``: the last ``n`` lines of the UTF-8 text file ``path``, as a list of strings,
  oldest first, each with its line ending as read (the last line may have none). The file may be
  larger than memory: never hold more than about ``n`` lines at once (``f.read()`` and
  ``f.readlines()`` are out). ``n == 0`` gives ``[]``; ValueError if ``n < 0``.
- ``RecentEvents(capacity)``: a log of the ``capacity`` most recent events (ValueError if
  ``capacity < 1``). ``add(event)`` records an event, dropping the oldest once full;
  ``pop_oldest()`` removes and returns the oldest (IndexError if empty); ``latest(n)`` is a list
  of the ``n`` newest, newest first (all of them if there are fewer; ValueError if ``n < 0``);
  ``len(log)`` and iteration, oldest first. ``add`` and ``pop_oldest`` are O(1) and
  ``latest(n)`` is O(n), however big the capacity.
"""

from __future__ import annotations

import os
from typing import Any, Iterable, Iterator


def sliding_window_max(values: Iterable[Any], k: int) -> list[Any]:
    """The maximum of each window of ``k`` consecutive values, in O(n)."""
    # TODO: keep a deque of candidates whose values decrease from front to back.
    raise NotImplementedError


def tail(path: str | os.PathLike, n: int) -> list[str]:
    """The last ``n`` lines of the text file at ``path``, in bounded memory."""
    raise NotImplementedError


class RecentEvents:
    """The ``capacity`` most recent events: O(1) add and pop_oldest, O(n) latest(n)."""

    def __init__(self, capacity: int) -> None:
        raise NotImplementedError

    def add(self, event: Any) -> None:
        """Record ``event`` as the newest, dropping the oldest if the log is full."""
        raise NotImplementedError

    def pop_oldest(self) -> Any:
        """Remove and return the oldest event; IndexError if there is none."""
        raise NotImplementedError

    def latest(self, n: int) -> list[Any]:
        """The ``n`` newest events, newest first."""
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError

    def __iter__(self) -> Iterator[Any]:
        raise NotImplementedError
