import string

import pytest
from hypothesis import given, strategies as st

from strip_punctuation import remove_punctuation


@pytest.mark.parametrize("sentence, want, why", [
    pytest.param("Hello, world!", "Hello world", "", id="typical"),
    pytest.param("It's 5 o'clock... (really?)", "Its 5 oclock really", ": apostrophes, dots and brackets go too",
                 id="apostrophes and brackets"),
    pytest.param(string.punctuation, "", ": every character of string.punctuation is punctuation",
                 id="all of string.punctuation"),
    pytest.param("a" + "a".join(string.punctuation) + "a", "a" * 33, ": each of the 32 characters goes",
                 id="each punctuation character between letters"),
    pytest.param("one - two", "one  two", ": the spaces on both sides of '-' stay", id="spaces are kept"),
    pytest.param("a,\tb.\nc", "a\tb\nc", ": tabs and newlines stay", id="tabs and newlines are kept"),
    pytest.param("  x  ", "  x  ", "", id="leading and trailing spaces are kept"),
    pytest.param("abc XYZ 0123456789", "abc XYZ 0123456789", ": letters and digits are never removed",
                 id="digits and letters are kept"),
    pytest.param("Café, crème & brûlée!", "Café crème  brûlée", ": non-ASCII letters are not punctuation",
                 id="accented letters are kept"),
    pytest.param("", "", "", id="empty"),
    pytest.param("?!...", "", "", id="only punctuation"),
    pytest.param("'quoted'", "quoted", "", id="quotes at the ends"),
    pytest.param("-dash-", "dash", "", id="dashes at the ends"),
])
def test_removes_punctuation(sentence, want, why):
    """the characters of string.punctuation go; letters, digits and whitespace stay as they were"""
    got = remove_punctuation(sentence)
    assert type(got) is str, f"remove_punctuation() should return a str, got {type(got).__name__}"
    assert got == want, f"remove_punctuation({sentence!r}) should be {want!r}{why}, got {got!r}"


@given(st.text(alphabet=string.punctuation + "aZé 1\t"))
def test_removes_exactly_the_punctuation(sentence):
    """for any text: what is left is the text with only the punctuation taken out"""
    want = "".join(ch for ch in sentence if ch not in string.punctuation)
    got = remove_punctuation(sentence)
    assert got == want, f"remove_punctuation({sentence!r}) should be {want!r}, got {got!r}"
