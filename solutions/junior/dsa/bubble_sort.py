"""Sort a list of numbers in ascending order with bubble sort."""

from __future__ import annotations


def bubble_sort(numbers: list[float]) -> None:
    """Sort ``numbers`` in place, in ascending order, using bubble sort."""
    end = len(numbers) - 1  # items after `end` are already in their final place
    swapped = True
    while swapped:
        swapped = False
        for i in range(end):
            # Strictly greater: swapping equal items would break stability for nothing.
            if numbers[i] > numbers[i + 1]:
                numbers[i], numbers[i + 1] = numbers[i + 1], numbers[i]
                swapped = True
        # This pass carried the largest remaining item to position `end`: one less to look at.
        end -= 1
    # A pass without a swap means every neighbour pair is in order: the list is sorted.
    # Worst case O(n^2) comparisons; O(n) for a list that is already sorted.
