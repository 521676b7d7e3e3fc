import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from text_file_stats import count_file, main


def write(tmp_path, text, name="sample.txt"):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def check(tmp_path, text, want, why=""):
    path = write(tmp_path, text)
    got = count_file(path)
    assert isinstance(got, tuple) and len(got) == 3, f"count_file() should return a (lines, words, characters) tuple, got {got!r}"
    assert all(type(x) is int for x in got), f"the three counts should be ints, got {got!r}"
    assert tuple(got) == want, f"for a file holding {text!r}, count_file() should return {want}{why}, got {tuple(got)!r}"


@pytest.mark.parametrize("text, want, why", [
    pytest.param("roses are red\nviolets are blue\n", (2, 6, 31), "", id="two lines, six words, 31 characters"),
    pytest.param("one\ntwo", (2, 2, 7), ": 'two' is a line even without '\\n'", id="a last line without a newline"),
    pytest.param("", (0, 0, 0), "", id="an empty file"),
    pytest.param("a\n\n\nb\n", (4, 2, 6), ": blank lines are lines, with no words", id="blank lines"),
    pytest.param("\n", (1, 0, 1), ": a blank line's newline is a character", id="one blank line"),
    pytest.param("  hello   big\tworld  \n", (1, 3, 22), ": runs of spaces and tabs separate words",
                 id="whitespace between words"),
    pytest.param("don't stop, well-known!\n", (1, 3, 24), ": punctuation does not split words",
                 id="punctuation stays in words"),
    pytest.param("café 🐍\n", (1, 2, 7), ": the file has 11 bytes but 7 characters; open it with encoding='utf-8'",
                 id="characters, not bytes"),
])
def test_counts(tmp_path, text, want, why):
    """lines, words and characters: a last line without newline, empty files, blank lines, whitespace, unicode"""
    check(tmp_path, text, want, why)


def test_windows_line_endings(tmp_path):
    """lines and words are right for a file with Windows line endings (\\r\\n)"""
    path = write(tmp_path, "a b\r\nc\r\n")
    got = count_file(path)
    assert tuple(got)[:2] == (2, 3), f"for 'a b\\r\\nc\\r\\n' there are 2 lines and 3 words, got {tuple(got)!r}"


def test_accepts_str_path(tmp_path):
    """the path may be given as a str as well as a Path"""
    path = write(tmp_path, "x y\n")
    got = count_file(str(path))
    assert tuple(got) == (1, 2, 4), f"count_file(str_path) should work like count_file(Path), got {got!r}"


def test_missing_file_raises(tmp_path):
    """a file that does not exist raises FileNotFoundError"""
    with pytest.raises(FileNotFoundError):
        count_file(tmp_path / "no-such-file.txt")


def test_big_file(tmp_path):
    """a file of 100 000 lines is counted right"""
    check(tmp_path, "the quick brown fox\n" * 100_000, (100_000, 400_000, 2_000_000))


def test_main_prints_the_counts(tmp_path, capsys):
    """main([file]) prints the three labelled counts and returns 0"""
    path = write(tmp_path, "roses are red\nviolets are blue\n")
    code = main([str(path)])
    out = capsys.readouterr().out
    assert code == 0, f"main([file]) should return 0, got {code!r}"
    want = ["lines: 2", "words: 6", "characters: 31"]
    assert out.strip().splitlines() == want, f"main([file]) should print {want}, one per line; printed {out!r}"


def test_main_missing_file(tmp_path, capsys):
    """a file that can't be read: a message on stderr and exit code 1 (no traceback)"""
    code = main([str(tmp_path / "missing.txt")])
    captured = capsys.readouterr()
    assert code == 1, f"main() on a missing file should return 1, got {code!r}"
    assert captured.err.strip(), "main() on a missing file should explain the problem on stderr"


def test_main_wrong_number_of_arguments(tmp_path, capsys):
    """no file name, or two: a usage message on stderr and exit code 2"""
    path = write(tmp_path, "x\n")
    for argv in ([], [str(path), str(path)]):
        code = main(argv)
        captured = capsys.readouterr()
        assert code == 2, f"main({argv!r}) should return 2, got {code!r}"
        assert captured.err.strip(), f"main({argv!r}) should print a usage message on stderr"
        assert not captured.out.strip(), f"main({argv!r}) should print nothing on stdout"


def test_main_reads_sys_argv(tmp_path, capsys, monkeypatch):
    """called with no argv, main() uses sys.argv[1:]"""
    path = write(tmp_path, "a b c\n")
    monkeypatch.setattr(sys, "argv", ["text_file_stats.py", str(path)])
    code = main()
    out = capsys.readouterr().out
    assert code == 0 and "words: 3" in out, f"main() should read the file name from sys.argv, printed {out!r}"


@given(st.text(alphabet="ab é\t\n", max_size=40))
def test_matches_str_methods(text):
    """for any text: lines, words and characters agree with splitlines(), split() and len()"""
    with tempfile.TemporaryDirectory() as tmp:
        path = write(Path(tmp), text)
        got = count_file(path)
    want = (len(text.splitlines()), len(text.split()), len(text))
    assert tuple(got) == want, f"for a file holding {text!r}, count_file() should return {want}, got {tuple(got)!r}"
