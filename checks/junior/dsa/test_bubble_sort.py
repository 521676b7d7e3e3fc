import random

import pytest
from hypothesis import example, given, strategies as st

from bubble_sort import bubble_sort
from pyexercise.checklib import (Item, TrackedList, assert_not_used, check_sorts_in_place, comparisons, inversions,
                                 stable_order, tagged)


@pytest.mark.parametrize("numbers", [
    [5, 2, 9, 1], [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5], [], [1], [2, 1], [1, 2], [3, 1, 3, 1, 2, 2],
    [-1, -10, 5, 0, -3], [2.5, -0.5, 1.0, 2.25], [7, 7, 7], list(range(20)), list(range(20, 0, -1)),
])
def test_sorts_in_place(numbers):
    """sorts the list it is given and returns None: empty, tiny, duplicates, negatives, floats, sorted, reversed..."""
    check_sorts_in_place(bubble_sort, numbers)


def test_stops_after_a_pass_without_swaps():
    """an already sorted list takes one pass: n - 1 comparisons"""
    n = 100
    items = [Item(k) for k in range(n)]
    with comparisons() as counted:
        bubble_sort(items)
    assert counted.count <= n - 1, (
        f"bubble sort made {counted.count} comparisons on an already sorted list of {n} items; one pass "
        f"({n - 1} comparisons) shows nothing needs swapping: stop when a pass makes no swap")
    assert [i.key for i in items] == list(range(n)), "a sorted list should stay sorted"


def test_only_swaps_out_of_order_neighbours():
    """every change to the list swaps two neighbours, one swap per out-of-order pair"""
    keys = [k // 2 for k in range(40)]  # every key twice: equal neighbours must not be swapped
    random.Random(2024).shuffle(keys)
    items = TrackedList(Item(k) for k in keys)
    expected_swaps = inversions(keys)
    bubble_sort(items)
    assert [i.key for i in items] == sorted(keys), "the list should end up sorted"
    assert not items.others, (
        f"bubble sort only swaps neighbours (lst[i], lst[i + 1] = lst[i + 1], lst[i]), but your code also used "
        f"{', '.join(sorted(set(items.others)))} on the list")
    pairs = list(zip(items.writes[::2], items.writes[1::2]))
    assert len(items.writes) % 2 == 0 and all(abs(a - b) == 1 for a, b in pairs), (
        "bubble sort swaps two neighbouring items at a time; your code wrote to the list at indexes "
        f"{items.writes[:12]}...")
    assert len(pairs) == expected_swaps, (
        f"sorting this list of 40 takes exactly {expected_swaps} neighbour swaps (one per pair out of order; "
        f"equal items are never swapped), your code made {len(pairs)}")


def test_no_builtin_sort():
    """the sorting is yours: no sorted(), .sort() or heapq"""
    assert_not_used("sorted(), list.sort() or heapq", names=["sorted"], attributes=["sort"], imports=["heapq"])


@given(st.lists(st.integers(min_value=-1000, max_value=1000), max_size=30))
def test_matches_sorted(numbers):
    """agrees with sorted() on any list of integers"""
    check_sorts_in_place(bubble_sort, numbers)


@given(st.lists(st.integers(min_value=0, max_value=3), max_size=20))
@example([2, 1, 2, 1, 2, 0])
def test_stable_on_any_list(keys):
    """equal items keep their original order, on any list: swap only when strictly greater"""
    items = tagged(keys)
    original = [repr(i) for i in items]
    want = stable_order(items)
    bubble_sort(items)
    got = [repr(i) for i in items]
    assert got == want, f"sorting {original} by number should give {want}, got {got}: equal items must keep their order"
