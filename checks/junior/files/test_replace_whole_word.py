import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from replace_whole_word import replace_word

# Each example makes its own fresh directory inside tmp_path, so sharing the fixture is safe.
FRESH_DIR_EACH_TIME = [HealthCheck.function_scoped_fixture]


def run(tmp_path, text, word, replacement, data=None):
    src, dst = tmp_path / "in.txt", tmp_path / "out.txt"
    src.write_bytes(data if data is not None else text.encode("utf-8"))
    count = replace_word(src, dst, word, replacement)
    return count, dst.read_bytes().decode("utf-8")


@pytest.mark.parametrize("text, word, replacement, want, count, hint", [
    pytest.param("The cat sat on the cats' concatenated mat, cat!", "cat", "dog",
                 "The dog sat on the cats' concatenated mat, dog!", 2, "", id="whole words only"),
    pytest.param("cat\n(cat) cat. cat's \"cat\"\ncat", "cat", "dog", "dog\n(dog) dog. dog's \"dog\"\ndog", 6,
                 "", id="at the start, the end, next to punctuation, apostrophes and newlines"),
    pytest.param("cat2 2cat cat_name _cat cat", "cat", "dog", "cat2 2cat cat_name _cat dog", 1,
                 ": digits and '_' are word characters", id="digits and underscores are word characters"),
    pytest.param("Cat cat CAT", "cat", "dog", "Cat dog CAT", 1, ": 'Cat' and 'CAT' are other words",
                 id="case-sensitive"),
    pytest.param("café cafés décafé café, naïve", "café", "tea", "tea cafés décafé tea, naïve", 2,
                 ": 's' after 'café' and 'é' before it are letters",
                 id="letters of any alphabet are word characters"),
    pytest.param("version 3.5 not 345 or 3x5", "3.5", "4.0", "version 4.0 not 345 or 3x5", 1,
                 ": escape the word (re.escape) if you use a regex", id="the word is literal text"),
    pytest.param("I like C++ and C++, not C or Cx", "C++", "Rust", "I like Rust and Rust, not C or Cx", 2,
                 ": \\b needs a word character on one side, so it fails after '+'; use lookarounds (?<!\\w) and "
                 "(?!\\w) instead", id="a word ending in symbols"),
    pytest.param("path = TMP", "TMP", r"C:\new\1", r"path = C:\new\1", 1,
                 ": re.sub interprets backslashes in a string replacement", id="the replacement is literal text"),
    pytest.param("New York, New Yorker, New York!", "New York", "NYC", "NYC, New Yorker, NYC!", 2, "",
                 id="the word may be a phrase with a space"),
    pytest.param("nothing here", "cat", "dog", "nothing here", 0, ": with no occurrence dst is a copy",
                 id="no occurrence"),
])
def test_replaces_whole_words(tmp_path, text, word, replacement, want, count, hint):
    """only whole-word occurrences are replaced, literally, and their count is returned"""
    got, out = run(tmp_path, text, word, replacement)
    call = f"replace_word on {text!r}, {word!r} -> {replacement!r}"
    assert out == want, f"{call} should write {want!r}{hint}, got {out!r}"
    assert type(got) is int and got == count, f"{call} makes {count} whole-word replacements; it returned {got!r}"


def test_src_unchanged_and_paths(tmp_path):
    """src is left as it was; str paths work"""
    src, dst = tmp_path / "a.txt", tmp_path / "b.txt"
    src.write_bytes(b"red apple, red car")
    assert replace_word(str(src), str(dst), "red", "blue") == 2
    assert dst.read_bytes() == b"blue apple, blue car"
    assert src.read_bytes() == b"red apple, red car", "the source file must not change"


def test_line_endings_kept(tmp_path):
    """'\\r\\n' stays '\\r\\n'"""
    src, dst = tmp_path / "w.txt", tmp_path / "o.txt"
    src.write_bytes(b"cat\r\nmat\r\n")
    replace_word(src, dst, "cat", "dog")
    assert dst.read_bytes() == b"dog\r\nmat\r\n", "open both files with newline='' to keep '\\r\\n'"


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


@settings(max_examples=50, suppress_health_check=FRESH_DIR_EACH_TIME)
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
