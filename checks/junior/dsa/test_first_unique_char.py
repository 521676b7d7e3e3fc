from collections import Counter

from hypothesis import given, strategies as st

from first_unique_char import first_non_repeating
from pyexercise.checklib import time_budget


def oracle(text):
    counts = Counter(text)
    return next((ch for ch in text if counts[ch] == 1), None)


def check(text, want, why=""):
    got = first_non_repeating(text)
    shown = text if len(text) <= 60 else text[:30] + "..." + text[-10:]
    if want is None:
        assert got is None, f"first_non_repeating({shown!r}) should be None, got {got!r}" + (f": {why}" if why else "")
    else:
        assert type(got) is str and got == want, (
            f"first_non_repeating({shown!r}) should be {want!r}, got {got!r}" + (f": {why}" if why else ""))


def test_typical():
    """'swiss' gives 'w' and 'stress' gives 't'"""
    check("swiss", "w")
    check("stress", "t")


def test_first_by_position():
    """of several unique characters, the earliest in the string wins"""
    check("abcab_c-", "_", "both '_' and '-' occur once; '_' comes first")
    check("zyx", "z")
    check("aabbc", "c", "the answer can be the last character")


def test_none_when_all_repeat():
    """None when every character repeats, and for the empty string"""
    check("aabb", None)
    check("abab", None, "repeats need not be next to each other")
    check("", None)


def test_single_character():
    """a one-character string gives that character"""
    check("q", "q")


def test_case_and_punctuation():
    """'a' and 'A' are different; spaces and punctuation are characters"""
    check("aA", "a")
    check("Aa a", "A")
    check("  x  ", "x")
    check("!?!", "?")


def test_unicode():
    """works for accented letters, other scripts and emoji"""
    check("ééa", "a")
    check("日日本", "本")
    check("🐍🦀🐍", "🦀")


def test_long_string_is_fast():
    """a 400,000-character string is handled in O(n) time"""
    text = "ab" * 200_000 + "c"
    with time_budget(2, "first_non_repeating() took over 2 s on 400,000 characters: count each character "
                        "once (a dict or collections.Counter), instead of text.count() for every character"):
        check(text, "c")
        check("xy" * 200_000, None)


@given(st.text(alphabet="abcdAB é", max_size=20))
def test_matches_counting(text):
    """agrees with counting every character first, on any string"""
    check(text, oracle(text))
