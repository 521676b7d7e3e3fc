"""Merge two sorted lists into one sorted list, without using sort.

    >>> merge_sorted([1, 4, 9], [2, 3, 10, 11])
    [1, 2, 3, 4, 9, 10, 11]
    >>> merge_sorted([], [5, 6])
    [5, 6]

Both inputs are already sorted in ascending order; the result holds every item of both (with
duplicates), in ascending order. This is the "merge" step of merge sort, so do it that way:
walk both lists at once, always taking the smaller front item. That makes it O(len(a) + len(b)):
at most len(a) + len(b) - 1 comparisons.

- When two items are equal, the one from ``a`` comes first (the merge is stable).
- Return a new list; leave both inputs unchanged.
- No sorted(), list.sort() or heapq (heapq.merge does exactly this task).
The check also merges objects that are not numbers but can be compared with < and >, and counts
the comparisons.
"""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")


def merge_sorted(a: list[T], b: list[T]) -> list[T]:
    """Return one sorted list holding all the items of the sorted lists ``a`` and ``b``."""
    # TODO: keep an index into each list; take the smaller front item until one list runs out.
    raise NotImplementedError
