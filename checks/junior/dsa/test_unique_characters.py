from hypothesis import Phase, given, settings, strategies as st

from unique_characters import has_unique_chars

# Hypothesis's "explain" phase re-runs a failing test many times: seconds, for a note nobody needs here.
no_explain = settings(phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink])


def check(text, want):
    got = has_unique_chars(text)
    assert type(got) is bool, f"has_unique_chars({text!r}) should return True or False, got {got!r}"
    assert got is want, f"has_unique_chars({text!r}) should be {want}"


def test_typical():
    """'python' has no repeat, 'hello' repeats 'l'"""
    check("python", True)
    check("hello", False)


def test_repeat_far_apart():
    """a repeat is found wherever it is, not only next to each other"""
    check("abcdefa", False)
    check("abcdefgb", False)
    check("xabcdex", False)


def test_empty_and_single():
    """the empty string and a one-character string are unique"""
    check("", True)
    check("z", True)


def test_case_matters():
    """'A' and 'a' are different characters"""
    check("Aa", True)
    check("AbcA", False)


def test_spaces_and_punctuation_count():
    """spaces, digits and punctuation are characters too"""
    check("a b c", False)
    check("a b", True)
    check("1,2,3", False)
    check("1,2", True)
    check("!!", False)


def test_unicode():
    """works for any Unicode character"""
    check("héllo", False)
    check("日本語", True)
    check("🐍🐍", False)
    check("🐍🦀", True)


def test_long_unique_string():
    """a long string of distinct characters is unique"""
    text = "".join(chr(c) for c in range(0x4E00, 0x4E00 + 5000))
    check(text, True)
    check(text + text[2500], False)


@no_explain
@given(st.text(max_size=40))
def test_matches_set_size(text):
    """agrees with comparing the string's length to the size of its set of characters"""
    check(text, len(set(text)) == len(text))
