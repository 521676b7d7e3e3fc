"""Return the sum of all the even numbers in a list of integers.

    >>> sum_evens([1, 2, 3, 4])
    6
    >>> sum_evens([-4, 7])
    -4

A number is even when dividing it by 2 leaves no remainder: 0 and negative numbers such as
-4 are even too. A list with no even numbers (or an empty list) sums to 0.
"""

from __future__ import annotations


def sum_evens(numbers: list[int]) -> int:
    """Return the sum of the even items of ``numbers`` (0 if there are none)."""
    # TODO: add up only the even numbers.
    raise NotImplementedError
