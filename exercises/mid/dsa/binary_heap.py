"""Build a binary heap from scratch: heapq-style functions on a plain list, then MinHeap and
MaxHeap classes (with a key) built on them.

    >>> a = [5, 3, 8, 1, 9, 2]
    >>> heapify(a)
    >>> a[0]                                 # the smallest item is always at index 0
    1
    >>> heappush(a, 0)
    >>> heappop(a), heappop(a), heappop(a)
    (0, 1, 2)
    >>> h = MaxHeap(["fig", "pear", "banana", "kiwi"], key=len)
    >>> h.pop(), h.pop(), h.pop()            # longest first; equal keys in the order they came
    ('banana', 'pear', 'kiwi')

The list functions keep a plain list in heap order: ``a[(i - 1) // 2] <= a[i]`` for every
index i > 0 (no item is smaller than its parent, so ``a[0]`` is the smallest).

- ``heapify(a)``: rearrange ``a`` into heap order, in place (by moving items within the list,
  not by building another), in O(n): at most 2n comparisons. Returns None.
- ``heappush(a, item)``: add ``item``; at most floor(log2(n)) + 1 comparisons.
- ``heappop(a)``: remove and return the smallest item; at most 2 * floor(log2(n)) + 2
  comparisons. IndexError if ``a`` is empty.
- ``heappushpop(a, item)``: push ``item``, then pop the smallest, in one sift rather than
  two (at most 2 * floor(log2(n)) + 2 comparisons). If no item of ``a`` is smaller than
  ``item`` (``not a[0] < item``), return ``item`` at once, after that one comparison, and leave
  the list exactly as it was.

Compare items with ``<`` only, as heapq does. The check counts the comparisons.

The classes ``MinHeap(items=(), key=None)`` and ``MaxHeap(items=(), key=None)``:

- ``push(item)``, ``pop()``, ``peek()`` (what ``pop()`` would return, left in place),
  ``pushpop(item)``, ``len(heap)`` and ``bool(heap)``. ``pop()`` and ``peek()`` on an empty
  heap raise IndexError.
- A MinHeap pops the item with the smallest key first, a MaxHeap the one with the largest.
  ``key`` maps an item to its key; None means the item is its own key.
- Items with equal keys come out first in, first out; the constructor's items count as pushed
  in their order. Only keys are compared, never the items themselves (a heap of dicts works
  with ``key=lambda d: d["priority"]``).
- A MaxHeap works for any keys that can be ordered, strings too: negating the key is not enough.
- Build them on your list functions: the constructor heapifies its items in O(n), and each
  operation is O(log n).

No heapq, no bisect, no ``sorted()`` or ``list.sort()``: the heap is yours.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable


def heapify(a: list) -> None:
    """Rearrange ``a`` in place into heap order in O(n)."""
    # TODO: sift down every node that has children, starting from the last of them.
    raise NotImplementedError


def heappush(a: list, item: Any) -> None:
    """Add ``item`` to the heap ``a``."""
    raise NotImplementedError


def heappop(a: list) -> Any:
    """Remove and return the smallest item of the heap ``a``; IndexError if it is empty."""
    raise NotImplementedError


def heappushpop(a: list, item: Any) -> Any:
    """Push ``item`` then pop the smallest, in one sift; ``item`` itself if nothing is smaller."""
    raise NotImplementedError


class MinHeap:
    """A heap that pops the item with the smallest key first (equal keys: first in, first out)."""

    def __init__(self, items: Iterable = (), key: Callable[[Any], Any] | None = None) -> None:
        raise NotImplementedError

    def push(self, item: Any) -> None:
        raise NotImplementedError

    def pop(self) -> Any:
        raise NotImplementedError

    def peek(self) -> Any:
        raise NotImplementedError

    def pushpop(self, item: Any) -> Any:
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError

    def __bool__(self) -> bool:
        raise NotImplementedError


class MaxHeap(MinHeap):
    """A heap that pops the item with the largest key first (equal keys: first in, first out)."""

    def __init__(self, items: Iterable = (), key: Callable[[Any], Any] | None = None) -> None:
        raise NotImplementedError
