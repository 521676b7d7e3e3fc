from hypothesis import given, strategies as st

from pyexercise.checklib import assert_not_used
from reverse_string import reverse_string


def test_typical():
    """reverses a word"""
    got = reverse_string("hello")
    assert type(got) is str, f"reverse_string() should return a str, got {type(got).__name__}"
    assert got == "olleh", f"reverse_string('hello') should be 'olleh', got {got!r}"


def test_sentence_with_spaces():
    """spaces and punctuation are characters like any other"""
    got = reverse_string("Hi, you!")
    assert got == "!uoy ,iH", f"reverse_string('Hi, you!') should be '!uoy ,iH', got {got!r}"


def test_empty_and_single():
    """the empty string and a single character are their own reverse"""
    assert reverse_string("") == "", "reverse_string('') should be ''"
    assert reverse_string("x") == "x", "reverse_string('x') should be 'x'"


def test_two_characters():
    """two characters swap places"""
    got = reverse_string("ab")
    assert got == "ba", f"reverse_string('ab') should be 'ba', got {got!r}"


def test_palindrome_and_repeats():
    """a palindrome reverses to itself; repeated letters are all kept"""
    assert reverse_string("racecar") == "racecar", "reverse_string('racecar') should be 'racecar'"
    got = reverse_string("aab")
    assert got == "baa", f"reverse_string('aab') should be 'baa', got {got!r}"


def test_unicode():
    """non-ASCII characters and emoji are reversed as whole characters"""
    got = reverse_string("héllo🐍")
    assert got == "🐍olléh", f"reverse_string('héllo🐍') should be '🐍olléh', got {got!r}"


def test_long_string():
    """a long string works (and is quick)"""
    text = "abcdefghij" * 10_000
    got = reverse_string(text)
    assert got == "jihgfedcba" * 10_000, "reverse_string() got a 100 000-character string wrong"


def test_no_builtin_reverse():
    """no [::-1] slice, reversed() or .reverse(): the reversing is yours"""
    assert_not_used("built-in reversing", names=["reversed", "[::-1]"], attributes=["reverse"])


@given(st.text(alphabet="abcXYZ019 \t\n,!éß日🐍"))
def test_reverse_properties(text):
    """for any text: the i-th character from the end comes i-th, and reversing twice gives it back"""
    got = reverse_string(text)
    assert got == text[::-1], f"reverse_string({text!r}) should be {text[::-1]!r}, got {got!r}"
    assert reverse_string(got) == text, "reversing twice should give back the original"
