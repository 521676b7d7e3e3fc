import pytest
from hypothesis import given, strategies as st

from unique_characters import has_unique_chars

LONG = "".join(chr(c) for c in range(0x4E00, 0x4E00 + 5000))  # 5,000 distinct characters


def check(text, want):
    got = has_unique_chars(text)
    shown = repr(text) if len(text) <= 40 else f"<{len(text):,} characters>"
    assert type(got) is bool, f"has_unique_chars({shown}) should return True or False, got {got!r}"
    assert got is want, f"has_unique_chars({shown}) should be {want}"


@pytest.mark.parametrize("text, want", [
    pytest.param("python", True, id="typical unique"),
    pytest.param("hello", False, id="typical repeat"),
    pytest.param("abcdefa", False, id="repeat at both ends"),
    pytest.param("abcdefgb", False, id="repeat far apart"),
    pytest.param("xabcdex", False, id="repeat at both ends, inside"),
    pytest.param("", True, id="empty"),
    pytest.param("z", True, id="single"),
    pytest.param("Aa", True, id="case matters"),
    pytest.param("AbcA", False, id="same case repeats"),
    pytest.param("a b c", False, id="spaces are characters"),
    pytest.param("a b", True, id="one space"),
    pytest.param("1,2,3", False, id="punctuation repeats"),
    pytest.param("1,2", True, id="digits and punctuation"),
    pytest.param("!!", False, id="only punctuation"),
    pytest.param("héllo", False, id="accented"),
    pytest.param("日本語", True, id="CJK"),
    pytest.param("🐍🐍", False, id="emoji repeat"),
    pytest.param("🐍🦀", True, id="emoji"),
    pytest.param(LONG, True, id="long unique string"),
    pytest.param(LONG + LONG[2500], False, id="long string with one repeat"),
])
def test_unique_or_not(text, want):
    """True when no character appears twice: anywhere, any case, any kind of character"""
    check(text, want)


@given(st.text(max_size=40))
def test_matches_set_size(text):
    """agrees with comparing the string's length to the size of its set of characters"""
    check(text, len(set(text)) == len(text))
