import string

from hypothesis import given, strategies as st

from strip_punctuation import remove_punctuation


def check(sentence, want, why=""):
    got = remove_punctuation(sentence)
    assert type(got) is str, f"remove_punctuation() should return a str, got {type(got).__name__}"
    assert got == want, f"remove_punctuation({sentence!r}) should be {want!r}{why}, got {got!r}"


def test_typical():
    """commas and exclamation marks go, the words stay"""
    check("Hello, world!", "Hello world")


def test_apostrophes_and_brackets():
    """apostrophes, dots and brackets are punctuation too"""
    check("It's 5 o'clock... (really?)", "Its 5 oclock really")


def test_every_punctuation_character():
    """each of the 32 characters of string.punctuation is removed"""
    check(string.punctuation, "", ": every character of string.punctuation is punctuation")
    check("a" + "a".join(string.punctuation) + "a", "a" * 33)


def test_whitespace_is_kept():
    """spaces, tabs and newlines stay, even when that leaves two spaces together"""
    check("one - two", "one  two", ": the spaces on both sides of '-' stay")
    check("a,\tb.\nc", "a\tb\nc")
    check("  x  ", "  x  ")


def test_digits_and_letters_are_kept():
    """letters and digits are never removed"""
    check("abc XYZ 0123456789", "abc XYZ 0123456789")


def test_accented_letters_are_kept():
    """non-ASCII letters are not punctuation"""
    check("Café, crème & brûlée!", "Café crème  brûlée")


def test_empty_and_only_punctuation():
    """an empty sentence stays empty; a sentence of only punctuation becomes empty"""
    check("", "")
    check("?!...", "")


def test_punctuation_at_the_ends():
    """punctuation at the very start and end is removed too"""
    check("'quoted'", "quoted")
    check("-dash-", "dash")


@given(st.text(alphabet=string.punctuation + "aZé 1\t"))
def test_removes_exactly_the_punctuation(sentence):
    """for any text: what is left is the text with only the punctuation taken out"""
    want = "".join(ch for ch in sentence if ch not in string.punctuation)
    check(sentence, want)
