"""Return the even numbers of a list of integers, in their original order."""

from __future__ import annotations


def evens(numbers: list[int]) -> list[int]:
    """Return a new list of the even items of ``numbers``, in order."""
    # n % 2 is 0 or 1 for every int in Python, negatives included (-3 % 2 == 1),
    # and a comprehension builds a new list without touching the input.
    return [n for n in numbers if n % 2 == 0]
