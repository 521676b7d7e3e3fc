"""Find an item in a sorted list with binary search, in O(log n) time."""

from __future__ import annotations

from typing import Sequence, TypeVar

T = TypeVar("T")


def binary_search(items: Sequence[T], target: T) -> int:
    """Return an index i with ``items[i] == target``, or -1 if ``target`` is not in ``items``."""
    # The target, if present, is always within items[lo:hi + 1]; each step halves that range.
    lo, hi = 0, len(items) - 1
    while lo <= hi:  # `<=`: a range of one item (lo == hi) still has to be looked at
        mid = (lo + hi) // 2
        value = items[mid]  # read once, compare twice
        if value == target:
            return mid
        if value < target:
            lo = mid + 1  # the target can only be right of mid
        else:
            hi = mid - 1  # the target can only be left of mid
    return -1
