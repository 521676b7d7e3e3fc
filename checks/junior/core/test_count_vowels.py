import pytest
from hypothesis import given, strategies as st

from count_vowels import count_vowels


@pytest.mark.parametrize("text, want, why", [
    pytest.param("Hello World", 3, " (e, o, o)", id="a short phrase"),
    pytest.param("education", 5, " (e, u, a, i, o)", id="each of a, e, i, o, u"),
    pytest.param("AEIOU aeiou", 10, ": 'A' is a vowel too", id="upper case counts"),
    pytest.param("OPEN", 2, ": upper-case vowels count", id="upper case only"),
    pytest.param("rhythm Myth", 0, ": y is not a vowel here", id="y is not a vowel"),
    pytest.param("", 0, "", id="empty"),
    pytest.param("xyz 123 !?", 0, "", id="no vowels"),
    pytest.param("aaaa", 4, ": repeated vowels each count", id="repeated"),
    pytest.param("queue", 4, " (u, e, u, e)", id="only vowels after the q"),
    pytest.param("café über Åse", 3, " (the a, e and e; not é, ü or Å)", id="accented letters do not count"),
])
def test_counts_the_vowels(text, want, why):
    """counts a, e, i, o, u in either case: not y, not accented letters"""
    got = count_vowels(text)
    assert type(got) is int, f"count_vowels() should return an int, got {type(got).__name__}"
    assert got == want, f"count_vowels({text!r}) should be {want}{why}, got {got!r}"


@given(st.text(alphabet="aeiouAEIOUyYbcdXZ é!\n1"))
def test_matches_counting_each_vowel(text):
    """for any text, equals the number of characters in 'aeiouAEIOU'"""
    want = sum(text.count(v) for v in "aeiouAEIOU")
    got = count_vowels(text)
    assert got == want, f"count_vowels({text!r}) should be {want}, got {got!r}"
