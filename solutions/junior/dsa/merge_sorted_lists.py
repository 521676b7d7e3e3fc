"""Merge two sorted lists into one sorted list, without using sort."""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")


def merge_sorted(a: list[T], b: list[T]) -> list[T]:
    """Return one sorted list holding all the items of the sorted lists ``a`` and ``b``."""
    merged: list[T] = []
    i = j = 0
    # One comparison per item taken: O(len(a) + len(b)). Indexes, not pop(0): pop(0) is O(n) on a
    # list and would change the caller's lists.
    while i < len(a) and j < len(b):
        # Take from b only when it is strictly smaller, so equal items from a come first (stable).
        if b[j] < a[i]:
            merged.append(b[j])
            j += 1
        else:
            merged.append(a[i])
            i += 1
    # One list has run out; the rest of the other is already sorted and larger than everything taken.
    merged.extend(a[i:])
    merged.extend(b[j:])
    return merged
