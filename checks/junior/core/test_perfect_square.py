import math

import pytest
from hypothesis import given, strategies as st

from perfect_square import is_perfect_square


def check(n, want, why=""):
    got = is_perfect_square(n)
    assert type(got) is bool, f"is_perfect_square() should return True or False, got {got!r}"
    assert got is want, f"is_perfect_square({n!r}) should be {want}{why}"


def test_small_squares():
    """1, 4, 9, 16, 49 are squares"""
    for n in (1, 4, 9, 16, 49, 100):
        check(n, True)


def test_small_non_squares():
    """2, 3, 5, 8, 50 are not"""
    for n in (2, 3, 5, 8, 15, 50, 99):
        check(n, False)


def test_zero_and_one():
    """0 = 0 * 0 and 1 = 1 * 1 are perfect squares"""
    check(0, True, ": 0 is 0 * 0")
    check(1, True, ": 1 is 1 * 1")


def test_negatives_are_not_squares():
    """no integer squared is negative (and -4 is not a square even though 4 is)"""
    check(-1, False)
    check(-4, False, ": k * k is never negative")
    check(-(10**20), False)


def test_neighbours_of_squares():
    """one more or one less than a square is not a square"""
    for k in (3, 10, 1000):
        check(k * k - 1, False)
        check(k * k + 1, False)


def test_huge_exact():
    """huge numbers are checked exactly, where float square roots go wrong"""
    k = 10**17 + 1
    check(k * k, True, ": it is (10**17 + 1) ** 2")
    check(k * k - 1, False, ": it is one less than (10**17 + 1) ** 2; n ** 0.5 rounds this wrongly")
    check(k * k + 1, False, ": one more than a square")
    check(10**400, True, ": 10**400 is (10**200) ** 2 (too big for a float at all)")
    check(10**400 + 1, False)


def test_non_int_raises_type_error():
    """only ints are accepted: 4.0, '4' and None raise TypeError"""
    for bad in (4.0, "4", None):
        with pytest.raises(TypeError):
            is_perfect_square(bad)


@given(st.integers(min_value=0, max_value=10**40))
def test_squares_and_their_neighbours(k):
    """for any k >= 0: k*k is a square; k*k + 1 is not (k >= 1); k*k - 1 is not (k >= 2)"""
    check(k * k, True)
    if k >= 1:
        check(k * k + 1, False)
    if k >= 2:
        check(k * k - 1, False)


@given(st.integers(min_value=-1000, max_value=10**30))
def test_matches_isqrt(n):
    """for any integer, agrees with math.isqrt"""
    check(n, n >= 0 and math.isqrt(n) ** 2 == n)
