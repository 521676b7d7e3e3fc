import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings, strategies as st

from replace_whole_word import replace_word

# Hypothesis' "explain" phase re-runs a failing example many times to say which parts of it
# matter; on a busy machine that alone can take several seconds. Skip it: the shrunk example
# is explanation enough.
NO_EXPLAIN = [Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink]
# Each example makes its own fresh directory inside tmp_path, so sharing the fixture is safe.
FRESH_DIR_EACH_TIME = [HealthCheck.function_scoped_fixture]


def run(tmp_path, text, word, replacement, data=None):
    src, dst = tmp_path / "in.txt", tmp_path / "out.txt"
    src.write_bytes(data if data is not None else text.encode("utf-8"))
    count = replace_word(src, dst, word, replacement)
    return count, dst.read_bytes().decode("utf-8")


def test_whole_words_only(tmp_path):
    """'cat' is replaced as a word, not inside 'cats' or 'concatenated'"""
    text = "The cat sat on the cats' concatenated mat, cat!"
    count, out = run(tmp_path, text, "cat", "dog")
    assert out == "The dog sat on the cats' concatenated mat, dog!", f"got {out!r}"
    assert type(count) is int and count == 2, f"2 whole-word replacements were made; got {count!r}"


def test_src_unchanged_and_paths(tmp_path):
    """src is left as it was; str paths work"""
    src, dst = tmp_path / "a.txt", tmp_path / "b.txt"
    src.write_bytes(b"red apple, red car")
    assert replace_word(str(src), str(dst), "red", "blue") == 2
    assert dst.read_bytes() == b"blue apple, blue car"
    assert src.read_bytes() == b"red apple, red car", "the source file must not change"


def test_punctuation_and_edges(tmp_path):
    """words at the start, the end, next to punctuation, apostrophes and newlines count"""
    text = "cat\n(cat) cat. cat's \"cat\"\ncat"
    count, out = run(tmp_path, text, "cat", "dog")
    assert out == "dog\n(dog) dog. dog's \"dog\"\ndog", f"got {out!r}"
    assert count == 6


def test_digits_and_underscores_are_word_characters(tmp_path):
    """'cat' is not replaced in 'cat2', '2cat' or 'cat_name'"""
    count, out = run(tmp_path, "cat2 2cat cat_name _cat cat", "cat", "dog")
    assert out == "cat2 2cat cat_name _cat dog", f"got {out!r}: digits and '_' are word characters"
    assert count == 1


def test_case_sensitive(tmp_path):
    """'Cat' and 'CAT' are different words from 'cat'"""
    count, out = run(tmp_path, "Cat cat CAT", "cat", "dog")
    assert out == "Cat dog CAT" and count == 1, f"got {out!r}"


def test_unicode_word_boundaries(tmp_path):
    """letters of any alphabet are word characters"""
    text = "café cafés décafé café, naïve"
    count, out = run(tmp_path, text, "café", "tea")
    assert out == "tea cafés décafé tea, naïve", f"got {out!r}: 's' after 'café' and 'é' before it are letters"
    assert count == 2


def test_word_is_literal(tmp_path):
    """regex characters in the word are plain text: '3.5' does not match '345'"""
    count, out = run(tmp_path, "version 3.5 not 345 or 3x5", "3.5", "4.0")
    assert out == "version 4.0 not 345 or 3x5", f"got {out!r}: escape the word (re.escape) if you use a regex"
    assert count == 1


def test_word_ending_in_symbols(tmp_path):
    """'C++' can be replaced although it ends with non-word characters"""
    count, out = run(tmp_path, "I like C++ and C++, not C or Cx", "C++", "Rust")
    assert out == "I like Rust and Rust, not C or Cx", (
        f"got {out!r}: \\b needs a word character on one side, so it fails after '+'; "
        "use lookarounds (?<!\\w) and (?!\\w) instead")
    assert count == 2


def test_replacement_is_literal(tmp_path):
    """backslashes and group references in the replacement are inserted as they are"""
    count, out = run(tmp_path, "path = TMP", "TMP", r"C:\new\1")
    assert out == r"path = C:\new\1", f"got {out!r}: re.sub interprets backslashes in a string replacement"


def test_phrase(tmp_path):
    """the word may be a phrase with a space"""
    count, out = run(tmp_path, "New York, New Yorker, New York!", "New York", "NYC")
    assert out == "NYC, New Yorker, NYC!" and count == 2, f"got {out!r}"


def test_line_endings_kept(tmp_path):
    """'\\r\\n' stays '\\r\\n'"""
    src, dst = tmp_path / "w.txt", tmp_path / "o.txt"
    src.write_bytes(b"cat\r\nmat\r\n")
    replace_word(src, dst, "cat", "dog")
    assert dst.read_bytes() == b"dog\r\nmat\r\n", "open both files with newline='' to keep '\\r\\n'"


def test_no_occurrence(tmp_path):
    """no occurrence: dst is a copy and 0 is returned"""
    count, out = run(tmp_path, "nothing here", "cat", "dog")
    assert count == 0 and out == "nothing here"


def test_same_file(tmp_path):
    """dst may be src: the file is rewritten with the replacements"""
    f = tmp_path / "same.txt"
    f.write_bytes(b"one cat, two cats, one cat")
    assert replace_word(f, f, "cat", "dog") == 2
    assert f.read_bytes() == b"one dog, two cats, one dog", "read the whole file before opening it for writing"


def test_empty_word(tmp_path):
    """an empty word is a ValueError"""
    src = tmp_path / "in.txt"
    src.write_bytes(b"abc")
    with pytest.raises(ValueError):
        replace_word(src, tmp_path / "out.txt", "", "x")


def test_missing_source(tmp_path):
    """a missing source raises FileNotFoundError and creates no destination"""
    dst = tmp_path / "out.txt"
    with pytest.raises(FileNotFoundError):
        replace_word(tmp_path / "missing.txt", dst, "a", "b")
    assert not dst.exists()


def tokens_replace(text: str, word: str, replacement: str) -> tuple[str, int]:
    """Independent oracle: split into runs of word / non-word characters, swap equal runs."""
    parts = re.findall(r"\w+|\W+", text)
    hits = sum(p == word for p in parts)
    return "".join(replacement if p == word else p for p in parts), hits


@settings(max_examples=50, phases=NO_EXPLAIN, suppress_health_check=FRESH_DIR_EACH_TIME)
@given(st.lists(st.sampled_from(["cat", "cats", "dog", "é", "cat_", "2", " ", ", ", "\n", "'", "-"]), max_size=15),
       st.sampled_from(["cat", "dog", "é"]))
def test_agrees_with_tokens(tmp_path, parts, word):
    """for any text, exactly the whole-word occurrences are replaced"""
    text = "".join(parts)
    d = Path(tempfile.mkdtemp(dir=tmp_path))
    (d / "in.txt").write_bytes(text.encode("utf-8"))
    want, hits = tokens_replace(text, word, "X")
    assert replace_word(d / "in.txt", d / "out.txt", word, "X") == hits
    assert (d / "out.txt").read_bytes().decode("utf-8") == want
