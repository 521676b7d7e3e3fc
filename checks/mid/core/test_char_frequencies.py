import collections
import unicodedata

import pytest
from hypothesis import given, strategies as st

from char_frequencies import char_frequencies, most_common
from pyexercise.checklib import assert_not_used, time_budget

FORMS = ["NFC", "NFD", "NFKC", "NFKD", None]
# characters whose folding or normal forms trip up the obvious solutions
TRICKY = "aAbB \nßẞσςΣeEé\u0301\u030c\u01f0JjİıiIﬁ①Å\u212bå"


def _char(c: str) -> str:
    """A character as the learner can read it: combining marks and invisibles as \\u escapes."""
    if c.isprintable() and not unicodedata.combining(c) and c not in "\u212b\u00c5":
        return c
    return f"\\u{ord(c):04x}"


def show_text(text: str) -> str:
    return "'" + "".join(_char(c) for c in text) + "'"


def show(freqs: dict) -> str:
    return "{" + ", ".join(f"{show_text(k)}: {v!r}" for k, v in freqs.items()) + "}"


def expect(text, want: dict, why: str = "", **kwargs) -> None:
    got = char_frequencies(text, **kwargs)
    args = ", ".join([show_text(text)] + [f"{k}={v!r}" for k, v in kwargs.items()])
    call = f"char_frequencies({args})"
    why = f": {why}" if why else ""
    assert type(got) is dict, f"{call} should return a plain dict, got {type(got).__name__}"
    assert got == want, f"{call} should be {show(want)}{why}; got {show(got)}"
    assert list(got) == list(want), (f"{call}: the keys should come in order of first appearance, "
                                     f"{show(want)}; got {show(got)}")
    assert all(type(v) is int for v in got.values()), f"{call}: every count should be an int, got {got!r}"


def test_counts_each_character():
    """each character is counted, keys in order of first appearance"""
    expect("hello", {"h": 1, "e": 1, "l": 2, "o": 1})
    expect("banana", {"b": 1, "a": 3, "n": 2}, "'b' appears first, then 'a', then 'n'")
    expect("a b\n", {"a": 1, " ": 1, "b": 1, "\n": 1}, "spaces and newlines are characters too")
    expect("", {}, "an empty text has no characters")


def test_case_sensitive_by_default():
    """without ignore_case, 'A' and 'a' are different characters"""
    expect("AaA", {"A": 2, "a": 1})
    expect("Straße", {"S": 1, "t": 1, "r": 1, "a": 1, "ß": 1, "e": 1},
           "without ignore_case nothing is folded, so 'ß' stays one 'ß'")


def test_nfc_is_the_default():
    """by default (NFC) both spellings of é count as one composed é"""
    expect("e\u0301\u00e9", {"\u00e9": 2},
           "'e' + U+0301 and U+00E9 are the same letter; NFC composes both into U+00E9")
    expect("\u212b\u00c5", {"\u00c5": 2}, "the Angstrom sign U+212B is the letter U+00C5 in NFC")
    expect("e\u0301\u00e9", {"\u00e9": 2}, "", normalize="NFC")


def test_nfd_decomposes():
    """NFD splits é into e and a combining accent, whichever way it was written"""
    expect("e\u0301\u00e9", {"e": 2, "\u0301": 2}, "NFD writes each é as 'e' + U+0301", normalize="NFD")
    expect("\u00e9te\u0301", {"e": 2, "\u0301": 2, "t": 1}, "", normalize="NFD")


def test_nfkc_folds_compatibility_characters():
    """NFKC/NFKD also turn ligatures and circled digits into plain characters"""
    expect("ﬁ①", {"f": 1, "i": 1, "1": 1}, "NFKC turns the ligature 'ﬁ' into 'f' 'i' and '①' into '1'",
           normalize="NFKC")
    expect("ﬁé", {"f": 1, "i": 1, "e": 1, "\u0301": 1}, "NFKD decomposes as well", normalize="NFKD")
    expect("ﬁ①", {"ﬁ": 1, "①": 1}, "plain NFC keeps compatibility characters as they are")


def test_none_counts_code_points_as_given():
    """normalize=None counts exactly the code points given"""
    expect("e\u0301\u00e9", {"e": 1, "\u0301": 1, "\u00e9": 1},
           "with normalize=None nothing is composed or decomposed", normalize=None)
    expect("E\u0301", {"e": 1, "\u0301": 1}, "folding only changes the case", normalize=None, ignore_case=True)


def test_ignore_case_uses_casefold():
    """ignore_case folds with casefold(): ß is ss, and every sigma is σ"""
    expect("Straße", {"s": 3, "t": 1, "r": 1, "a": 1, "e": 1},
           "'ß'.casefold() is 'ss' ('ß'.lower() is still 'ß'): use casefold()", ignore_case=True)
    expect("ẞß", {"s": 4}, "the capital ẞ and the small ß both fold to 'ss'", ignore_case=True)
    expect("Σσς", {"σ": 3}, "casefold() turns the final sigma 'ς' into 'σ' too (lower() does not)",
           ignore_case=True)
    expect("bBaA", {"b": 2, "a": 2}, "folded keys come in order of first appearance", ignore_case=True)
    expect("Hello", {"h": 1, "e": 1, "l": 2, "o": 1}, "", ignore_case=True)


def test_normal_form_after_folding():
    """after casefold() the keys are normalized again: folding can undo NFC"""
    expect("J\u030c\u01f0", {"\u01f0": 2},
           "'\u01f0' (U+01F0) folds to 'j' + U+030C: normalize again after casefold() and NFC composes "
           "it back into U+01F0", ignore_case=True)
    expect("J\u030c\u01f0", {"j": 2, "\u030c": 2}, "", ignore_case=True, normalize="NFD")
    expect("İ", {"i": 1, "\u0307": 1}, "'İ' folds to 'i' + U+0307, which has no composed form",
           ignore_case=True)
    expect("\u212b", {"\u00e5": 1}, "the Angstrom sign composes to 'Å', which folds to 'å'", ignore_case=True)


@pytest.mark.parametrize("form", ["NFX", "nfc", "", "NFC "])
@pytest.mark.parametrize("text", ["abc", ""])
def test_invalid_normal_form(form, text):
    """an unknown normal form is a ValueError, even for an empty text"""
    with pytest.raises(ValueError):
        char_frequencies(text, normalize=form)
        pytest.fail(f"char_frequencies({text!r}, normalize={form!r}) should raise ValueError: the forms are "
                    "'NFC', 'NFD', 'NFKC', 'NFKD' or None (unicodedata.normalize does not check the form "
                    "of an empty text: check it yourself)")


@pytest.mark.parametrize("bad", [b"abc", ["a", "b"], None, 42])
def test_text_must_be_a_str(bad):
    """text that is not a str is a TypeError, whatever the normal form"""
    for form in ("NFC", None):
        with pytest.raises(TypeError):
            char_frequencies(bad, normalize=form)
            pytest.fail(f"char_frequencies({bad!r}, normalize={form!r}) should raise TypeError: "
                        "only a str is text")


def check_most_common(freqs, k, want, why=""):
    before = list(freqs.items())
    got = most_common(freqs, k) if k is not None else most_common(freqs)
    call = f"most_common({freqs!r}{'' if k is None else f', {k}'})"
    why = f": {why}" if why else ""
    assert type(got) is list, f"{call} should return a list, got {type(got).__name__}"
    assert all(type(p) is tuple for p in got), f"{call} should hold (character, count) tuples, got {got!r}"
    assert got == want, f"{call} should be {want!r}{why}; got {got!r}"
    assert list(freqs.items()) == before, f"{call} changed its argument to {freqs!r}: leave it as it is"


def test_most_common_example():
    """most_common ranks by count, the first seen character winning a tie"""
    freqs = char_frequencies("mississippi")
    check_most_common(freqs, 2, [("i", 4), ("s", 4)], "'i' and 's' both appear 4 times; 'i' appears first")
    check_most_common(freqs, None, [("i", 4), ("s", 4), ("p", 2), ("m", 1)], "k=None gives every pair")


def test_most_common_ties_keep_mapping_order():
    """equal counts keep the mapping's order: not alphabetical, not reversed"""
    freqs = {"b": 2, "a": 2, "c": 3, "d": 2}
    check_most_common(freqs, None, [("c", 3), ("b", 2), ("a", 2), ("d", 2)],
                      "'b', 'a' and 'd' tie, so they stay in the mapping's order (sorted() is stable, "
                      "also with reverse=True)")
    check_most_common(freqs, 2, [("c", 3), ("b", 2)], "'b' comes before 'a' in the mapping")
    check_most_common({"z": 1, "y": 5}, 1, [("y", 5)])


def test_most_common_edges():
    """k=0, k beyond the size, an empty mapping, and a negative k"""
    freqs = {"x": 1, "y": 2}
    check_most_common(freqs, 0, [], "k=0 asks for no pairs")
    check_most_common(freqs, 10, [("y", 2), ("x", 1)], "a k larger than the mapping gives every pair")
    check_most_common({}, None, [], "no characters, no pairs")
    check_most_common({}, 3, [])
    for k in (-1, -5):
        with pytest.raises(ValueError):
            most_common(freqs, k)
            pytest.fail(f"most_common(freqs, {k}) should raise ValueError: k cannot be negative")


tricky_text = st.text(alphabet=st.one_of(st.sampled_from(TRICKY), st.characters()), max_size=30)


def oracle(text: str, ignore_case: bool, normalize) -> collections.Counter:
    if normalize:
        text = unicodedata.normalize(normalize, text)
    if ignore_case:
        text = text.casefold()
        if normalize:
            text = unicodedata.normalize(normalize, text)
    return collections.Counter(text)


@given(text=tricky_text, ignore_case=st.booleans(), normalize=st.sampled_from(FORMS))
def test_agrees_with_counter(text, ignore_case, normalize):
    """on random text, the counts and their order match collections.Counter of the normalized text"""
    want = dict(oracle(text, ignore_case, normalize))
    expect(text, want, "", ignore_case=ignore_case, normalize=normalize)


@given(freqs=st.one_of(tricky_text.map(char_frequencies),
                       st.dictionaries(st.sampled_from("abcdefgh"), st.integers(0, 4), max_size=8)),
       k=st.one_of(st.none(), st.integers(0, 10)))
def test_most_common_agrees_with_counter(freqs, k):
    """most_common matches collections.Counter.most_common on random counts (many ties)"""
    want = collections.Counter(freqs).most_common(k)
    check_most_common(freqs, k, want, "ties in the order of the mapping, highest count first")


def test_no_counter():
    """written by hand: no collections.Counter, no str.count()"""
    assert char_frequencies("ab") == {"a": 1, "b": 1}
    assert_not_used("collections.Counter or str.count()", names=["Counter"], attributes=["Counter", "count"])


def test_one_pass():
    """the text is counted in one pass: 200,000 characters of 2,000 kinds in well under a second"""
    text = "".join(chr(0x4E00 + (i * 7919) % 2000) for i in range(200_000))
    with time_budget(1.5, "char_frequencies took over 1.5 s on 200,000 characters of 2,000 different kinds: "
                          "count in one loop over the text (add 1 to the character's entry), not one scan "
                          "of the text per distinct character"):
        got = char_frequencies(text)
    assert len(got) == 2000 and all(v == 100 for v in got.values()), \
        "each of the 2,000 characters appears 100 times"
