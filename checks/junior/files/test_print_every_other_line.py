import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from print_every_other_line import every_other_line, main
from pyexercise.checklib import run_main

# Each example makes its own fresh directory inside tmp_path, so sharing the fixture is safe.
FRESH_DIR_EACH_TIME = [HealthCheck.function_scoped_fixture]


def make(tmp_path, data: bytes, name="in.txt") -> Path:
    f = tmp_path / name
    f.write_bytes(data)
    return f



def test_odd_lines(tmp_path):
    """lines 1, 3 and 5 of five lines"""
    f = make(tmp_path, b"a\nb\nc\nd\ne\n")
    got = every_other_line(str(f))
    assert type(got) is list, f"every_other_line should return a list, got {type(got).__name__}"
    assert got == ["a", "c", "e"], f"for lines a..e the answer is ['a', 'c', 'e'] (1st, 3rd, 5th); got {got!r}"


def test_even_count(tmp_path):
    """with an even number of lines the last one is not printed"""
    f = make(tmp_path, b"one\ntwo\nthree\nfour\n")
    got = every_other_line(Path(f))
    assert got == ["one", "three"], f"got {got!r}: start with the first line, then skip one, take one"


def test_no_newline_at_end(tmp_path):
    """the last line may have no newline"""
    f = make(tmp_path, b"x\ny\nz")
    got = every_other_line(f)
    assert got == ["x", "z"], f"got {got!r}"


def test_blank_lines_count(tmp_path):
    """blank lines are lines: they take part in the alternation"""
    f = make(tmp_path, b"first\n\nthird\n\n\nsixth\n")
    got = every_other_line(f)
    assert got == ["first", "third", ""], (
        f"got {got!r}: lines 1, 3 and 5 are 'first', 'third' and '' (an empty line is still a line)")


def test_keeps_spaces(tmp_path):
    """only the line ending is removed, not other whitespace"""
    f = make(tmp_path, b"  indented\t\nskip\ntrailing  \n")
    got = every_other_line(f)
    assert got == ["  indented\t", "trailing  "], (
        f"got {got!r}: remove just the '\\n' (line.removesuffix('\\n') or rstrip('\\n')), not all whitespace")


def test_windows_line_endings(tmp_path):
    """'\\r\\n' endings are removed completely"""
    f = make(tmp_path, b"one\r\ntwo\r\nthree\r\n")
    got = every_other_line(f)
    assert got == ["one", "three"], f"got {got!r}: no '\\r' should be left on the lines"


def test_unicode(tmp_path):
    """the file is read as UTF-8"""
    f = make(tmp_path, "żółw\nkot\nüber\n".encode("utf-8"))
    assert every_other_line(f) == ["żółw", "über"], "open the file with encoding='utf-8'"


def test_empty_and_single(tmp_path):
    """an empty file gives [], a one-line file gives that line"""
    assert every_other_line(make(tmp_path, b"", "empty.txt")) == [], "an empty file has no lines"
    assert every_other_line(make(tmp_path, b"only\n", "one.txt")) == ["only"]


def test_missing_file(tmp_path):
    """a missing file raises FileNotFoundError"""
    with pytest.raises(FileNotFoundError):
        every_other_line(tmp_path / "missing.txt")


@settings(max_examples=50, suppress_health_check=FRESH_DIR_EACH_TIME)
@given(st.lists(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"),
                        max_size=8), max_size=12),
       st.booleans())
def test_matches_slice(tmp_path, lines, final_newline):
    """agrees with lines[::2] for any file"""
    text = "\n".join(lines) + ("\n" if final_newline and lines else "")
    f = Path(tempfile.mkdtemp(dir=tmp_path)) / "f.txt"
    f.write_bytes(text.encode("utf-8"))
    want = text.splitlines()[::2] if text else []
    assert every_other_line(f) == want


def test_main_prints_lines(tmp_path, capsys):
    """main([FILE]) prints lines 1, 3, 5... one per line and returns 0"""
    f = make(tmp_path, "alpha\nbeta\ngamma\ndelta\népsilon\n".encode("utf-8"))
    code, out, _ = run_main(main, [str(f)], capsys=capsys)
    assert code == 0, f"main should return 0, got {code!r}"
    assert out == "alpha\ngamma\népsilon\n", f"main should print alpha, gamma, épsilon on three lines; printed {out!r}"


def test_main_missing_file(tmp_path, capsys):
    """main with a missing file prints an error to stderr and returns 1"""
    code, out, err = run_main(main, [str(tmp_path / "nope.txt")], capsys=capsys)
    assert code == 1, f"main should return 1 for a missing file, got {code!r}"
    assert err.strip(), "main should explain the error on stderr"
    assert out == "", "nothing should go to stdout when the file is missing"


def test_main_usage(capsys):
    """main with no argument or too many prints usage to stderr and returns 2"""
    for argv in ([], ["a.txt", "b.txt"]):
        code, _, err = run_main(main, argv, capsys=capsys)
        assert code == 2, f"main({argv!r}) should return 2, got {code!r}"
        assert err.strip(), f"main({argv!r}) should print a usage line to stderr"
