"""Sort a list of numbers in ascending order with selection sort."""

from __future__ import annotations


def selection_sort(numbers: list[float]) -> None:
    """Sort ``numbers`` in place, in ascending order, using selection sort."""
    n = len(numbers)
    # numbers[:start] is sorted and holds the `start` smallest items; the last item needs no pass.
    for start in range(n - 1):
        smallest = start
        for i in range(start + 1, n):
            if numbers[i] < numbers[smallest]:
                smallest = i
        # One swap per pass, and none if the minimum is already in place.
        if smallest != start:
            numbers[start], numbers[smallest] = numbers[smallest], numbers[start]
    # Always n(n-1)/2 comparisons, even for a sorted list, but at most n - 1 swaps: a good choice
    # only when writing is much dearer than comparing. It is not stable.
