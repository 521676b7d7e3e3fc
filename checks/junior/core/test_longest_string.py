import pytest
from hypothesis import given, strategies as st

from longest_string import longest


def test_typical():
    """picks the longest of a few strings"""
    got = longest(["a", "abc", "ab"])
    assert type(got) is str, f"longest() should return a str, got {type(got).__name__}"
    assert got == "abc", f"longest(['a', 'abc', 'ab']) should be 'abc', got {got!r}"


def test_first_or_last():
    """the longest may be first or last in the list"""
    got = longest(["python", "go", "c"])
    assert got == "python", f"longest(['python', 'go', 'c']) should be 'python', got {got!r}"
    got = longest(["c", "go", "python"])
    assert got == "python", f"longest(['c', 'go', 'python']) should be 'python', got {got!r}"


def test_tie_goes_to_the_first():
    """when several strings are equally long, the first of them wins"""
    got = longest(["one", "two", "six"])
    assert got == "one", f"longest(['one', 'two', 'six']) should be 'one' (first of the ties), got {got!r}"
    got = longest(["a", "bb", "cc", "d"])
    assert got == "bb", f"longest(['a', 'bb', 'cc', 'd']) should be 'bb', got {got!r}"


def test_single_and_empty_strings():
    """one string is the longest of itself, even the empty string"""
    assert longest(["solo"]) == "solo", "longest(['solo']) should be 'solo'"
    got = longest(["", ""])
    assert got == "", f"longest(['', '']) should be '', got {got!r}"
    got = longest(["", "x", ""])
    assert got == "x", f"longest(['', 'x', '']) should be 'x', got {got!r}"


def test_length_is_in_characters():
    """length counts characters (len()), not bytes: 'ééé' is 3 long, '日本語' is 3 long"""
    got = longest(["ééé", "ab"])
    assert got == "ééé", f"longest(['ééé', 'ab']) should be 'ééé', got {got!r}"
    got = longest(["日本語", "abcd"])
    assert got == "abcd", f"longest(['日本語', 'abcd']) should be 'abcd': 4 characters beat 3, got {got!r}"


def test_not_alphabetical():
    """length decides, not alphabetical order"""
    got = longest(["zz", "aaa"])
    assert got == "aaa", f"longest(['zz', 'aaa']) should be 'aaa': compare len(), not the strings, got {got!r}"


def test_empty_list_raises():
    """an empty list is an error"""
    with pytest.raises(ValueError):
        longest([])


@given(st.lists(st.text(alphabet="abé ", max_size=6), min_size=1))
def test_longest_and_first(strings):
    """for any list: no string is longer, and none before it is as long"""
    got = longest(list(strings))
    want = max(strings, key=len)
    assert got == want, f"longest({strings!r}) should be {want!r}, got {got!r}"
    assert strings.index(got) == strings.index(want)
