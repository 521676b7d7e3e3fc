from collections import Counter

from hypothesis import Phase, given, settings, strategies as st

from anagram_check import are_anagrams

# Hypothesis's "explain" phase re-runs a failing test many times: seconds, for a note nobody needs here.
no_explain = settings(phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink])


def check(first, second, want, why=""):
    got = are_anagrams(first, second)
    assert type(got) is bool, f"are_anagrams({first!r}, {second!r}) should return True or False, got {got!r}"
    assert got is want, f"are_anagrams({first!r}, {second!r}) should be {want}" + (f": {why}" if why else "")


def oracle(first, second):
    def letters(text):
        return Counter(ch for ch in text.lower() if not ch.isspace())
    return letters(first) == letters(second)


def test_typical():
    """'listen' and 'silent' are anagrams; 'hello' and 'world' are not"""
    check("listen", "silent", True)
    check("hello", "world", False)
    check("evil", "vile", True)


def test_counts_matter():
    """each character must occur the same number of times, not just appear"""
    check("aab", "abb", False, "both use a and b, but not equally often")
    check("aabb", "abab", True)
    check("abc", "abcc", False, "the second has an extra c")


def test_different_lengths():
    """a string and a longer one with the same letters plus more are not anagrams"""
    check("abc", "abcd", False)
    check("abcd", "abc", False)


def test_case_ignored():
    """upper and lower case count as the same letter"""
    check("Listen", "Silent", True)
    check("ABC", "cba", True)
    check("Tea", "EAT", True)


def test_whitespace_ignored():
    """spaces, tabs and newlines are ignored, wherever they are"""
    check("Dormitory", "dirty room", True)
    check("the eyes", "they see", True)
    check("a\tb\nc", "cba", True, "tabs and newlines are whitespace too")
    check("  ", "", True, "only whitespace is like an empty string")


def test_punctuation_and_digits_count():
    """every character other than whitespace counts"""
    check("a,b", "b,a", True)
    check("a,b", "ab", False, "the comma is a character")
    check("123", "321", True)
    check("12", "123", False)


def test_same_and_empty():
    """a string is an anagram of itself, and two empty strings are anagrams"""
    check("stop", "stop", True)
    check("", "", True)
    check("", "a", False)
    check("a", "", False)


def test_unicode():
    """accented letters and other scripts are characters like any other"""
    check("été", "éét", True)
    check("Été", "téé", True, "É lowered is é")
    check("éte", "ete", False, "é is not e")
    check("日本", "本日", True)


@no_explain
@given(st.text(alphabet="abcABC é É,1\t", max_size=12), st.randoms(use_true_random=False))
def test_shuffled_is_anagram(text, rnd):
    """a shuffled copy of any string, with its case changed, is an anagram of it"""
    chars = list(text)
    rnd.shuffle(chars)
    other = "".join(ch.upper() if rnd.random() < 0.5 else ch.lower() for ch in chars)
    check(text, other, True)


@no_explain
@given(st.text(alphabet="abcAB é,\t", max_size=8), st.text(alphabet="abcAB é,\t", max_size=8))
def test_matches_counting(first, second):
    """agrees with counting the characters of both strings (case and whitespace ignored)"""
    check(first, second, oracle(first, second))
