from collections import Counter

import pytest
from hypothesis import given, strategies as st

from anagram_check import are_anagrams


def check(first, second, want, why=""):
    got = are_anagrams(first, second)
    assert type(got) is bool, f"are_anagrams({first!r}, {second!r}) should return True or False, got {got!r}"
    assert got is want, f"are_anagrams({first!r}, {second!r}) should be {want}" + (f": {why}" if why else "")


def oracle(first, second):
    def letters(text):
        return Counter(ch for ch in text.lower() if not ch.isspace())
    return letters(first) == letters(second)


@pytest.mark.parametrize("first, second, want", [("listen", "silent", True), ("hello", "world", False),
                                                  ("evil", "vile", True)])
def test_typical(first, second, want):
    """'listen' and 'silent' are anagrams; 'hello' and 'world' are not"""
    check(first, second, want)


@pytest.mark.parametrize("first, second, want, why", [
    ("aab", "abb", False, "both use a and b, but not equally often"), ("aabb", "abab", True, ""),
    ("abc", "abcc", False, "the second has an extra c"),
])
def test_counts_matter(first, second, want, why):
    """each character must occur the same number of times, not just appear"""
    check(first, second, want, why)


@pytest.mark.parametrize("first, second", [("abc", "abcd"), ("abcd", "abc")])
def test_different_lengths(first, second):
    """a string and a longer one with the same letters plus more are not anagrams"""
    check(first, second, False)


@pytest.mark.parametrize("first, second", [("Listen", "Silent"), ("ABC", "cba"), ("Tea", "EAT")])
def test_case_ignored(first, second):
    """upper and lower case count as the same letter"""
    check(first, second, True)


@pytest.mark.parametrize("first, second, why", [
    ("Dormitory", "dirty room", ""), ("the eyes", "they see", ""),
    ("a\tb\nc", "cba", "tabs and newlines are whitespace too"), ("  ", "", "only whitespace is like an empty string"),
])
def test_whitespace_ignored(first, second, why):
    """spaces, tabs and newlines are ignored, wherever they are"""
    check(first, second, True, why)


@pytest.mark.parametrize("first, second, want, why", [
    ("a,b", "b,a", True, ""), ("a,b", "ab", False, "the comma is a character"), ("123", "321", True, ""),
    ("12", "123", False, ""),
])
def test_punctuation_and_digits_count(first, second, want, why):
    """every character other than whitespace counts"""
    check(first, second, want, why)


@pytest.mark.parametrize("first, second, want", [("stop", "stop", True), ("", "", True), ("", "a", False),
                                                  ("a", "", False)])
def test_same_and_empty(first, second, want):
    """a string is an anagram of itself, and two empty strings are anagrams"""
    check(first, second, want)


@pytest.mark.parametrize("first, second, want, why", [
    ("été", "éét", True, ""), ("Été", "téé", True, "É lowered is é"), ("éte", "ete", False, "é is not e"),
    ("日本", "本日", True, ""),
])
def test_unicode(first, second, want, why):
    """accented letters and other scripts are characters like any other"""
    check(first, second, want, why)


@given(st.text(alphabet="abcABC é É,1\t", max_size=12), st.randoms(use_true_random=False))
def test_shuffled_is_anagram(text, rnd):
    """a shuffled copy of any string, with its case changed, is an anagram of it"""
    chars = list(text)
    rnd.shuffle(chars)
    other = "".join(ch.upper() if rnd.random() < 0.5 else ch.lower() for ch in chars)
    check(text, other, True)


@given(st.text(alphabet="abcAB é,\t", max_size=8), st.text(alphabet="abcAB é,\t", max_size=8))
def test_matches_counting(first, second):
    """agrees with counting the characters of both strings (case and whitespace ignored)"""
    check(first, second, oracle(first, second))
