"""Sort a list of numbers in ascending order with insertion sort."""

from __future__ import annotations


def insertion_sort(numbers: list[float]) -> None:
    """Sort ``numbers`` in place, in ascending order, using insertion sort."""
    # numbers[:i] is always sorted; each step inserts numbers[i] into it.
    for i in range(1, len(numbers)):
        item = numbers[i]
        j = i
        # Shift bigger items one place right, opening a gap. Strictly bigger only: an equal item
        # stays in front, which is what keeps the sort stable.
        while j > 0 and numbers[j - 1] > item:
            numbers[j] = numbers[j - 1]
            j -= 1
        numbers[j] = item
    # O(n^2) in the worst case, but O(n + number of out-of-order pairs) in general: on a nearly
    # sorted list each item moves only a little, which is why real sorts use it for short runs.
