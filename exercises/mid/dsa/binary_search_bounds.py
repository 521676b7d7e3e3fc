"""Binary search done properly: lower and upper bounds (with a key), a search in a rotated
sorted list, and "the first integer where a condition turns true" over any range.

    >>> xs = [1, 3, 3, 3, 7, 9]
    >>> lower_bound(xs, 3), upper_bound(xs, 3)    # the 3s sit at indexes 1, 2 and 3
    (1, 4)
    >>> lower_bound(xs, 4), upper_bound(xs, 4)    # no 4: both say where it would go
    (4, 4)
    >>> words = ["fig", "kiwi", "lemon", "banana"]  # sorted by length
    >>> lower_bound(words, 5, key=len)            # x is a key already, as in bisect
    2
    >>> search_rotated([30, 40, 50, 10, 20], 10)
    3
    >>> first_true(lambda r: r * r > 2_000_000, 0, 2_000_001)  # 1414**2 <= 2e6 < 1415**2
    1415

The four functions:

- ``lower_bound(seq, x, key=None)``: the first index i with ``key(seq[i]) >= x``, or
  ``len(seq)`` if there is none. ``seq`` is sorted ascending by ``key`` (the identity when
  ``key`` is None). ``key`` is applied to the items only, never to ``x``: ``x`` is a key.
- ``upper_bound(seq, x, key=None)``: the first index i with ``key(seq[i]) > x``, or
  ``len(seq)``. So ``upper_bound - lower_bound`` is how many items have the key ``x``.
- ``search_rotated(seq, x)``: ``seq`` holds *distinct* values, sorted ascending and then
  rotated: cut in two and the halves swapped (``[10, 20, 30, 40, 50]`` may come as
  ``[30, 40, 50, 10, 20]``, or not rotated at all). Return the index of ``x``, or -1.
- ``first_true(pred, lo, hi)``: ``pred`` is monotone over the integers ``lo .. hi-1``: False,
  False, ..., then True from some point on. Return the first i in ``[lo, hi)`` with ``pred(i)``
  true, or ``hi`` if there is none. Never call ``pred`` outside ``[lo, hi)``. ``lo > hi`` is a
  ValueError. The range may be astronomically large (0 .. 10**30): use integer arithmetic.

What the check counts:

- ``seq`` may be a sequence that only allows ``len(seq)`` and ``seq[i]``: it refuses slices,
  ``in``, ``.index()`` and ``.count()``, and it counts every item you read (a loop over it
  reads them all). Each function may read at most 2 * ceil(log2(n)) + 2 items of a sequence of
  n items (42 for a million), and that holds when every item is equal too: finding one match
  and walking to the end of the run is O(n).
- ``first_true`` may call ``pred`` at most ceil(log2(hi - lo + 1)) + 1 times: 101 calls for a
  range of 10**30 numbers.
- No ``bisect`` module: the halving is yours.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence


def lower_bound(seq: Sequence, x: Any, key: Callable[[Any], Any] | None = None) -> int:
    """The first index i with ``key(seq[i]) >= x`` (``len(seq)`` if none)."""
    # TODO: keep a range [lo, hi) that surely holds the answer, and halve it.
    raise NotImplementedError


def upper_bound(seq: Sequence, x: Any, key: Callable[[Any], Any] | None = None) -> int:
    """The first index i with ``key(seq[i]) > x`` (``len(seq)`` if none)."""
    raise NotImplementedError


def search_rotated(seq: Sequence, x: Any) -> int:
    """The index of ``x`` in the rotated sorted sequence of distinct values ``seq``, or -1."""
    raise NotImplementedError


def first_true(pred: Callable[[int], bool], lo: int, hi: int) -> int:
    """The first i in ``[lo, hi)`` with ``pred(i)`` true (``hi`` if none); ``pred`` is monotone."""
    raise NotImplementedError
