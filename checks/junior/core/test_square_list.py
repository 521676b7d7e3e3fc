from hypothesis import given, strategies as st

from square_list import squares


def test_typical():
    """squares a few positive numbers, in order"""
    got = squares([1, 2, 3])
    assert type(got) is list, f"squares() should return a list, got {type(got).__name__}"
    assert got == [1, 4, 9], f"squares([1, 2, 3]) should be [1, 4, 9], got {got!r}"


def test_negatives_and_zero():
    """the square of a negative number is positive; 0 stays 0"""
    got = squares([-4, 0, -1])
    assert got == [16, 0, 1], f"squares([-4, 0, -1]) should be [16, 0, 1], got {got!r}"


def test_order_is_kept():
    """the squares come out in the same order as the numbers"""
    got = squares([5, 1, 3])
    assert got == [25, 1, 9], f"squares([5, 1, 3]) should be [25, 1, 9] (same order), got {got!r}"


def test_empty():
    """an empty list gives an empty list"""
    numbers = []
    got = squares(numbers)
    assert type(got) is list and got == [], f"squares([]) should be [], got {got!r}"
    assert got is not numbers, "squares([]) should return a new empty list, not the one it was given"


def test_items_are_ints():
    """every square is an int, not a float (n ** 0.5 or n * 2 is not a square)"""
    got = squares([7, -3])
    assert got == [49, 9], f"squares([7, -3]) should be [49, 9], got {got!r}"
    assert all(type(x) is int for x in got), f"every square should be an int, got {got!r}"


def test_huge_numbers():
    """Python ints have no size limit: 10**20 squared is exactly 10**40"""
    got = squares([10**20])
    assert got == [10**40], "squares([10**20]) should be [10**40]: use integer arithmetic, not floats"


def test_input_not_modified():
    """the list passed in is left as it was, and a new list is returned"""
    numbers = [2, 3]
    got = squares(numbers)
    assert numbers == [2, 3], f"squares() changed its argument to {numbers!r}; build a new list instead"
    assert got is not numbers, "squares() should return a new list, not the one it was given"


@given(st.lists(st.integers()))
def test_matches_definition(numbers):
    """for any list, item i of the result is numbers[i] * numbers[i]"""
    got = squares(list(numbers))
    assert got == [n * n for n in numbers], f"squares({numbers!r}) should be {[n * n for n in numbers]!r}"
