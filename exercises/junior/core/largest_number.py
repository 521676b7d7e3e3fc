"""Return the largest number in a list, without using max().

    >>> largest([3, 9, 2])
    9
    >>> largest([-5, -2, -11])
    -2

An empty list has no largest number: raise ValueError for it (as max() does).
Write the loop yourself: the point is to see how max() works inside.
"""

from __future__ import annotations


def largest(numbers: list[float]) -> float:
    """Return the largest item of ``numbers``; raise ValueError if it is empty."""
    # TODO: walk the list, remembering the biggest number seen so far.
    raise NotImplementedError
