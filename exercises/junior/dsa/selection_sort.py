"""Sort a list of numbers in ascending order with selection sort.

    >>> numbers = [5, 2, 9, 1]
    >>> selection_sort(numbers)
    >>> numbers
    [1, 2, 5, 9]

Selection sort splits the list into a sorted front and an unsorted rest. Each pass *selects*
the smallest item of the unsorted rest (by comparing it with every item there) and swaps it
into the first unsorted position, which grows the sorted front by one. Implement exactly that:
- sort the list in place and return None, like list.sort();
- at most one swap per pass (so at most len - 1 swaps in all: that is selection sort's strength);
- find the minimum yourself: no min(), max(), sorted(), list.sort() or heapq.
The check also sorts objects that are not numbers but can be compared with < and >, and counts
the comparisons and swaps your code makes.
"""

from __future__ import annotations


def selection_sort(numbers: list[float]) -> None:
    """Sort ``numbers`` in place, in ascending order, using selection sort."""
    # TODO: for each position, find the index of the smallest item from there on, then swap.
    raise NotImplementedError
