"""Find the second largest number in a collection, in one pass."""

from __future__ import annotations

from typing import Iterable


def second_largest(numbers: Iterable[float]) -> float:
    """Return the second largest distinct value in ``numbers``; raise ValueError if there is
    none."""
    # None means "not seen yet". Sentinels such as 0 or -1 would break for negative numbers.
    largest = second = None
    for n in numbers:
        if largest is None or n > largest:
            # A new maximum: the old maximum becomes the runner-up.
            largest, second = n, largest
        elif n < largest and (second is None or n > second):
            # Strictly below the maximum (a repeat of it does not count) but above the runner-up.
            second = n
    if second is None:
        raise ValueError("second_largest() needs at least two distinct values")
    return second
