from hypothesis import given, strategies as st

from pyexercise.checklib import assert_not_used
from title_case import title_case


def check(text, want, why=""):
    got = title_case(text)
    assert type(got) is str, f"title_case() should return a str, got {type(got).__name__}"
    assert got == want, f"title_case({text!r}) should be {want!r}{why}, got {got!r}"


def test_typical():
    """each word starts with a capital letter"""
    check("hello world", "Hello World")
    check("the quick brown fox", "The Quick Brown Fox")


def test_rest_of_word_is_lower_case():
    """after the first letter, every letter of a word is lower case"""
    check("hello wORLD", "Hello World")
    check("PYTHON", "Python")


def test_single_letter_words():
    """a one-letter word is just capitalized"""
    check("a b c", "A B C")
    check("x", "X")


def test_apostrophes_do_not_start_words():
    """an apostrophe inside a word does not start a new word (unlike str.title())"""
    check("they're here", "They're Here")
    check("don't stop", "Don't Stop")


def test_digits_do_not_start_words():
    """a word beginning with a digit keeps the rest lower case (unlike str.title())"""
    check("3rd place", "3rd Place")
    check("route 66a", "Route 66a")


def test_hyphenated_words_are_one_word():
    """words are separated by whitespace only: a hyphen does not start a word"""
    check("well-known fact", "Well-known Fact")


def test_whitespace_is_kept_exactly():
    """leading, trailing and repeated whitespace (tabs, newlines) stays as it was"""
    check("  hello   world  ", "  Hello   World  ")
    check("one\ttwo\nthree", "One\tTwo\nThree")


def test_empty_and_blank():
    """the empty string and blank strings come back unchanged"""
    check("", "")
    check(" \t ", " \t ")


def test_unicode_letters():
    """accented letters change case like any other"""
    check("élan ÉCOLE", "Élan École")


def test_no_title_or_capwords():
    """str.title() and string.capwords() get the edge cases wrong: don't use them"""
    assert_not_used("str.title() or string.capwords()", attributes=["title", "capwords"], names=["capwords"])


def oracle(text):
    out, start = [], True
    for ch in text:
        out.append(ch if ch.isspace() else (ch.upper() if start else ch.lower()))
        start = ch.isspace()
    return "".join(out)


@given(st.text(alphabet="abZYéÉ'3- \t\n", max_size=20))
def test_any_text(text):
    """for any text: word starts upper case, the rest lower case, whitespace untouched"""
    check(text, oracle(text))
