from hypothesis import given, strategies as st

from reverse_words import reverse_words


def check(sentence, want, why=""):
    got = reverse_words(sentence)
    assert type(got) is str, f"reverse_words() should return a str, got {type(got).__name__}"
    assert got == want, f"reverse_words({sentence!r}) should be {want!r}{why}, got {got!r}"


def test_typical():
    """the words come out in reverse order"""
    check("the quick brown fox", "fox brown quick the")


def test_two_words():
    """two words swap"""
    check("hello world", "world hello")


def test_letters_inside_words_stay():
    """the letters of each word are not reversed, only the order of the words"""
    check("abc def", "def abc", ": reverse the words, not the characters")


def test_punctuation_stays_with_its_word():
    """punctuation belongs to the word it is attached to"""
    check("Hello, world!", "world! Hello,")


def test_single_word_and_empty():
    """one word is unchanged; an empty or blank sentence gives ''"""
    check("python", "python")
    check("", "")
    check("   ", "", ": a blank sentence has no words")


def test_extra_spaces_are_collapsed():
    """leading, trailing and repeated spaces become single spaces between words"""
    check("  Hello,   world!  ", "world! Hello,")
    check("a  b", "b a", ": there is no empty word between two spaces")


def test_tabs_and_newlines_separate_words():
    """tabs and newlines are whitespace too"""
    check("one\ttwo\nthree", "three two one")


def test_repeated_words_and_unicode():
    """repeated words all stay; non-ASCII words work"""
    check("to be or not to be", "be to not or be to")
    check("café crème brûlée", "brûlée crème café")


def test_input_is_not_a_list():
    """the argument is a string and the result is a string, not a list of words"""
    got = reverse_words("a b")
    assert not isinstance(got, list), "reverse_words() should join the words back into a string"


words = st.text(alphabet="abcé,!", min_size=1, max_size=5)
gaps = st.text(alphabet=" \t\n", min_size=1, max_size=3)


@given(st.lists(words, max_size=6), gaps, st.text(alphabet=" \t\n", max_size=2))
def test_any_sentence(word_list, gap, edge):
    """for any words and whitespace: the same words, in reverse order, single-spaced"""
    sentence = edge + gap.join(word_list) + edge
    check(sentence, " ".join(reversed(word_list)))
