"""Return the sum of all the even numbers in a list of integers."""

from __future__ import annotations


def sum_evens(numbers: list[int]) -> int:
    """Return the sum of the even items of ``numbers`` (0 if there are none)."""
    # n % 2 == 0 is right for negatives as well: in Python -3 % 2 is 1 and -4 % 2 is 0.
    # sum() of an empty generator is 0, so no special case is needed.
    return sum(n for n in numbers if n % 2 == 0)
