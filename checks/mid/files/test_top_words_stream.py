import re
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from top_words_stream import top_words


def write(tmp_path, text: str, name: str = "words.txt"):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def reference(text: str, n: int, stop_words=()) -> list[tuple[str, int]]:
    """The answer from the whole text at once."""
    counts = Counter(w.casefold() for w in re.findall(r"\w+", text))
    for word in stop_words:
        counts.pop(word.casefold(), None)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def top(path, *args, **kwargs):
    got = top_words(path, *args, **kwargs)
    assert type(got) is list, f"top_words should return a list, got {type(got).__name__}"
    for item in got:
        assert type(item) is tuple and len(item) == 2, f"each item should be a (word, count) tuple, got {item!r}"
        assert type(item[0]) is str and type(item[1]) is int, f"each item is (str, int), got {item!r}"
    return got


def test_the_docstring_example(tmp_path):
    """the most frequent words first, case ignored, as in the docstring"""
    path = write(tmp_path, "The cat saw the other cat. THE END")
    got = top(path, 3)
    assert got == [("the", 3), ("cat", 2), ("end", 1)], (
        f"'the' 3 times (any case), 'cat' twice, then the alphabetically first of the words seen once; got {got!r}")
    got = top(path, 2, stop_words={"THE"})
    assert got == [("cat", 2), ("end", 1)], f"stop words are matched in any case: 'THE' removes 'the'; got {got!r}"


def test_default_n_is_ten(tmp_path):
    """n defaults to 10"""
    text = " ".join(f"w{i} " * (i + 1) for i in range(15))
    got = top(write(tmp_path, text))
    assert got == reference(text, 10), f"top_words(path) should give the 10 most frequent words, got {got!r}"


def test_what_a_word_is(tmp_path):
    """words are runs of \\w: unicode letters, digits and '_'; apostrophes and hyphens split"""
    text = "Naïve café, 東京 x86! don't well-known snake_case naïve\tCAFÉ\n東京"
    got = dict(top(write(tmp_path, text), 20))
    want = {"naïve": 2, "café": 2, "東京": 2, "x86": 1, "don": 1, "t": 1, "well": 1, "known": 1, "snake_case": 1}
    assert got == want, f"the words of {text!r} should be counted as {want}, got {got}"


def test_casefold_not_lower(tmp_path):
    """words are compared by str.casefold(): 'Straße' and 'STRASSE' are one word"""
    got = top(write(tmp_path, "Straße STRASSE strasse Σίσυφος ΣΊΣΥΦΟΣ"), 5)
    assert got == [("strasse", 3), ("σίσυφοσ", 2)], (
        f"casefold() maps 'ß' to 'ss' and final 'ς' to 'σ', where lower() does not; got {got!r}")


def test_ties_are_alphabetical(tmp_path):
    """words with the same count come in alphabetical order, not in the order they were met"""
    path = write(tmp_path, "pear fig kiwi apple fig pear kiwi apple date")
    got = top(path, 4)
    want = [("apple", 2), ("fig", 2), ("kiwi", 2), ("pear", 2)]
    assert got == want, (f"four words appear twice each: alphabetical order, {want!r}. Counter.most_common() keeps "
                         f"the order words were first met in; sort by (-count, word). Got {got!r}")
    assert top(path, 5)[-1] == ("date", 1)


def test_n_edges(tmp_path):
    """n larger than the number of words gives them all; n=0 gives []"""
    path = write(tmp_path, "b a b")
    assert top(path, 100) == [("b", 2), ("a", 1)], "with n=100 all (two) words come back"
    assert top(path, 0) == [], "n=0 asks for no words: []"


def test_no_words(tmp_path):
    """an empty file, or one with only punctuation, has no words; stop words may be missing from it"""
    assert top(write(tmp_path, "", "empty.txt"), 5) == [], "an empty file has no words: []"
    assert top(write(tmp_path, " ,.-!?\n\n '' ", "punct.txt"), 5) == [], "punctuation alone is no word"
    assert top(write(tmp_path, "x y", "xy.txt"), 5, stop_words=["nowhere", "Y"]) == [("x", 1)], (
        "a stop word that is not in the file is simply ignored")


def test_bad_arguments(tmp_path):
    """a negative n, or a chunk_size below 1, is a ValueError"""
    path = write(tmp_path, "a b c")
    with pytest.raises(ValueError):
        top_words(path, -1)
    for size in (0, -5):
        with pytest.raises(ValueError):
            top_words(path, 3, chunk_size=size)


def test_missing_file(tmp_path):
    """a missing file raises FileNotFoundError"""
    with pytest.raises(FileNotFoundError):
        top_words(tmp_path / "nope.txt", 3)


def test_words_cut_by_chunk_boundaries(tmp_path):
    """a word that a chunk boundary cuts in two is still one word, whatever the chunk size"""
    text = "elephant elephant ant hippopotamus, hippopotamus; ant elephant"
    path = write(tmp_path, text)
    want = reference(text, 10)
    for size in range(1, len(text) + 2):
        got = top(path, 10, chunk_size=size)
        assert got == want, (f"with chunk_size={size}, a chunk can end in the middle of a word ('elep' + 'hant'): "
                             f"hold the unfinished word back and glue it to the next chunk. Want {want!r}, got {got!r}")


def test_multibyte_characters_at_chunk_boundaries(tmp_path):
    """chunks are characters, not bytes: a chunk never ends inside a multi-byte character"""
    text = "東京 naïveté 東京都 ÉTÉ été 東京 " * 5
    path = write(tmp_path, text)
    for size in (1, 2, 3, 7):
        try:
            got = top(path, 5, chunk_size=size)
        except UnicodeDecodeError as exc:
            pytest.fail(f"with chunk_size={size}: {exc}. Reading bytes and decoding each chunk breaks a character "
                        "that straddles two chunks: open the file in text mode, with encoding='utf-8'")
        assert got == reference(text, 5), f"with chunk_size={size} want {reference(text, 5)!r}, got {got!r}"


def test_reads_the_file_afresh(tmp_path):
    """a file changed between two calls is read again"""
    path = write(tmp_path, "one one two")
    assert top(path, 1) == [("one", 2)]
    path.write_text("two two three")
    assert top(path, 1) == [("two", 2)], "the second call should count the file as it is now"


words = st.text(st.sampled_from("abAB_éÉßẞİı東1²"), min_size=1, max_size=5)
seps = st.text(st.sampled_from(" \n\r\t,.'-!"), min_size=1, max_size=3)


@settings(max_examples=80, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(st.tuples(words, seps), max_size=25), lead=st.booleans(), tail=st.booleans(),
       n=st.integers(0, 6), size=st.integers(1, 8), stops=st.lists(words, max_size=3))
def test_matches_a_whole_file_reference(tmp_path, parts, lead, tail, n, size, stops):
    """for any text and chunk size, the answer equals counting the whole text at once"""
    text = (". " if lead else "") + "".join(w + s for w, s in parts)
    if parts and not tail:
        text = text.rstrip(" \n\r\t,.'-!")  # the file may end in the middle of a word
    path = write(tmp_path, text, "prop.txt")
    want = reference(text, n, stops)
    got = top(path, n, stop_words=stops, chunk_size=size)
    assert got == want, (f"top_words(n={n}, stop_words={stops!r}, chunk_size={size}) of {text!r} should be "
                         f"{want!r}, got {got!r}")


# ---------------------------------------------------------------------------- the big file
BIG_MB = 80
STEMS = ["Supercalifragilisticexpialidocious", "Pneumonoultramicroscopicsilicovolcanoconiosis",
         "Donaudampfschifffahrtsgesellschaftskapitaen", "Hippopotomonstrosesquippedaliophobia",
         "Antidisestablishmentarianism", "Floccinaucinihilipilification", "Incomprehensibilities",
         "Rindfleischetikettierungsueberwachungsaufgabenuebertragungsgesetz", "Honorificabilitudinitatibus",
         "Thyroparathyroidectomized", "Lopadotemachoselachogaleokranioleipsanodrimhypotrimmatosilphio"]


def make_block() -> tuple[str, Counter]:
    """A stretch of long words, one line, each stem a different number of times, in mixed case."""
    counts: Counter = Counter()
    parts = []
    seps = [" ", ", ", " - ", "; ", " '", ". ", "! "]
    for i, stem in enumerate(STEMS):
        word = stem * 3
        for j in range(5 if i == 3 else i + 1):  # stems 3 and 4 tie: the later one comes first
            parts.append((word.upper() if j % 3 == 1 else word) + seps[len(parts) % len(seps)])
            counts[word.casefold()] += 1
    return "".join(parts), counts


def test_a_one_line_file_bigger_than_the_memory_limit(tmp_path):
    """an 80 MB file of one line is counted within a 64 MB memory limit"""
    block, counts = make_block()
    data = block.encode("utf-8")
    copies = BIG_MB * 1024 * 1024 // len(data) + 1
    path = tmp_path / "big.txt"
    with open(path, "wb") as f:
        for _ in range(copies):  # the check never holds the file either
            f.write(data)
    del data
    for word in counts:
        counts[word] *= copies
    stop = STEMS[-1] * 3
    want = sorted(((w, c) for w, c in counts.items() if w != stop.casefold()), key=lambda kv: (-kv[1], kv[0]))[:7]
    got = top(path, 7, stop_words=[stop.upper()])
    assert got == want, f"the 7 most frequent words of the big file should be {want!r}, got {got!r}"
