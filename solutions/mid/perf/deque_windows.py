"""Use collections.deque where a list is slow: a sliding-window maximum in O(n), the last n lines
of a file too big for memory, and a bounded log of recent events."""

from __future__ import annotations

import os
from collections import deque
from itertools import islice
from typing import Any, Iterable, Iterator


def sliding_window_max(values: Iterable[Any], k: int) -> list[Any]:
    """The maximum of each window of ``k`` consecutive values, in O(n)."""
    if k < 1:
        raise ValueError(f"the window size must be at least 1, got {k}")
    # (index, value) pairs whose values strictly decrease from front to back: the front is the
    # window's maximum, and each later one is the maximum once everything before it has left.
    # Every value is appended once and popped at most once, so the whole loop is O(n).
    candidates: deque[tuple[int, Any]] = deque()
    maxima = []
    for i, value in enumerate(values):
        # A smaller value before this one can never be a maximum again. An equal one stays: it
        # is earlier, and max() returns the earliest of equal values.
        while candidates and candidates[-1][1] < value:
            candidates.pop()
        candidates.append((i, value))
        if candidates[0][0] == i - k:  # the front just slid out of the window
            candidates.popleft()
        if i >= k - 1:
            maxima.append(candidates[0][1])
    return maxima


def tail(path: str | os.PathLike, n: int) -> list[str]:
    """The last ``n`` lines of the text file at ``path``, in bounded memory."""
    # The file object yields one line at a time; a deque with maxlen forgets the oldest line as
    # each new one arrives, so at most n lines are held however big the file is.
    # deque() itself refuses a negative maxlen with ValueError.
    with open(path, encoding="utf-8", newline="") as f:
        return list(deque(f, maxlen=n))


class RecentEvents:
    """The ``capacity`` most recent events: O(1) add and pop_oldest, O(n) latest(n)."""

    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError(f"capacity must be at least 1, got {capacity}")
        self._events: deque[Any] = deque(maxlen=capacity)  # appending when full drops the oldest

    def add(self, event: Any) -> None:
        """Record ``event`` as the newest, dropping the oldest if the log is full."""
        self._events.append(event)

    def pop_oldest(self) -> Any:
        """Remove and return the oldest event; IndexError if there is none."""
        return self._events.popleft()  # IndexError if empty

    def latest(self, n: int) -> list[Any]:
        """The ``n`` newest events, newest first."""
        # islice refuses a negative n with ValueError. reversed() walks a deque from its right end: n steps, not a copy of the whole log.
        return list(islice(reversed(self._events), n))

    def __len__(self) -> int:
        return len(self._events)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._events)
