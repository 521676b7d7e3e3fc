import pytest
from hypothesis import given, strategies as st

from reverse_words import reverse_words


def check(sentence, want):
    got = reverse_words(sentence)
    assert type(got) is str and got == want, (
        f"reverse_words({sentence!r}) should be the string {want!r} (the words joined back into one str), "
        f"got {got!r}")


@pytest.mark.parametrize("sentence, want", [
    pytest.param("the quick brown fox", "fox brown quick the", id="typical"),
    pytest.param("hello world", "world hello", id="two words swap"),
    pytest.param("one two three", "three two one", id="the middle word of three stays in the middle"),
    pytest.param("abc def", "def abc", id="reverse the words, not the characters"),
    pytest.param("Hello, world!", "world! Hello,", id="punctuation belongs to the word it is attached to"),
    pytest.param("python", "python", id="one word is unchanged"),
    pytest.param("", "", id="an empty sentence gives ''"),
    pytest.param("   ", "", id="a blank sentence has no words"),
    pytest.param("  Hello,   world!  ", "world! Hello,", id="leading, trailing and repeated spaces go"),
    pytest.param("a  b", "b a", id="there is no empty word between two spaces"),
    pytest.param("one\ttwo\nthree", "three two one", id="tabs and newlines separate words too"),
    pytest.param("last line\n", "line last", id="a newline at the end is not a word"),
    pytest.param("to be or not to be", "be to not or be to", id="repeated words all stay"),
    pytest.param("café crème brûlée", "brûlée crème café", id="non-ASCII words work"),
])
def test_reverses_the_words(sentence, want):
    """the words come out in reverse order, single-spaced; each word keeps its letters and punctuation"""
    check(sentence, want)


words = st.text(alphabet="abcé,!", min_size=1, max_size=5)
gaps = st.text(alphabet=" \t\n", min_size=1, max_size=3)


@given(st.lists(words, max_size=6), gaps, st.text(alphabet=" \t\n", max_size=2))
def test_any_sentence(word_list, gap, edge):
    """for any words and whitespace: the same words, in reverse order, single-spaced"""
    sentence = edge + gap.join(word_list) + edge
    check(sentence, " ".join(reversed(word_list)))
