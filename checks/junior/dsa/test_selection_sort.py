import random

import pytest
from hypothesis import given, strategies as st

from pyexercise.checklib import Item, TrackedList, assert_not_used, check_sorts_in_place, comparisons
from selection_sort import selection_sort

SELF_COMPARISONS = [0]
ONLY_LT_GT = ("the task says the items can be compared with < and >, and these cannot be compared with <= or >=: "
              "find the smallest with <, which keeps the first of equal items (<= would pick the last one)")


class LtGtItem(Item):
    """Sorts by ``key`` like a number, with < and > only; counts comparisons; carries a ``tag`` to check stability."""

    __slots__ = ()

    def _other(self, other):
        key = super()._other(other)
        if other is self:
            SELF_COMPARISONS[0] += 1
        return key

    def __le__(self, other):
        raise TypeError(ONLY_LT_GT)

    def __ge__(self, other):
        raise TypeError(ONLY_LT_GT)


@pytest.mark.parametrize("numbers", [
    [5, 2, 9, 1], [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5], [], [1], [2, 1], [1, 2], [3, 1, 3, 1, 2, 2],
    [-1, -10, 5, 0, -3], [2.5, -0.5, 1.0, 2.25], [7, 7, 7], list(range(20)), list(range(20, 0, -1)),
    [2, 1, 4, 3, 6, 5], [2, 3, 4, 5, 1], [5, 1, 2, 3, 4],
])
def test_sorts_in_place(numbers):
    """sorts the list it is given and returns None: empty, tiny, duplicates, negatives, floats, sorted, reversed..."""
    check_sorts_in_place(selection_sort, numbers)


def moves(items):
    return len(items.writes) + len(items.others)


def assert_few_swaps(items, described):
    n = len(items)
    assert "slice assignment" not in items.others, (
        f"sorting {described} assigned a whole slice of the list: sort in place, by swapping items inside "
        "the list, instead of building a new list and copying it back")
    assert moves(items) <= max(0, 2 * (n - 1)), (
        f"sorting {described} changed the list {moves(items)} times; selection sort swaps at most once per pass "
        f"(at most {max(0, n - 1)} swaps, {max(0, 2 * (n - 1))} writes): find the index of the minimum first, "
        "then swap once")


def test_at_most_one_swap_per_pass():
    """at most n - 1 swaps in all: one per position, after finding that position's minimum"""
    n = 40
    for name, keys in (("a reversed list", list(range(n, 0, -1))),
                       ("a shuffled list", random.Random(7).sample(range(n), n))):
        items = TrackedList(LtGtItem(k) for k in keys)
        selection_sort(items)
        assert [i.key for i in items] == sorted(keys), f"{name} of {n} should end up sorted"
        assert_few_swaps(items, f"{name} of {n}")


def test_scans_whole_unsorted_part():
    """each pass compares against every unsorted item, even when the list is already sorted"""
    n = 30
    items = [LtGtItem(k) for k in range(n)]
    with comparisons() as counted:
        selection_sort(items)
    want = n * (n - 1) // 2
    assert counted.count >= want, (
        f"selection sort made only {counted.count} comparisons on a sorted list of {n}; finding the minimum of "
        f"the unsorted part means looking at every item in it, {want} comparisons in all. Stopping early is "
        "what insertion sort and bubble sort do, not selection sort")
    assert [i.key for i in items] == list(range(n)), "a sorted list should stay sorted"


def test_compares_with_lt_and_gt_only():
    """items are compared with < or > only, as the task says: the check's items have no <= or >="""
    keys = [3, 1, 2, 1, 3, 2]
    items = [LtGtItem(k) for k in keys]
    selection_sort(items)
    assert [i.key for i in items] == sorted(keys), f"{keys} should end up sorted"


def test_never_compares_an_item_with_itself():
    """each pass compares its candidate with the other unsorted items, never with itself"""
    n = 25
    keys = random.Random(3).sample(range(n), n)
    items = [LtGtItem(k) for k in keys]
    SELF_COMPARISONS[0] = 0
    selection_sort(items)
    assert [i.key for i in items] == sorted(keys), f"{keys} should end up sorted"
    assert SELF_COMPARISONS[0] == 0, (
        f"sorting a list of {n} compared an item with itself {SELF_COMPARISONS[0]} times, which tells nothing: "
        "the first unsorted item is the starting candidate, so the search compares it with the items after it "
        "(range(start + 1, n))")


def test_finds_minimum_itself():
    """the search for the minimum is yours: no min(), max(), sorted(), .sort() or heapq"""
    assert_not_used("min(), max(), sorted(), list.sort() or heapq", names=["min", "max", "sorted"],
                    attributes=["sort"], imports=["heapq"])


@given(st.lists(st.integers(min_value=-1000, max_value=1000), max_size=30))
def test_matches_sorted(numbers):
    """agrees with sorted() on any list of integers"""
    check_sorts_in_place(selection_sort, numbers)


@given(st.lists(st.integers(min_value=0, max_value=50), max_size=25))
def test_few_swaps_on_any_list(keys):
    """on any list, at most n - 1 swaps"""
    items = TrackedList(LtGtItem(k) for k in keys)
    selection_sort(items)
    assert [i.key for i in items] == sorted(keys), f"{keys} should end up sorted"
    assert_few_swaps(items, f"{keys}")
