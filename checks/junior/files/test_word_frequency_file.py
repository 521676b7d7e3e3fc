import re
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from word_frequency_file import word_counts

# Each example makes its own fresh directory inside tmp_path, so sharing the fixture is safe.
FRESH_DIR_EACH_TIME = [HealthCheck.function_scoped_fixture]


def counts_of(tmp_path, text: str, name="words.txt"):
    f = tmp_path / name
    f.write_bytes(text.encode("utf-8"))
    return word_counts(f)


def check(got, want, text):
    assert isinstance(got, dict), f"word_counts should return a dict (a Counter is fine), got {type(got).__name__}"
    assert all(type(v) is int for v in got.values()), "every count should be an int"
    assert dict(got) == want, f"for the text {text!r}\nexpected {want!r}\ngot      {dict(got)!r}"


def test_simple_sentence(tmp_path):
    """a simple sentence, with a word repeated in another case"""
    text = "The cat saw the other cat."
    check(counts_of(tmp_path, text), {"the": 2, "cat": 2, "saw": 1, "other": 1}, text)


def test_accepts_str_path(tmp_path):
    """the path may be a str"""
    f = tmp_path / "s.txt"
    f.write_bytes(b"one two two")
    check(word_counts(str(f)), {"one": 1, "two": 2}, "one two two")


def test_punctuation_is_not_part_of_words(tmp_path):
    """commas, full stops, ! and ? are not part of words"""
    text = "Hello, hello! HELLO? (hello) \"hello\"; hello..."
    check(counts_of(tmp_path, text), {"hello": 6}, text)


def test_apostrophes(tmp_path):
    """an apostrophe inside a word keeps it together; at the edges it is punctuation"""
    text = "Don't stop. 'Quoted' words, rock'n'roll and don't"
    check(counts_of(tmp_path, text),
          {"don't": 2, "stop": 1, "quoted": 1, "words": 1, "rock'n'roll": 1, "and": 1}, text)


def test_hyphens_and_underscores_split(tmp_path):
    """hyphens and underscores separate words"""
    text = "well-known snake_case well"
    check(counts_of(tmp_path, text), {"well": 2, "known": 1, "snake": 1, "case": 1}, text)


def test_unicode_words(tmp_path):
    """letters of any alphabet make words, and case folds for them too"""
    text = "Café café CAFÉ, naïve; Straße straße — Ωμέγα ωμέγα"
    check(counts_of(tmp_path, text), {"café": 3, "naïve": 1, "straße": 2, "ωμέγα": 2}, text)


def test_numbers_are_words(tmp_path):
    """runs of digits count as words"""
    text = "Route 66, route 66! 2024"
    check(counts_of(tmp_path, text), {"route": 2, "66": 2, "2024": 1}, text)


def test_lines_tabs_and_blank_lines(tmp_path):
    """words are counted across all lines; tabs and blank lines separate them"""
    text = "alpha\tbeta\n\n\nbeta gamma\r\n   \nalpha\n"
    check(counts_of(tmp_path, text), {"alpha": 2, "beta": 2, "gamma": 1}, text)


def test_empty_and_punctuation_only(tmp_path):
    """an empty file, or one with no words, gives {}"""
    check(counts_of(tmp_path, "", "empty.txt"), {}, "")
    check(counts_of(tmp_path, " ... !!! --- '' \n\n", "punct.txt"), {}, " ... !!! --- '' \n\n")


def test_missing_file(tmp_path):
    """a missing file raises FileNotFoundError"""
    with pytest.raises(FileNotFoundError):
        word_counts(tmp_path / "missing.txt")


def _oracle(text: str) -> dict[str, int]:
    return dict(Counter(w.lower() for w in re.findall(r"[^\W_]+(?:'[^\W_]+)*", text)))


@settings(max_examples=60, suppress_health_check=FRESH_DIR_EACH_TIME)
@given(st.lists(st.text(st.sampled_from("abcABCéÉß1'"), min_size=1, max_size=6), max_size=15),
       st.lists(st.sampled_from([" ", ", ", ".\n", "-", "_", "\t", "!? ", "\n\n"]), min_size=15, max_size=15))
def test_agrees_with_definition(tmp_path, words, seps):
    """any mix of words, apostrophes and separators is counted by the rules above"""
    text = "".join(w + s for w, s in zip(words, seps))
    f = Path(tempfile.mkdtemp(dir=tmp_path)) / "f.txt"
    f.write_bytes(text.encode("utf-8"))
    got = word_counts(f)
    assert dict(got) == _oracle(text), f"for the text {text!r}"
