"""Build a data structure that holds numbers (repeats allowed) and supports add, remove and
median, each in O(log n).

    >>> s = MedianSet([5, 1, 9])
    >>> s.median()
    5
    >>> s.add(3)
    >>> s.median()                 # an even count: the mean of the two middle values
    4.0
    >>> s.remove(9)
    >>> s.median(), len(s), 9 in s
    (3, 3, False)

``MedianSet(items=())`` is a multiset of numbers (ints, floats, Fractions):

- ``add(x)`` adds one copy of ``x``; ``remove(x)`` removes one copy, ValueError if there is none
  (like ``list.remove``). Equal numbers are copies of one value: ``remove(1.0)`` removes a 1.
- ``median()`` is what ``statistics.median`` would give for the values: the middle one for an
  odd count, ``(a + b) / 2`` of the two middle ones for an even count (so ``4.0`` above, and a
  Fraction for Fractions). ValueError when the set is empty.
- ``len(s)`` counts the copies; ``x in s`` says whether at least one copy is there.

A running median is the classic use: numbers arrive one at a time (a stream too big to keep
sorted, read once), and after each ``add`` the median of all seen so far is one ``median()`` away.

O(log n) each (amortised is fine): the check times the operations in a set of 5,000 numbers and
in one of 500,000, and they must not get much slower. A sorted list is O(n) per insertion (every
later item moves); sorting on each median is worse. Think two heaps: the smaller half in a
max-heap, the larger half in a min-heap, the median at their tops. A heap can't remove from its
middle, but it can forget a value lazily: note it, and drop it when it comes to the top.

``heapq`` is fine; no sorting (``sorted()``, ``list.sort()``), bisect, statistics or
sortedcontainers.
"""

from __future__ import annotations

from numbers import Real
from typing import Iterable


class MedianSet:
    """A multiset of numbers with O(log n) add and remove, and the median at any time."""

    def __init__(self, items: Iterable[Real] = ()) -> None:
        # TODO: two heaps (heapq makes min-heaps: store the lower half negated) and their live sizes.
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError

    def __contains__(self, x: object) -> bool:
        raise NotImplementedError

    def add(self, x: Real) -> None:
        """Add one copy of ``x``."""
        raise NotImplementedError

    def remove(self, x: Real) -> None:
        """Remove one copy of ``x``; ValueError if there is none."""
        raise NotImplementedError

    def median(self) -> Real:
        """The middle value, or the mean of the two middle values; ValueError if empty."""
        raise NotImplementedError
