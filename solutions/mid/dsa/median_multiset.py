"""A multiset with O(log n) add, remove and median: two heaps and lazy deletion.

``low`` is a max-heap of the smaller half of the values (stored negated, as heapq only makes
min-heaps), ``high`` a min-heap of the larger half. Every value in low is <= every value in high,
and low holds as many values as high, or one more: the median is then at the top of low, or
halfway between the two tops.

A heap can only remove its top. To remove a value from deep inside, we note it as pending and
leave it where it is; it is thrown away once it reaches the top. The sizes count live values
only, and the tops are always live, so the median never looks at a removed value.
"""

from __future__ import annotations

import heapq
from numbers import Real
from typing import Iterable


class MedianSet:
    """A multiset of numbers with O(log n) add and remove, and the median at any time."""

    def __init__(self, items: Iterable[Real] = ()) -> None:
        self._low: list[Real] = []  # negated values: a max-heap of the smaller half
        self._high: list[Real] = []  # a min-heap of the larger half
        self._low_size = self._high_size = 0  # live values in each heap
        self._pending_low: dict[Real, int] = {}  # negated value -> copies to drop from low
        self._pending_high: dict[Real, int] = {}
        self._counts: dict[Real, int] = {}  # value -> live copies, for `in` and remove()'s check
        for x in items:
            self.add(x)

    def __len__(self) -> int:
        return self._low_size + self._high_size

    def __contains__(self, x: object) -> bool:
        return self._counts.get(x, 0) > 0

    def add(self, x: Real) -> None:
        if self._low_size and x > -self._low[0]:
            heapq.heappush(self._high, x)
            self._high_size += 1
        else:
            heapq.heappush(self._low, -x)
            self._low_size += 1
        self._counts[x] = self._counts.get(x, 0) + 1
        self._rebalance()

    def remove(self, x: Real) -> None:
        """Remove one copy of ``x``; ValueError if there is none."""
        if self._counts.get(x, 0) == 0:
            raise ValueError(f"MedianSet.remove(x): {x!r} is not in the set")
        self._counts[x] -= 1
        # every live value of low is <= its top; a copy of x is there if x <= that top
        if x <= -self._low[0]:
            self._pending_low[-x] = self._pending_low.get(-x, 0) + 1
            self._low_size -= 1
        else:
            self._pending_high[x] = self._pending_high.get(x, 0) + 1
            self._high_size -= 1
        self._rebalance()  # which prunes: a top just removed is dropped there

    def median(self) -> Real:
        """The middle value, or the mean of the two middle values (as statistics.median)."""
        if not len(self):
            raise ValueError("median of an empty MedianSet")
        if self._low_size > self._high_size:
            return -self._low[0]
        return (-self._low[0] + self._high[0]) / 2

    def _rebalance(self) -> None:
        """Move a top across until low holds as many live values as high, or one more."""
        if self._low_size > self._high_size + 1:
            heapq.heappush(self._high, -heapq.heappop(self._low))
            self._low_size -= 1
            self._high_size += 1
        elif self._low_size < self._high_size:
            heapq.heappush(self._low, -heapq.heappop(self._high))
            self._high_size -= 1
            self._low_size += 1
        self._prune()

    def _prune(self) -> None:
        """Drop removed values from the tops of both heaps, so each top is a live value."""
        for heap, pending in ((self._low, self._pending_low), (self._high, self._pending_high)):
            while heap and pending.get(heap[0], 0):
                pending[heap[0]] -= 1
                heapq.heappop(heap)
