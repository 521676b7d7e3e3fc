"""Find the k-th largest item of an unsorted list in expected O(n) with quickselect, and of a
stream too big to keep with a heap of k items.

    >>> kth_largest([3, 1, 4, 1, 5, 9, 2, 6], 1)      # k = 1 is the largest
    9
    >>> kth_largest([3, 1, 4, 1, 5, 9, 2, 6], 3)
    5
    >>> kth_largest([5, 5, 4], 2)                     # duplicates count: 5, 5, 4
    5
    >>> kth_largest_stream(iter([3, 1, 4, 1, 5, 9, 2, 6]), 3)
    5

Both functions return the item that would be at index ``k - 1`` of the items sorted largest
first; ``k`` from 1 to the number of items, else ValueError (an empty input too). Items can be
anything ordered (numbers, strings...). Compare them with ``<`` only, as ``sorted()`` and
``heapq`` do: an item equals the pivot when neither is smaller.

``kth_largest(items, k)``: quickselect. Pick a pivot at random, split the items into those
bigger than it, those equal to it and those smaller (a three-way split), and go on in the one
part that holds the answer. Expected O(n):

- The check counts comparisons: on average at most 9n for n items, whatever the input (a good
  three-way quickselect makes 3n to 7n). Sorted, reverse sorted, all-equal and few-distinct
  inputs included: a first-item pivot is quadratic on sorted input, and a two-way split is
  quadratic when all items are equal.
- ``items`` is any iterable; a list passed in is left as it was.

``kth_largest_stream(stream, k)``: one pass over an iterable that may be far too big to keep,
holding only k items: a min-heap of the k largest so far, whose top is the k-th largest. At
most n * (2 * log2(k) + 2) comparisons and O(k) memory. ``heapq`` is fine here.

Neither may sort: no ``sorted()``, ``list.sort()``, ``heapq.nlargest``/``nsmallest``, bisect or
statistics.
"""

from __future__ import annotations

from typing import Iterable, TypeVar

T = TypeVar("T")


def kth_largest(items: Iterable[T], k: int) -> T:
    """The k-th largest of ``items`` (k = 1: the largest), by quickselect; ValueError if k is out of range."""
    # TODO: a random pivot, a three-way split, then continue in the part that holds the answer.
    raise NotImplementedError


def kth_largest_stream(stream: Iterable[T], k: int) -> T:
    """The k-th largest of ``stream`` in one pass, keeping only k items; ValueError if k is out of range."""
    raise NotImplementedError
