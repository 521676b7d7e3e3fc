import itertools

import pytest
from hypothesis import given, strategies as st

from max_difference import max_difference, max_gain


class Counted(int):
    """An int that counts how often it takes part in a subtraction."""

    subs = 0

    def __sub__(self, other):
        Counted.subs += 1
        return int(self) - int(other)

    def __rsub__(self, other):
        Counted.subs += 1
        return int(other) - int(self)


def check(fn, numbers, want, why=""):
    got = fn(list(numbers))
    assert type(got) is int, f"{fn.__name__}() should return an int, got {type(got).__name__}"
    assert got == want, f"{fn.__name__}({numbers!r}) should be {want}{why}, got {got!r}"


def test_difference_typical():
    """max_difference is the largest minus the smallest, wherever they are"""
    check(max_difference, [7, 1, 5, 3], 6, ": 7 - 1")
    check(max_difference, [1, 5, 3, 7], 6)


def test_difference_negatives_and_two_items():
    """negative numbers, and just two numbers in either order"""
    check(max_difference, [-10, -3, -7], 7, ": -3 - (-10)")
    check(max_difference, [4, 9], 5)
    check(max_difference, [9, 4], 5, ": order doesn't matter for max_difference")


def test_difference_all_equal():
    """when all numbers are equal, the difference is 0"""
    check(max_difference, [3, 3, 3], 0)


def test_gain_typical():
    """max_gain is the later number minus an earlier one"""
    check(max_gain, [7, 1, 5, 3], 4, ": buy at 1, sell at 5 (7 comes before 1)")
    check(max_gain, [2, 9, 1, 4], 7, ": 9 - 2; the 1 comes too late to beat it")


def test_gain_minimum_after_maximum():
    """the overall minimum may come after the maximum: then it can't be used"""
    check(max_gain, [5, 10, 1], 5, ": 10 - 5; 1 comes after 10")
    check(max_gain, [3, 8, 1, 6], 5, ": 8 - 3 or 6 - 1")


def test_gain_only_going_down_is_negative():
    """if the numbers only go down, the best gain is the smallest drop (negative, not 0)"""
    check(max_gain, [9, 6, 2], -3, ": 6 - 9 and 2 - 6 are both -3 or worse, and no pair gains")
    check(max_gain, [5, 4], -1)
    check(max_gain, [10, 1, 0], -1, ": 1 - 1 is not allowed; 0 - 1 = -1 is the best")


def test_gain_two_items_and_equal():
    """two numbers give their difference; equal numbers give 0"""
    check(max_gain, [4, 9], 5)
    check(max_gain, [3, 3, 3], 0)


def test_gain_uses_the_last_element():
    """the best pair may end at the very last number"""
    check(max_gain, [4, 2, 3, 1, 8], 7, ": 8 - 1")


def test_too_short_raises():
    """fewer than two numbers is a ValueError, for both functions"""
    for fn in (max_difference, max_gain):
        for numbers in ([], [5]):
            with pytest.raises(ValueError):
                fn(numbers)


def test_input_not_modified():
    """the list passed in is left as it was (no sorting in place)"""
    numbers = [3, 1, 2]
    max_difference(numbers)
    max_gain(numbers)
    assert numbers == [3, 1, 2], f"the functions changed their argument to {numbers!r}"


def test_gain_is_one_pass():
    """max_gain is O(n): it must not subtract every pair"""
    n = 400
    numbers = [Counted((i * 37) % 101) for i in range(n)]
    want = max(b - a for a, b in itertools.combinations([int(x) for x in numbers], 2))
    Counted.subs = 0
    got = max_gain(numbers)
    subs = Counted.subs
    assert got == want, f"max_gain() of a {n}-number list should be {want}, got {got!r}"
    assert subs <= 3 * n, (
        f"max_gain() of {n} numbers did {subs} subtractions: trying every pair is O(n**2). "
        "Walk once, remembering the smallest number so far")


pairs = st.lists(st.integers(min_value=-50, max_value=50), min_size=2, max_size=12)


@given(pairs)
def test_matches_brute_force(numbers):
    """for any list: both agree with trying every pair"""
    check(max_difference, numbers, max(a - b for a, b in itertools.permutations(numbers, 2)))
    check(max_gain, numbers, max(b - a for a, b in itertools.combinations(numbers, 2)))
