"""A binary heap from scratch: heapq-style functions on a list, and MinHeap/MaxHeap on top.

The heap is a complete binary tree stored level by level in a list: the children of index i
are 2i + 1 and 2i + 2, its parent is (i - 1) // 2. Two moves keep it in order: sift an item up
(it may be smaller than its parent) or down (it may be bigger than a child).
"""

from __future__ import annotations

from itertools import count
from typing import Any, Callable, Iterable


def _sift_up(a: list, i: int) -> None:
    """Move a[i] up while it is smaller than its parent."""
    item = a[i]
    while i > 0:
        parent = (i - 1) // 2
        if not item < a[parent]:
            break
        a[i] = a[parent]  # move the parent down into the hole; item goes in once, at the end
        i = parent
    a[i] = item


def _sift_down(a: list, i: int) -> None:
    """Move a[i] down while a child is smaller: two comparisons per level."""
    n = len(a)
    item = a[i]
    while True:
        child = 2 * i + 1
        if child >= n:
            break
        if child + 1 < n and a[child + 1] < a[child]:
            child += 1  # the smaller of the two children
        if not a[child] < item:
            break
        a[i] = a[child]
        i = child
    a[i] = item


def heapify(a: list) -> None:
    """Rearrange ``a`` in place into heap order in O(n).

    Sift down every node that has children, the last first: the leaves (half the list) are heaps
    already. Most nodes sit near the bottom and move little, so the total is at most 2n
    comparisons; pushing the items one by one would be O(n log n).
    """
    for i in reversed(range(len(a) // 2)):
        _sift_down(a, i)


def heappush(a: list, item: Any) -> None:
    a.append(item)
    _sift_up(a, len(a) - 1)


def heappop(a: list) -> Any:
    last = a.pop()  # IndexError on an empty list, as it should be
    if not a:
        return last
    smallest = a[0]
    a[0] = last  # the last leaf fills the root, then sinks to its place
    _sift_down(a, 0)
    return smallest


def heappushpop(a: list, item: Any) -> Any:
    if a and a[0] < item:
        smallest = a[0]
        a[0] = item  # item takes the root's place and sinks: one sift instead of two
        _sift_down(a, 0)
        return smallest
    return item  # nothing in the heap is smaller: it would come straight back out


class _MinEntry:
    """What the heap list holds: the key, a serial number for first-in-first-out ties, the item.
    Only keys and serials are ever compared, never the items."""

    __slots__ = ("key", "serial", "item")

    def __init__(self, key: Any, serial: int, item: Any) -> None:
        self.key, self.serial, self.item = key, serial, item

    def __lt__(self, other: _MinEntry) -> bool:
        # a smaller key first; equal keys (neither is smaller): the one pushed first
        return self.key < other.key or (not other.key < self.key and self.serial < other.serial)


class _MaxEntry(_MinEntry):
    __slots__ = ()

    def __lt__(self, other: _MinEntry) -> bool:
        # "comes out first" for a max-heap means the larger key; swapping the operands works for
        # any ordered key (strings too), where negating it would not
        return other.key < self.key or (not self.key < other.key and self.serial < other.serial)


class MinHeap:
    """A heap that pops the item with the smallest key first (equal keys: first in, first out)."""

    _entry = _MinEntry

    def __init__(self, items: Iterable = (), key: Callable[[Any], Any] | None = None) -> None:
        self._key = key
        self._serials = count()
        self._heap = [self._wrap(item) for item in items]
        heapify(self._heap)

    def _wrap(self, item: Any) -> _MinEntry:
        key = item if self._key is None else self._key(item)
        return self._entry(key, next(self._serials), item)

    def push(self, item: Any) -> None:
        heappush(self._heap, self._wrap(item))

    def pop(self) -> Any:
        if not self._heap:
            raise IndexError("pop from an empty heap")
        return heappop(self._heap).item

    def peek(self) -> Any:
        if not self._heap:
            raise IndexError("peek at an empty heap")
        return self._heap[0].item

    def pushpop(self, item: Any) -> Any:
        return heappushpop(self._heap, self._wrap(item)).item

    def __len__(self) -> int:
        return len(self._heap)

    def __bool__(self) -> bool:
        return bool(self._heap)


class MaxHeap(MinHeap):
    """A heap that pops the item with the largest key first (equal keys: first in, first out)."""

    _entry = _MaxEntry
