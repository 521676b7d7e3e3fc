import itertools
import math
from collections import Counter

from hypothesis import given, strategies as st

from pyexercise.checklib import assert_not_used
from string_permutations import permutations


def oracle(text):
    return sorted({"".join(p) for p in itertools.permutations(text)})


def check(text, want):
    got = permutations(text)
    shown = got if len(got) <= 12 else f"<{len(got)} strings>"
    assert type(got) is list, f"permutations({text!r}) should return a list, got {type(got).__name__}"
    assert all(type(p) is str for p in got), f"permutations({text!r}) should be a list of strings, got {shown}"
    dupes = sorted(p for p, n in Counter(got).items() if n > 1)
    assert not dupes, f"permutations({text!r}) lists some permutations more than once, e.g. {dupes[:3]}"
    assert sorted(got) == want, (
        f"permutations({text!r}) should be the {len(want)} strings {want if len(want) <= 12 else ''}, got {shown}")
    assert got == want, f"permutations({text!r}) has the right strings but should be in sorted order: {want[:6]}..."


def test_three_distinct():
    """'abc' has 6 permutations, in sorted order"""
    check("abc", ["abc", "acb", "bac", "bca", "cab", "cba"])


def test_repeated_characters():
    """repeated characters give each distinct permutation once"""
    check("aab", ["aab", "aba", "baa"])
    check("aaa", ["aaa"])
    check("abab", ["aabb", "abab", "abba", "baab", "baba", "bbaa"])


def test_tiny():
    """the empty string has one permutation (itself), and so does one character"""
    check("", [""])
    check("x", ["x"])
    check("ab", ["ab", "ba"])
    check("ba", ["ab", "ba"])


def test_not_sorted_input():
    """the input need not be sorted; the output always is"""
    check("cba", ["abc", "acb", "bac", "bca", "cab", "cba"])


def test_spaces_digits_unicode():
    """any characters: spaces, digits, accents, emoji"""
    check("a 1", oracle("a 1"))
    check("éa", ["aé", "éa"])
    check("🐍🦀", ["🐍🦀", "🦀🐍"])


def test_count_for_longer_string():
    """seven distinct characters have 7! = 5040 permutations"""
    text = "gfedcba"
    got = permutations(text)
    assert len(got) == math.factorial(7), f"permutations({text!r}) should have 5040 strings, got {len(got)}"
    check(text, oracle(text))


def test_input_characters_kept():
    """every permutation uses each character exactly as often as the input"""
    text = "banana"
    for p in permutations(text):
        assert Counter(p) == Counter(text), f"{p!r} is not a permutation of {text!r}"
    check(text, oracle(text))


def test_no_itertools():
    """the generating is yours: no itertools"""
    assert_not_used("itertools", imports=["itertools"])


@given(st.text(alphabet="abcdé ", max_size=6))
def test_matches_itertools(text):
    """agrees with itertools.permutations (distinct, sorted) on any short string"""
    check(text, oracle(text))
