from hypothesis import given, strategies as st

from sum_of_evens import sum_evens


def test_typical():
    """adds the even numbers and skips the odd ones"""
    got = sum_evens([1, 2, 3, 4])
    assert type(got) is int, f"sum_evens() should return an int, got {type(got).__name__}"
    assert got == 6, f"sum_evens([1, 2, 3, 4]) should be 6 (2 + 4), got {got!r}"


def test_negative_evens_count():
    """negative even numbers are even too, and negative odd numbers are not"""
    got = sum_evens([-4, -3, 7, 10])
    assert got == 6, f"sum_evens([-4, -3, 7, 10]) should be 6 (-4 + 10), got {got!r}"


def test_no_evens():
    """a list with only odd numbers sums to 0"""
    got = sum_evens([1, 3, 5, -7])
    assert type(got) is int and got == 0, f"sum_evens([1, 3, 5, -7]) should be 0, got {got!r}"


def test_empty():
    """an empty list sums to 0"""
    got = sum_evens([])
    assert type(got) is int and got == 0, f"sum_evens([]) should be 0, got {got!r}"


def test_zero_and_duplicates():
    """0 is even (adding it changes nothing), and a repeated even number counts every time"""
    assert sum_evens([0]) == 0, "sum_evens([0]) should be 0"
    got = sum_evens([2, 2, 2, 0, 1])
    assert got == 6, f"sum_evens([2, 2, 2, 0, 1]) should be 6: each 2 counts, got {got!r}"


def test_single_even():
    """one even number is its own sum"""
    got = sum_evens([8])
    assert got == 8, f"sum_evens([8]) should be 8, got {got!r}"


def test_huge():
    """big integers work exactly"""
    got = sum_evens([10**30, 10**30 + 1, 2])
    assert got == 10**30 + 2, f"sum_evens([10**30, 10**30 + 1, 2]) should be 10**30 + 2, got {got!r}"


def test_input_not_modified():
    """the list passed in is left as it was"""
    numbers = [1, 2, 3]
    sum_evens(numbers)
    assert numbers == [1, 2, 3], f"sum_evens() changed its argument to {numbers!r}"


@given(st.lists(st.integers(min_value=-10**6, max_value=10**6)))
def test_matches_filter_and_sum(numbers):
    """for any list, equals the sum of the items divisible by 2"""
    want = sum(n for n in numbers if n % 2 == 0)
    got = sum_evens(list(numbers))
    assert got == want, f"sum_evens({numbers!r}) should be {want}, got {got!r}"
