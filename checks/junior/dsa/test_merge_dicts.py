import copy

import pytest
from hypothesis import given, strategies as st

from merge_dicts import merge_dicts


def check(first, second, want, **kwargs):
    before = copy.deepcopy((first, second))
    got = merge_dicts(first, second, **kwargs)
    call = f"merge_dicts({before[0]!r}, {before[1]!r}{', combine=...' if kwargs else ''})"
    assert type(got) is dict, f"{call} should return a dict, got {type(got).__name__}"
    assert got == want, f"{call} should be {want!r}, got {got!r}"
    assert list(got) == list(want), f"{call} should have its keys in the order {list(want)}, got {list(got)}"
    assert (first, second) == before, f"{call} changed its arguments to {first!r} and {second!r}"
    assert got is not first and got is not second, f"{call} should return a new dict"
    return got


def test_counts_add_up():
    """values of shared keys are added; other keys are kept"""
    check({"apples": 3, "pears": 1}, {"apples": 2, "plums": 5}, {"apples": 5, "pears": 1, "plums": 5})


def test_no_shared_keys():
    """with no key in common, the result holds every pair of both"""
    check({"a": 1}, {"b": 2}, {"a": 1, "b": 2})


def test_empty_dicts():
    """merging with an empty dict copies the other one"""
    check({}, {}, {})
    check({"a": 1}, {}, {"a": 1})
    check({}, {"a": 1}, {"a": 1})


def test_key_order():
    """the keys of first come first, in order; then the new keys of second"""
    check({"x": 1, "y": 2}, {"z": 3, "y": 4, "w": 5}, {"x": 1, "y": 6, "z": 3, "w": 5})


def test_lists_and_strings_join():
    """the default + joins lists and strings, first's value first"""
    check({"a": [1]}, {"a": [2, 3]}, {"a": [1, 2, 3]})
    check({"greet": "hello "}, {"greet": "world"}, {"greet": "hello world"})


def test_values_not_mutated():
    """combining lists must not change the lists inside either dict"""
    inner_first, inner_second = [1], [2]
    first, second = {"a": inner_first}, {"a": inner_second}
    got = merge_dicts(first, second)
    assert got == {"a": [1, 2]}, f"merge_dicts({{'a': [1]}}, {{'a': [2]}}) should be {{'a': [1, 2]}}, got {got!r}"
    assert inner_first == [1] and inner_second == [2], (
        f"merging changed the lists inside the dicts to {inner_first} and {inner_second}: "
        "`merged[key] += value` extends first's own list; assign `merged[key] = merged[key] + value`")


def test_custom_combine():
    """a combine function replaces +, called with (first's value, second's value)"""
    check({"a": 1, "b": 7}, {"a": 9}, {"a": 9, "b": 7}, combine=max)
    check({"a": 10}, {"a": 3}, {"a": 7}, combine=lambda x, y: x - y)
    check({"a": 1}, {"a": 2}, {"a": (1, 2)}, combine=lambda x, y: (x, y))


def test_combine_only_for_shared_keys():
    """combine is called exactly once per shared key, and for no other key"""
    calls = []

    def record(x, y):
        calls.append((x, y))
        return x * y

    check({"a": 2, "b": 3, "c": 4}, {"c": 5, "a": 6, "d": 7}, {"a": 12, "b": 3, "c": 20, "d": 7}, combine=record)
    assert sorted(calls) == [(2, 6), (4, 5)], (
        f"combine should be called once for 'a' with (2, 6) and once for 'c' with (4, 5); it was called with {calls}")


def test_incompatible_values_raise():
    """values that cannot be added raise the TypeError from +"""
    with pytest.raises(TypeError):
        merge_dicts({"a": 1}, {"a": "x"})


keys = st.sampled_from("abcdefg")


@given(st.dictionaries(keys, st.integers()), st.dictionaries(keys, st.integers()))
def test_matches_model(first, second):
    """agrees with a straightforward merge on any two dicts of ints"""
    want = dict(first)
    for k, v in second.items():
        want[k] = want[k] + v if k in want else v
    check(first, second, want)
