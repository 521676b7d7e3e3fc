import pytest
from hypothesis import example, given, strategies as st

from insertion_sort import insertion_sort
from pyexercise.checklib import (Item, TrackedList, assert_not_used, check_sorts_in_place, comparisons, stable_order,
                                 tagged)


def comparisons_to_sort(keys):
    items = TrackedList(Item(k) for k in keys)
    with comparisons() as counted:
        insertion_sort(items)
    assert [i.key for i in items] == sorted(keys), "the list should end up sorted"
    assert "slice assignment" not in items.others, (
        "your code assigned a whole slice of the list: sort in place, by moving items inside the list, "
        "instead of sorting a copy and copying it back")
    return counted.count


@pytest.mark.parametrize("numbers", [
    [5, 2, 9, 1], [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5], [], [1], [2, 1], [1, 2], [3, 1, 3, 1, 2, 2],
    [-1, -10, 5, 0, -3], [2.5, -0.5, 1.0, 2.25], [7, 7, 7], list(range(20)), list(range(20, 0, -1)),
    [2, 3, 4, 5, 1], [1, 2, 3, 0], [5, 1, 2, 3, 4],
])
def test_sorts_in_place(numbers):
    """sorts the list it is given and returns None: empty, tiny, duplicates, negatives, floats, sorted, reversed..."""
    check_sorts_in_place(insertion_sort, numbers)


def test_fast_on_sorted_input():
    """a sorted list takes about n comparisons: each item is already in place"""
    n = 200
    used = comparisons_to_sort(list(range(n)))
    assert used <= 10 * n, (
        f"insertion sort made {used} comparisons on an already sorted list of {n}; each item needs just one "
        "comparison with its left neighbour to see it is in place. Stop moving an item as soon as the one to "
        "its left is not bigger")


def test_fast_on_nearly_sorted_input():
    """a nearly sorted list takes about n comparisons too"""
    n = 200
    cases = {
        "the smallest item moved to the end": list(range(1, n)) + [0],
        "neighbouring pairs swapped": [k ^ 1 for k in range(n)],
        "the largest item moved to the front": [n] + list(range(n)),
    }
    for name, keys in cases.items():
        used = comparisons_to_sort(keys)
        assert used <= 10 * n, (
            f"insertion sort made {used} comparisons on a list of {n} with {name}; only a few items are out of "
            "place, and each should move just as far as it needs to, stopping as soon as the item to its left "
            "is not bigger")


def test_no_builtin_sort():
    """the sorting is yours: no sorted(), .sort(), heapq or bisect"""
    assert_not_used("sorted(), list.sort(), heapq or bisect", names=["sorted"], attributes=["sort", "insort"],
                    imports=["heapq", "bisect"])


@given(st.lists(st.integers(min_value=-1000, max_value=1000), max_size=30))
def test_matches_sorted(numbers):
    """agrees with sorted() on any list of integers"""
    check_sorts_in_place(insertion_sort, numbers)


@given(st.lists(st.integers(min_value=0, max_value=3), max_size=20))
@example([2, 1, 2, 1, 2, 0])
def test_stable_on_any_list(keys):
    """equal items keep their original order, on any list: stop at an equal item, don't pass it"""
    items = tagged(keys)
    original = [repr(i) for i in items]
    want = stable_order(items)
    insertion_sort(items)
    got = [repr(i) for i in items]
    assert got == want, f"sorting {original} by number should give {want}, got {got}: equal items must keep their order"
