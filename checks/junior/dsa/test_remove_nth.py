import pytest
from hypothesis import given, strategies as st

from remove_nth import remove_nth

LETTERS = ["a", "b", "c", "d"]


def check(items, n, want):
    before = list(items)
    got = remove_nth(items, n)
    assert type(got) is list, f"remove_nth({before!r}, {n}) should return a list, got {type(got).__name__}"
    assert got == want, f"remove_nth({before!r}, {n}) should be {want!r}, got {got!r}"
    assert items == before, f"remove_nth({before!r}, {n}) changed the list it was given to {items!r}"
    assert got is not items, "remove_nth() should return a new list, not the one it was given"


def test_typical():
    """removes the element at index 1"""
    check(list(LETTERS), 1, ["a", "c", "d"])


def test_first_and_last():
    """index 0 removes the first element, the last index the last one"""
    check(list(LETTERS), 0, ["b", "c", "d"])
    check(list(LETTERS), 3, ["a", "b", "c"])


def test_negative_index():
    """a negative index counts from the end, like items[-1]"""
    check(list(LETTERS), -1, ["a", "b", "c"])
    check(list(LETTERS), -2, ["a", "b", "d"])
    check(list(LETTERS), -4, ["b", "c", "d"])


def test_single_element():
    """removing the only element leaves an empty list"""
    check([42], 0, [])
    check([42], -1, [])


def test_duplicates_only_that_position():
    """only the element at that position goes, not every equal value"""
    check([7, 7, 7], 1, [7, 7])
    check([1, 2, 1, 2], 2, [1, 2, 2])


def test_out_of_range_raises_index_error():
    """an index past either end raises IndexError, and the list is untouched"""
    for items, n in [(list(LETTERS), 4), (list(LETTERS), 10), (list(LETTERS), -5), ([], 0), ([], -1)]:
        before = list(items)
        with pytest.raises(IndexError):
            remove_nth(items, n)
        assert items == before, f"remove_nth({before!r}, {n}) changed the list before raising"


def test_non_int_index_raises_type_error():
    """an index that is not an int raises TypeError"""
    for n in [1.0, "1", None]:
        with pytest.raises(TypeError):
            remove_nth(list(LETTERS), n)


@given(st.lists(st.integers(), max_size=10), st.integers(min_value=-12, max_value=12))
def test_matches_del(items, n):
    """agrees with deleting that index from a copy, errors included"""
    copy = list(items)
    in_range = -len(items) <= n < len(items)
    if in_range:
        del copy[n]
        check(items, n, copy)
    else:
        with pytest.raises(IndexError):
            remove_nth(items, n)
