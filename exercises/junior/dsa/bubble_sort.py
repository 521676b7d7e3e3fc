"""Sort a list of numbers in ascending order with bubble sort.

    >>> numbers = [5, 2, 9, 1]
    >>> bubble_sort(numbers)
    >>> numbers
    [1, 2, 5, 9]

Bubble sort walks the list comparing neighbours, and swaps any pair that is in the wrong order;
after each pass the largest remaining item has "bubbled up" to the end. Implement exactly that:
- sort the list in place and return None, like list.sort();
- only ever swap two neighbours, and only when the left one is strictly greater (so equal items
  keep their order: bubble sort is stable);
- stop as soon as a pass makes no swap: the list is sorted then, so an already sorted list
  takes a single pass.
No sorted(), list.sort() or heapq. The check also sorts objects that are not numbers but can be
compared with < and >, and counts the comparisons and swaps your code makes.
"""

from __future__ import annotations


def bubble_sort(numbers: list[float]) -> None:
    """Sort ``numbers`` in place, in ascending order, using bubble sort."""
    # TODO: repeat passes over the list, swapping out-of-order neighbours, until a pass swaps nothing.
    raise NotImplementedError
