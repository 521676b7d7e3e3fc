from hypothesis import given, strategies as st

from palindrome_check import is_palindrome


def check(text, want, why=""):
    got = is_palindrome(text)
    assert type(got) is bool, f"is_palindrome() should return True or False, got {got!r}"
    assert got is want, f"is_palindrome({text!r}) should be {want}{why}"


def test_simple_words():
    """a word that reads the same both ways is a palindrome; others are not"""
    check("racecar", True)
    check("level", True)
    check("hello", False)


def test_even_length():
    """even-length palindromes have no middle letter"""
    check("abba", True)
    check("abca", False, ": the middle letters differ")
    check("ab", False)


def test_almost_palindromes():
    """only one letter off, near the middle or at the ends, is not a palindrome"""
    check("abcdba", False, ": 'c' and 'd' in the middle differ")
    check("racecat", False, ": the last letter differs from the first")
    check("xacecar", False, ": the first letter differs from the last")


def test_case_is_ignored():
    """upper and lower case count as the same letter"""
    check("Racecar", True, ": 'R' and 'r' are the same letter")
    check("NooN", True)


def test_spaces_and_punctuation_are_skipped():
    """only letters and digits are compared"""
    check("A man, a plan, a canal: Panama!", True)
    check("Was it a car or a cat I saw?", True)
    check("never odd or even", True)
    check("No 'x' in Nixon", True)
    check("race a car", False)


def test_digits_count():
    """digits are compared like letters"""
    check("12321", True)
    check("12-21", True)
    check("123", False)
    check("1a1", True)
    check("1a2", False)


def test_empty_and_single():
    """nothing to compare, or a single character, is a palindrome"""
    check("", True)
    check("x", True)
    check("?!", True, ": there are no letters or digits left to differ")


def test_unicode_letters():
    """accented letters are letters too"""
    check("Ésé", True)
    check("été", True)
    check("éte", False, ": 'é' and 'e' are different letters")


ALPHABET = "abAB1 ,!"


def oracle(text):
    chars = [c for c in text.lower() if c.isalnum()]
    return chars == chars[::-1]


@given(st.text(alphabet=ALPHABET, max_size=12))
def test_matches_cleaned_reverse(text):
    """for any text, agrees with comparing its cleaned letters to their reverse"""
    check(text, oracle(text))


@given(st.text(alphabet=ALPHABET, max_size=8), st.sampled_from(["", "a", "B", "1", " "]))
def test_mirrored_text_is_palindrome(half, middle):
    """any text followed by its mirror image is a palindrome"""
    check(half + middle + half[::-1], True)
