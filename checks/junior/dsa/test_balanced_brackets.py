from hypothesis import given, strategies as st

from balanced_brackets import is_balanced
from pyexercise.checklib import time_budget


def check(text, want, why=""):
    got = is_balanced(text)
    shown = text if len(text) <= 60 else text[:25] + "..." + text[-25:]
    assert type(got) is bool, f"is_balanced({shown!r}) should return True or False, got {got!r}"
    assert got is want, f"is_balanced({shown!r}) should be {want}" + (f": {why}" if why else "")


def by_removal(text):
    """The oracle: drop non-brackets, then delete adjacent matching pairs until none is left."""
    s = "".join(ch for ch in text if ch in "()[]{}")
    while True:
        shorter = s.replace("()", "").replace("[]", "").replace("{}", "")
        if shorter == s:
            return s == ""
        s = shorter


def test_typical():
    """nested and side-by-side pairs of all three kinds"""
    check("{[()()]}", True)
    check("()[]{}", True)
    check("(((())))", True)


def test_wrong_order_is_unbalanced():
    """crossed pairs are unbalanced even though the counts match"""
    check("([)]", False, "the ( is closed before the [ that was opened after it")
    check("{(})", False)
    check("[(])", False)


def test_wrong_kind():
    """a bracket must be closed by the same kind"""
    check("(]", False)
    check("{)", False)
    check("[}", False)


def test_unclosed_openers():
    """brackets still open at the end make it unbalanced"""
    check("(", False)
    check("(()", False)
    check("{[]", False)
    check("[[[", False)


def test_closer_without_opener():
    """closing a bracket that was never opened is unbalanced"""
    check(")", False)
    check("())", False)
    check("())(", False, "a ) with nothing open is wrong, even if a ( comes later")
    check("]", False)
    check("}{", False)


def test_other_characters_ignored():
    """letters, digits, spaces and other symbols don't matter"""
    check("print(xs[0])", True)
    check("def f(a, b): return {'k': [a, b]}", True)
    check("a(b]c", False)
    check("<>", True, "< and > are not brackets here")
    check("hello world", True)


def test_empty():
    """the empty string is balanced"""
    check("", True)


def test_deep_nesting():
    """100,000 levels of nesting are handled (a loop, not recursion)"""
    depth = 100_000
    with time_budget(3, "is_balanced() took over 3 s on 100,000 nested brackets: one pass with a stack is O(n)"):
        check("(" * depth + ")" * depth, True)
        check("([{" * depth + "}])" * depth, True)
        check("(" * depth + ")" * (depth - 1), False, "one ( is never closed")
        check("[" * depth + ")" + "]" * (depth - 1), False)


balanced = st.recursive(
    st.just(""),
    lambda inner: st.one_of(
        st.tuples(st.sampled_from(["()", "[]", "{}"]), inner).map(lambda t: t[0][0] + t[1] + t[0][1]),
        st.tuples(inner, inner).map(lambda t: t[0] + t[1]),
    ),
    max_leaves=15,
)


@given(balanced, st.text(alphabet="ab ", max_size=3))
def test_generated_balanced_strings(text, filler):
    """any properly nested string is balanced, with other characters sprinkled in"""
    check(text, True)
    check(filler.join(text), True)


@given(st.text(alphabet="()[]{}x", max_size=14))
def test_matches_pair_removal(text):
    """agrees with repeatedly deleting adjacent matching pairs, on any string"""
    check(text, by_removal(text))
