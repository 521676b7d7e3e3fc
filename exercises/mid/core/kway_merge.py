"""Merge any number of sorted iterables into one sorted stream, lazily, without sorting.

    >>> list(merge([1, 4, 9], [2, 3, 10, 11]))
    [1, 2, 3, 4, 9, 10, 11]
    >>> list(merge([1, 5], [0, 2, 8], [], [3]))
    [0, 1, 2, 3, 5, 8]
    >>> list(merge(["apple", "fig"], ["banana", "kiwi"], key=len, reverse=True))
    ['banana', 'apple', 'kiwi', 'fig']

Each argument is already sorted: ascending by ``key`` (the items themselves when key is None),
or descending when ``reverse=True``. ``merge`` yields every item of every iterable in that
same order: the result equals ``sorted(itertools.chain(*iterables), key=key, reverse=reverse)``,
but it is computed by merging, never by sorting. This is the merge step of merge sort, and
what you need to combine sorted files or streams too big to hold.

- Stable: equal items come out in the order of their iterables (those of the first argument
  before those of the second), and in their own order within one iterable.
- ``key`` is called once per item, and only keys are compared: with a key the items
  themselves need not be comparable.
- Lazy: ``merge(...)`` returns an iterator and pulls nothing until the first ``next()``. At any
  moment it holds at most one item from each iterable that it has not yielded yet, so it works
  on endless iterables and on streams larger than memory. A non-iterable argument raises
  TypeError at the call.
- Few comparisons: for n items from k iterables, at most n * ceil(log2 k) + k comparisons in
  all. Scanning the k front items for the smallest costs k - 1 comparisons per item, and even a
  binary heap costs up to about 2 * log2 k per item. A balanced tree of two-way merges (merge
  the first half of the iterables, merge the second half, then merge those two) costs at most
  ceil(log2 k) per item. (A tournament tree does too.)
- No sorted(), list.sort() or heapq at all (heapq.merge is exactly this function).
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator


def merge(*iterables: Iterable, key: Callable[[Any], Any] | None = None, reverse: bool = False) -> Iterator:
    """Return an iterator over the items of the sorted ``iterables``, in one sorted order."""
    # TODO: a lazy two-way merge of (key, item) pairs, then a balanced tree of them.
    raise NotImplementedError
