"""Find the maximum difference between two elements of a list, in two versions.

1. ``max_difference``: the largest difference between any two elements, larger minus smaller.

    >>> max_difference([7, 1, 5, 3])
    6

2. ``max_gain``, the version interviewers ask next: the largest ``numbers[j] - numbers[i]``
   with ``j > i``, i.e. the later element minus the earlier one (think: buy low, sell later).

    >>> max_gain([7, 1, 5, 3])
    4
    >>> max_gain([9, 6, 2])
    -3

   If the list only goes down, the best gain is negative (the smallest drop). Make it one pass,
   O(n): trying every pair is O(n**2).

Both need at least two elements: raise ValueError for shorter lists.
"""

from __future__ import annotations


def max_difference(numbers: list[int]) -> int:
    """Return the largest ``numbers[x] - numbers[y]`` over any two positions x != y."""
    # TODO
    raise NotImplementedError


def max_gain(numbers: list[int]) -> int:
    """Return the largest ``numbers[j] - numbers[i]`` with ``j > i``, in one pass."""
    # TODO: remember the smallest number seen so far.
    raise NotImplementedError
