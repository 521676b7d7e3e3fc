import pytest
from hypothesis import given, strategies as st

from char_occurrences import count_char
from pyexercise.checklib import assert_not_used


def test_typical():
    """counts every occurrence of the character"""
    got = count_char("banana", "a")
    assert type(got) is int, f"count_char() should return an int, got {type(got).__name__}"
    assert got == 3, f"count_char('banana', 'a') should be 3, got {got!r}"


def test_first_and_last_positions():
    """occurrences at the very start and end count"""
    got = count_char("abca", "a")
    assert got == 2, f"count_char('abca', 'a') should be 2 (first and last), got {got!r}"


def test_absent_and_empty_text():
    """a character that is not there, or an empty text, gives 0"""
    assert count_char("banana", "z") == 0, "count_char('banana', 'z') should be 0"
    assert count_char("", "a") == 0, "count_char('', 'a') should be 0"


def test_case_sensitive_by_default():
    """by default 'B' and 'b' are different characters"""
    got = count_char("Bob builds", "b")
    assert got == 2, f"count_char('Bob builds', 'b') should be 2 (not the capital B), got {got!r}"
    got = count_char("Bob builds", "B")
    assert got == 1, f"count_char('Bob builds', 'B') should be 1, got {got!r}"


def test_ignore_case():
    """ignore_case=True counts both cases, whichever case char is given in"""
    got = count_char("Bob builds", "b", ignore_case=True)
    assert got == 3, f"count_char('Bob builds', 'b', ignore_case=True) should be 3, got {got!r}"
    got = count_char("Bob builds", "B", ignore_case=True)
    assert got == 3, f"count_char('Bob builds', 'B', ignore_case=True) should be 3, got {got!r}"
    got = count_char("Éé e", "é", ignore_case=True)
    assert got == 2, f"count_char('Éé e', 'é', ignore_case=True) should be 2, got {got!r}"


def test_ignore_case_is_keyword_only_and_false_by_default():
    """ignore_case is a keyword argument that defaults to False"""
    with pytest.raises(TypeError):
        count_char("aA", "a", True)
    got = count_char("aA", "a", ignore_case=False)
    assert got == 1, f"count_char('aA', 'a', ignore_case=False) should be 1, got {got!r}"


def test_spaces_punctuation_and_unicode():
    """any character can be counted: spaces, punctuation, emoji"""
    assert count_char("a b  c", " ") == 3, "count_char('a b  c', ' ') should be 3"
    assert count_char("Hi!!!", "!") == 3, "count_char('Hi!!!', '!') should be 3"
    assert count_char("🐍x🐍", "🐍") == 2, "count_char('🐍x🐍', '🐍') should be 2"


def test_char_must_be_one_character():
    """char must be exactly one character: '' and 'an' raise ValueError"""
    with pytest.raises(ValueError):
        count_char("banana", "")
    with pytest.raises(ValueError):
        count_char("banana", "an")


def test_does_not_use_count():
    """the loop is yours: no str.count() or collections.Counter"""
    assert_not_used("str.count() or Counter", attributes=["count", "Counter"], names=["Counter"],
                    imports=["collections"])


@given(st.text(alphabet="aAbB é", max_size=30), st.sampled_from("aAbB é"), st.booleans())
def test_matches_str_count(text, char, ignore_case):
    """for any text, agrees with str.count (on lower-cased text when ignoring case)"""
    want = text.lower().count(char.lower()) if ignore_case else text.count(char)
    got = count_char(text, char, ignore_case=ignore_case)
    assert got == want, f"count_char({text!r}, {char!r}, ignore_case={ignore_case}) should be {want}, got {got!r}"
