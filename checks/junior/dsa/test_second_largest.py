import pytest
from hypothesis import given, strategies as st

from pyexercise.checklib import assert_not_used
from second_largest import second_largest


class OnePass:
    """An iterable that can be iterated once and has no len() or indexing."""

    def __init__(self, items):
        self._items = list(items)
        self._used = False

    def __iter__(self):
        assert not self._used, "second_largest() looped over the numbers twice: do it in one pass"
        self._used = True
        return iter(self._items)

    def __repr__(self):
        return f"{self._items!r}"


def check(numbers, want):
    got = second_largest(list(numbers))
    assert got == want and type(got) is type(want), (
        f"second_largest({numbers!r}) should be {want!r}, got {got!r}")


def test_typical():
    """the runner-up of a few positive numbers"""
    check([3, 9, 2, 7], 7)


def test_positions():
    """the two largest can be anywhere: first, last, next to each other"""
    check([9, 7, 1, 2], 7)
    check([1, 2, 7, 9], 7)
    check([7, 1, 2, 9], 7)
    check([9, 1, 2, 7], 7)
    check([2, 9, 1, 7, 3], 7)


def test_duplicates_of_largest():
    """repeats of the largest do not count as the second largest"""
    check([5, 5, 3], 3)
    check([3, 5, 5], 3)
    check([5, 3, 5, 5], 3)
    check([9, 9, 8, 8, 1], 8)


def test_negatives():
    """negative numbers count too: don't start from 0 or -1"""
    check([-5, -2, -11], -5)
    check([-1, -3], -3)
    check([-10**30, -10**31], -10**31)


def test_floats_and_two_values():
    """floats work, and two distinct values are enough"""
    check([1.5, -0.5, 1.25], 1.25)
    check([4, 8], 4)
    check([8, 4], 4)


def test_not_enough_distinct_values():
    """fewer than two distinct values raises ValueError"""
    for numbers in ([], [4], [4, 4], [0, 0, 0]):
        with pytest.raises(ValueError):
            second_largest(list(numbers))


def test_one_pass_over_a_generator():
    """works on something that can be read only once, like a generator"""
    numbers = OnePass([3, 9, 2, 7])
    got = second_largest(numbers)
    assert got == 7, f"second_largest({numbers!r}) read once should be 7, got {got!r}"
    got = second_largest(n for n in [10, 30, 20])
    assert got == 20, f"second_largest(a generator of [10, 30, 20]) should be 20, got {got!r}"


def test_no_sorting_or_max():
    """the loop is yours: no sorted(), .sort(), heapq or max()"""
    assert_not_used("sorting or max()", names=["sorted", "max"], attributes=["sort", "nlargest"],
                    imports=["heapq"])


@given(st.lists(st.integers(min_value=-1000, max_value=1000), max_size=30))
def test_matches_sorted_set(numbers):
    """agrees with sorting the distinct values, on any list (read once)"""
    distinct = sorted(set(numbers))
    if len(distinct) < 2:
        with pytest.raises(ValueError):
            second_largest(OnePass(numbers))
    else:
        got = second_largest(OnePass(numbers))
        assert got == distinct[-2], f"second_largest({numbers!r}) should be {distinct[-2]!r}, got {got!r}"
