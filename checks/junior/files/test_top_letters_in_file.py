import contextlib
import io
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from top_letters_in_file import letter_counts, print_top_letters

# Each example makes its own fresh directory inside tmp_path, so sharing the fixture is safe.
FRESH_DIR_EACH_TIME = [HealthCheck.function_scoped_fixture]


def make(tmp_path, text: str, name="letters.txt") -> Path:
    f = tmp_path / name
    f.write_bytes(text.encode("utf-8"))
    return f


def test_counts_letters_ignoring_case(tmp_path):
    """letters are counted case-insensitively; other characters are ignored"""
    got = letter_counts(str(make(tmp_path, "Abba, cab!")))
    assert isinstance(got, dict), f"letter_counts should return a dict, got {type(got).__name__}"
    assert dict(got) == {"a": 3, "b": 3, "c": 1}, f"'Abba, cab!' has a×3, b×3, c×1; got {dict(got)!r}"
    assert all(type(v) is int for v in got.values())


def test_digits_spaces_punctuation_ignored(tmp_path):
    """digits, whitespace and punctuation are not letters"""
    got = letter_counts(make(tmp_path, "x1 2 3\n\t!?.,;:-_()[]{}'\"\nX 42 x"))
    assert dict(got) == {"x": 3}, f"only 'x' is a letter here (3 times); got {dict(got)!r}"


def test_unicode_letters(tmp_path):
    """accented and non-Latin letters count, each as its own letter"""
    got = letter_counts(make(tmp_path, "Éé e ñÑ Ωω ß"))
    want = {"é": 2, "e": 1, "ñ": 2, "ω": 2, "ß": 1}
    assert dict(got) == want, f"expected {want!r}, got {dict(got)!r}: use str.isalpha() and str.lower()"


def test_empty_file(tmp_path, capsys):
    """an empty file has no letters, and nothing is printed"""
    f = make(tmp_path, "")
    assert dict(letter_counts(f)) == {}
    got = print_top_letters(f)
    assert got == [] and capsys.readouterr().out == "", "no letters: return [] and print nothing"


def test_prints_top_five(tmp_path, capsys):
    """print_top_letters prints 'letter: count' lines and returns the same top 5"""
    f = make(tmp_path, "e" * 9 + "t" * 7 + "a" * 6 + "o" * 5 + "i" * 4 + "n" * 3 + "s" * 2 + "h\n")
    got = print_top_letters(Path(f))
    out = capsys.readouterr().out
    want = [("e", 9), ("t", 7), ("a", 6), ("o", 5), ("i", 4)]
    assert type(got) is list and all(type(t) is tuple for t in got), "return a list of (letter, count) tuples"
    assert got == want, f"the top 5 should be {want!r}, got {got!r}"
    assert out == "e: 9\nt: 7\na: 6\no: 5\ni: 4\n", f"expected five lines like 'e: 9'; printed {out!r}"


def test_default_is_five(tmp_path, capsys):
    """n defaults to 5 even when there are more letters"""
    f = make(tmp_path, "abcdefghij")
    assert len(print_top_letters(f)) == 5, "print_top_letters(path) should give 5 letters by default"
    assert len(capsys.readouterr().out.splitlines()) == 5


def test_ties_alphabetical(tmp_path, capsys):
    """equal counts are listed alphabetically, not in order of appearance"""
    f = make(tmp_path, "zzz yyy aaa bb c")
    got = print_top_letters(f, 4)
    capsys.readouterr()
    assert got == [("a", 3), ("y", 3), ("z", 3), ("b", 2)], (
        f"got {got!r}: sort by count (highest first), then by letter; Counter.most_common() keeps "
        "the order of first appearance for ties")


def test_fewer_letters_than_n(tmp_path, capsys):
    """fewer different letters than n: all of them"""
    f = make(tmp_path, "Mississippi")
    got = print_top_letters(f, 5)
    out = capsys.readouterr().out
    assert got == [("i", 4), ("s", 4), ("p", 2), ("m", 1)], f"got {got!r}"
    assert out == "i: 4\ns: 4\np: 2\nm: 1\n", f"printed {out!r}"


def test_n_one(tmp_path, capsys):
    """n=1 gives just the most common letter"""
    f = make(tmp_path, "banana")
    assert print_top_letters(f, 1) == [("a", 3)]
    assert capsys.readouterr().out == "a: 3\n"


def test_bad_n(tmp_path):
    """n below 1 is a ValueError"""
    f = make(tmp_path, "abc")
    for bad in (0, -3):
        with pytest.raises(ValueError):
            print_top_letters(f, bad)


def test_missing_file(tmp_path):
    """a missing file raises FileNotFoundError"""
    with pytest.raises(FileNotFoundError):
        letter_counts(tmp_path / "missing.txt")
    with pytest.raises(FileNotFoundError):
        print_top_letters(tmp_path / "missing.txt")


@settings(max_examples=60, suppress_health_check=FRESH_DIR_EACH_TIME)
@given(st.text(st.sampled_from("aAbBcCdDeEfFéÉ 1,\n"), max_size=60), st.integers(1, 8))
def test_top_n_agrees_with_sorting(tmp_path, text, n):
    """for any text, the top n equals the counts sorted by (-count, letter)"""
    f = Path(tempfile.mkdtemp(dir=tmp_path)) / "f.txt"
    f.write_bytes(text.encode("utf-8"))
    counts = Counter(ch.lower() for ch in text if ch.isalpha())
    want = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    assert dict(letter_counts(f)) == dict(counts)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        got = print_top_letters(f, n)
    assert got == want
    assert out.getvalue() == "".join(f"{k}: {v}\n" for k, v in want)
