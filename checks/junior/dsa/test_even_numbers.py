from hypothesis import given, strategies as st

from even_numbers import evens


def check(numbers, want):
    got = evens(list(numbers))
    assert type(got) is list, f"evens({numbers!r}) should return a list, got {type(got).__name__}"
    assert got == want, f"evens({numbers!r}) should be {want!r}, got {got!r}"
    assert all(type(n) is int for n in got), f"evens({numbers!r}) should contain the ints themselves, got {got!r}"


def test_typical():
    """keeps 2, 4 and 6 out of 1..6"""
    check([1, 2, 3, 4, 5, 6], [2, 4, 6])


def test_zero_and_negatives():
    """zero is even, and so are negative multiples of 2"""
    check([-4, -3, 0, 7], [-4, 0])
    check([-1, -2, -7, -10], [-2, -10])


def test_order_and_duplicates_kept():
    """the original order and repeated values are kept"""
    check([8, 2, 8, 3, 2], [8, 2, 8, 2])


def test_empty_and_no_evens():
    """an empty list, or one with no even number, gives []"""
    check([], [])
    check([1, 3, 5, 7], [])


def test_all_even():
    """a list of only even numbers comes back whole"""
    check([2, 4, 6], [2, 4, 6])


def test_consecutive_odds():
    """several odd numbers in a row are all dropped (removing while looping skips some)"""
    check([1, 3, 5, 2, 7, 9, 4], [2, 4])


def test_big_numbers():
    """works for numbers far beyond 64 bits"""
    check([10**30, 10**30 + 1, -(2**100)], [10**30, -(2**100)])


def test_input_unchanged_and_new_list():
    """the list you were given is left as it was, and the result is a new list"""
    numbers = [1, 2, 3, 4]
    got = evens(numbers)
    assert numbers == [1, 2, 3, 4], f"evens() changed its argument to {numbers!r}: build a new list instead"
    assert got is not numbers, "evens() should return a new list, not the one it was given"


@given(st.lists(st.integers(min_value=-10**6, max_value=10**6)))
def test_matches_filter(numbers):
    """agrees with a plain filter on any list"""
    check(numbers, [n for n in numbers if n % 2 == 0])
