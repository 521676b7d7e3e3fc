"""Return the even numbers of a list of integers, in their original order.

    >>> evens([1, 2, 3, 4, 5, 6])
    [2, 4, 6]
    >>> evens([-4, -3, 0, 7])
    [-4, 0]

Zero and negative numbers can be even too. Keep duplicates and the original order, return a
new list, and leave the list you were given unchanged.
"""

from __future__ import annotations


def evens(numbers: list[int]) -> list[int]:
    """Return a new list of the even items of ``numbers``, in order."""
    # TODO: keep every number that divides by 2 with no remainder.
    raise NotImplementedError
