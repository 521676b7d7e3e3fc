from hypothesis import given, strategies as st

from count_vowels import count_vowels


def test_typical():
    """counts the vowels of a short phrase"""
    got = count_vowels("Hello World")
    assert type(got) is int, f"count_vowels() should return an int, got {type(got).__name__}"
    assert got == 3, f"count_vowels('Hello World') should be 3 (e, o, o), got {got!r}"


def test_every_vowel_once():
    """each of a, e, i, o, u counts"""
    got = count_vowels("education")
    assert got == 5, f"count_vowels('education') should be 5 (e, u, a, i, o), got {got!r}"


def test_upper_case_counts():
    """upper-case vowels count as well as lower-case ones"""
    got = count_vowels("AEIOU aeiou")
    assert got == 10, f"count_vowels('AEIOU aeiou') should be 10: 'A' is a vowel too, got {got!r}"
    got = count_vowels("OPEN")
    assert got == 2, f"count_vowels('OPEN') should be 2, got {got!r}"


def test_y_is_not_a_vowel():
    """y (and Y) is not counted"""
    got = count_vowels("rhythm Myth")
    assert got == 0, f"count_vowels('rhythm Myth') should be 0: y is not a vowel here, got {got!r}"


def test_no_vowels_and_empty():
    """a string without vowels, and the empty string, have 0"""
    assert count_vowels("") == 0, "count_vowels('') should be 0"
    got = count_vowels("xyz 123 !?")
    assert got == 0, f"count_vowels('xyz 123 !?') should be 0, got {got!r}"


def test_repeated_and_only_vowels():
    """repeated vowels each count"""
    got = count_vowels("aaaa")
    assert got == 4, f"count_vowels('aaaa') should be 4, got {got!r}"
    got = count_vowels("queue")
    assert got == 4, f"count_vowels('queue') should be 4 (u, e, u, e), got {got!r}"


def test_accented_letters_do_not_count():
    """only the plain letters a e i o u count: é, ü and Å do not"""
    got = count_vowels("café über Åse")
    assert got == 3, f"count_vowels('café über Åse') should be 3 (the a, e and e; not é, ü or Å), got {got!r}"


@given(st.text(alphabet="aeiouAEIOUyYbcdXZ é!\n1"))
def test_matches_counting_each_vowel(text):
    """for any text, equals the number of characters in 'aeiouAEIOU'"""
    want = sum(text.count(v) for v in "aeiouAEIOU")
    got = count_vowels(text)
    assert got == want, f"count_vowels({text!r}) should be {want}, got {got!r}"
