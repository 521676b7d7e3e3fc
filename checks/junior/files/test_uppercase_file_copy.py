import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from pyexercise.checklib import assert_raises
from uppercase_file_copy import uppercase_copy

# Each example makes its own fresh directory inside tmp_path, so sharing the fixture is safe.
FRESH_DIR_EACH_TIME = [HealthCheck.function_scoped_fixture]


def upper_copy(tmp_path, data, old=None, path=str):
    """Write ``data`` to a source file and uppercase_copy it onto a destination that holds ``old`` (if given),
    passing the paths as ``path`` (str or Path); check the source is untouched; return the count returned and
    the destination's bytes."""
    src, dst = tmp_path / "source.txt", tmp_path / "dest.txt"
    src.write_bytes(data)
    if old is not None:
        dst.write_bytes(old)
    got = uppercase_copy(path(src), path(dst))
    assert src.read_bytes() == data, "the source file must not change"
    assert dst.exists(), "uppercase_copy should create the destination file, even for an empty source"
    return got, dst.read_bytes()


@pytest.mark.parametrize("data, want, hint", [
    pytest.param(b"hello, world 42!\nok\n", b"HELLO, WORLD 42!\nOK\n", "",
                 id="letters become uppercase, the rest stays"),
    pytest.param("crème brûlée, ελληνικά, привет\n".encode("utf-8"),
                 "CRÈME BRÛLÉE, ΕΛΛΗΝΙΚΆ, ПРИВЕТ\n".encode("utf-8"),
                 ": use str.upper() on the decoded text, and read and write with encoding='utf-8'",
                 id="non-ASCII letters are uppercased too, and the output is UTF-8"),
    pytest.param("straße".encode("utf-8"), b"STRASSE", ": 'ß'.upper() is 'SS'", id="the text can grow"),
    pytest.param(b"line one\r\n\r\nline three\r\nno newline at end",
                 b"LINE ONE\r\n\r\nLINE THREE\r\nNO NEWLINE AT END",
                 ": the line endings changed: open both files with newline='' so Python leaves '\\r\\n' alone",
                 id="'\\r\\n' line endings and blank lines come out unchanged"),
    pytest.param(b"  indented\t\n\n\ntrailing   \n", b"  INDENTED\t\n\n\nTRAILING   \n",
                 ": only letters may change, not the whitespace", id="spaces, tabs and blank lines are kept"),
    pytest.param(b"", b"", ": an empty source gives an empty destination", id="an empty file"),
])
def test_uppercases_the_text(tmp_path, data, want, hint):
    """dst holds the text in uppercase; the count of characters written is returned"""
    got, written = upper_copy(tmp_path, data)
    assert written == want, f"uppercase_copy of {data!r} should write {want!r}{hint}, wrote {written!r}"
    text = want.decode("utf-8")
    assert type(got) is int and got == len(text), (
        f"{text!r} is {len(text)} characters: uppercase_copy should return {len(text)}, the length of what it "
        f"wrote (not of what it read), got {got!r}")


def test_accepts_paths(tmp_path):
    """src and dst may be pathlib.Path objects"""
    got, written = upper_copy(tmp_path, b"abc", path=Path)
    assert (got, written) == (3, b"ABC"), (
        f"uppercase_copy with Path objects should write b'ABC' and return 3: it wrote {written!r} and returned {got!r}")


def test_overwrites_destination(tmp_path):
    """an existing destination is replaced, not appended to"""
    _, written = upper_copy(tmp_path, b"new", old=b"old and longer contents")
    assert written == b"NEW", f"open dst with mode 'w' so its old contents are replaced; it holds {written!r}"


def test_missing_source(tmp_path):
    """a missing source raises FileNotFoundError and creates no destination"""
    dst = tmp_path / "out.txt"
    assert_raises(FileNotFoundError, lambda: uppercase_copy(tmp_path / "missing.txt", dst),
                  "uppercase_copy of a missing source should raise FileNotFoundError")
    assert not dst.exists(), "read the source before creating the destination"


def test_invalid_utf8(tmp_path):
    """a source that is not UTF-8 raises UnicodeDecodeError"""
    src = tmp_path / "latin1.txt"
    src.write_bytes("café".encode("latin-1"))
    assert_raises(UnicodeDecodeError, lambda: uppercase_copy(src, tmp_path / "out.txt"),
                  "a Latin-1 source should raise UnicodeDecodeError: read it with encoding='utf-8'")


@settings(max_examples=50, suppress_health_check=FRESH_DIR_EACH_TIME)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_matches_str_upper(tmp_path, text):
    """for any text, dst holds exactly text.upper()"""
    d = Path(tempfile.mkdtemp(dir=tmp_path))
    src, dst = d / "in.txt", d / "out.txt"
    src.write_bytes(text.encode("utf-8"))
    got = uppercase_copy(src, dst)
    assert dst.read_bytes() == text.upper().encode("utf-8")
    assert got == len(text.upper())
