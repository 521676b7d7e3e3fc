"""Return the largest number in a list, without using max()."""

from __future__ import annotations


def largest(numbers: list[float]) -> float:
    """Return the largest item of ``numbers``; raise ValueError if it is empty."""
    if not numbers:
        raise ValueError("largest() of an empty list")
    # Start from the first element, not from 0: every number might be negative.
    best = numbers[0]
    for n in numbers[1:]:
        if n > best:
            best = n
    return best
