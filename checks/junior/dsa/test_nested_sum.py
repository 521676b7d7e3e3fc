import math

import pytest
from hypothesis import given, strategies as st

from nested_sum import nested_sum


def check(data, want, why=""):
    got = nested_sum(data)
    assert type(got) is type(want), (
        f"nested_sum({data!r}) should return {type(want).__name__} {want!r}, got {type(got).__name__} {got!r}")
    if isinstance(want, float):
        assert math.isclose(got, want), f"nested_sum({data!r}) should be about {want!r}, got {got!r}"
    else:
        assert got == want, f"nested_sum({data!r}) should be {want!r}, got {got!r}" + (f": {why}" if why else "")


def test_list_of_lists():
    """sums a plain list of lists"""
    check([[1, 2], [3, 4]], 10)
    check([[5], [6, 7, 8]], 26)


def test_flat_and_mixed():
    """numbers and lists can be mixed at the same level"""
    check([1, 2, 3], 6)
    check([1, [2, 3], 4], 10)


def test_deep_nesting():
    """lists inside lists inside lists are summed too"""
    check([1, [2, [3, [4]]]], 10, "go into every level, not just the first")
    check([[[[[[[[[[42]]]]]]]]]], 42)
    data = 7
    for _ in range(200):
        data = [data, 1]
    check(data, 207, "200 levels deep")


def test_empty_lists():
    """empty lists add nothing; an empty list sums to 0"""
    check([], 0)
    check([[], [[]], [[], []]], 0)
    check([[], 5, []], 5)


def test_negatives_floats_and_big_ints():
    """negative numbers and floats count; big integers stay exact"""
    check([-1, [-2, 3]], 0)
    check([0.5, [0.25, [0.25]]], 1.0)
    check([10**30, [1]], 10**30 + 1, "ints must stay exact: don't convert to float")


def test_not_numbers_raise_type_error():
    """strings, None, tuples, dicts and bools are not numbers or lists: TypeError"""
    for data in (["3"], [1, [2, "x"]], [None], [[1, (2, 3)]], [{"a": 1}], [True], [[1, False]]):
        with pytest.raises(TypeError):
            nested_sum(data)


def test_input_unchanged():
    """the nested list is left as it was"""
    data = [1, [2, [3]], []]
    nested_sum(data)
    assert data == [1, [2, [3]], []], f"nested_sum() changed its argument to {data!r}"


def flatten(data):
    for item in data:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


nested = st.recursive(st.integers(min_value=-10**6, max_value=10**6),
                      lambda inner: st.lists(inner, max_size=4), max_leaves=20)


@given(st.lists(nested, max_size=5))
def test_matches_flatten(data):
    """agrees with flattening the list and summing it, for any nesting"""
    check(data, sum(flatten(data)))
