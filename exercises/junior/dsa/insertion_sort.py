"""Sort a list of numbers in ascending order with insertion sort.

    >>> numbers = [5, 2, 9, 1]
    >>> insertion_sort(numbers)
    >>> numbers
    [1, 2, 5, 9]

Insertion sort is how most people sort a hand of cards: the front of the list is kept sorted,
and each next item is *inserted* into its place there, by moving the bigger items of the front
one step right until the gap is where the item belongs. Implement exactly that:
- sort the list in place and return None, like list.sort();
- stop moving an item as soon as the item to its left is not bigger; so equal items keep their
  order (insertion sort is stable), and a sorted or nearly sorted list takes only about n
  comparisons: that is insertion sort's strength;
- no sorted(), list.sort(), heapq or bisect.
The check also sorts objects that are not numbers but can be compared with < and >, and counts
the comparisons your code makes.
"""

from __future__ import annotations


def insertion_sort(numbers: list[float]) -> None:
    """Sort ``numbers`` in place, in ascending order, using insertion sort."""
    # TODO: for each item from the second on, shift the bigger items before it right, then drop it in.
    raise NotImplementedError
