import pytest
from hypothesis import given, strategies as st

from largest_number import largest
from pyexercise.checklib import assert_not_used


def test_typical():
    """the largest of a few positive numbers"""
    got = largest([3, 9, 2])
    assert type(got) is int and got == 9, f"largest([3, 9, 2]) should be 9, got {got!r}"


def test_largest_first_or_last():
    """the largest may be first or last"""
    assert largest([9, 3, 2]) == 9, "largest([9, 3, 2]) should be 9: the first element counts"
    assert largest([2, 3, 9]) == 9, "largest([2, 3, 9]) should be 9: the last element counts"


def test_negatives():
    """negative numbers count too"""
    assert largest([-5, -2, -11]) == -2, "largest([-5, -2, -11]) should be -2: don't start from 0"


def test_single_and_duplicates():
    """one element, and repeated maxima"""
    assert largest([7]) == 7, "largest([7]) should be 7"
    assert largest([4, 4, 1]) == 4, "largest([4, 4, 1]) should be 4"


def test_floats():
    """floats work as well as ints"""
    assert largest([1.5, -0.5, 1.25]) == 1.5, "largest([1.5, -0.5, 1.25]) should be 1.5"


def test_empty_raises():
    """an empty list is an error, like max([])"""
    with pytest.raises(ValueError):
        largest([])


def test_does_not_use_max():
    """the loop is yours: no max() or sorted()"""
    assert_not_used("max() or sorting", names=["max", "sorted"], attributes=["sort"])


@given(st.lists(st.integers() | st.floats(allow_nan=False), min_size=1))
def test_matches_max(numbers):
    """agrees with max() on any list"""
    assert largest(numbers) == max(numbers)
