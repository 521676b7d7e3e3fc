"""The k-th largest item: quickselect for a list, a size-k min-heap for a stream."""

from __future__ import annotations

import heapq
import random
from typing import Iterable, TypeVar

T = TypeVar("T")


def _check_k(k: int, n: int) -> None:
    if not 1 <= k <= n:
        raise ValueError(f"k must be between 1 and the number of items ({n}), got {k}")


def kth_largest(items: Iterable[T], k: int) -> T:
    """The k-th largest of ``items`` (k = 1: the largest), by quickselect; ValueError if k is out of range.

    Each round splits the candidates three ways around a random pivot and keeps only the part
    that holds the answer. A random pivot makes the expected work n + n/2 + n/4 + ... = O(n) on
    any input, and keeping the items equal to the pivot apart means a list of equal items is
    done in one round. An item bigger than the pivot costs one comparison, others two.
    """
    pool = list(items)  # our own copy: the caller's list is never touched
    _check_k(k, len(pool))
    while True:
        pivot = random.choice(pool)
        bigger, equal, smaller = [], [], []
        for x in pool:
            if pivot < x:
                bigger.append(x)
            elif x < pivot:
                smaller.append(x)
            else:
                equal.append(x)  # neither is smaller: equal to the pivot
        if k <= len(bigger):
            pool = bigger
        elif k <= len(bigger) + len(equal):
            return equal[0]
        else:
            k -= len(bigger) + len(equal)
            pool = smaller


def kth_largest_stream(stream: Iterable[T], k: int) -> T:
    """The k-th largest of ``stream`` in one pass, keeping only k items; ValueError if k is out of range.

    The heap holds the k largest items seen so far, smallest on top: that top is the k-th
    largest. A new item only matters if it beats the top; then it replaces the top in one sift.
    """
    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    heap: list[T] = []
    for x in stream:
        if len(heap) < k:
            heapq.heappush(heap, x)
        elif heap[0] < x:
            heapq.heapreplace(heap, x)  # pop the top and push x with one sift, not two
    _check_k(k, len(heap))
    return heap[0]
