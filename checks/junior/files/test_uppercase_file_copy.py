import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings, strategies as st

from uppercase_file_copy import uppercase_copy

# Hypothesis' "explain" phase re-runs a failing example many times to say which parts of it
# matter; on a busy machine that alone can take several seconds. Skip it: the shrunk example
# is explanation enough.
NO_EXPLAIN = [Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink]
# Each example makes its own fresh directory inside tmp_path, so sharing the fixture is safe.
FRESH_DIR_EACH_TIME = [HealthCheck.function_scoped_fixture]


def test_uppercases_text(tmp_path):
    """letters become uppercase, the rest stays, the count is returned"""
    src, dst = tmp_path / "shout.txt", tmp_path / "SHOUT.txt"
    src.write_bytes(b"hello, world 42!\nok\n")
    got = uppercase_copy(str(src), str(dst))
    assert dst.read_bytes() == b"HELLO, WORLD 42!\nOK\n", "dst should hold the text in uppercase"
    assert type(got) is int and got == 20, f"uppercase_copy should return 20 (characters written), got {got!r}"
    assert src.read_bytes() == b"hello, world 42!\nok\n", "the source file must not change"


def test_accepts_paths(tmp_path):
    """src and dst may be pathlib.Path objects"""
    src, dst = tmp_path / "a.txt", tmp_path / "b.txt"
    src.write_bytes(b"abc")
    assert uppercase_copy(Path(src), Path(dst)) == 3
    assert dst.read_bytes() == b"ABC"


def test_unicode_letters(tmp_path):
    """non-ASCII letters are uppercased too, and the output is UTF-8"""
    src, dst = tmp_path / "fr.txt", tmp_path / "FR.txt"
    src.write_bytes("crème brûlée, ελληνικά, привет\n".encode("utf-8"))
    uppercase_copy(src, dst)
    assert dst.read_bytes() == "CRÈME BRÛLÉE, ΕΛΛΗΝΙΚΆ, ПРИВЕТ\n".encode("utf-8"), (
        "use str.upper() on the decoded text, and read and write with encoding='utf-8'")


def test_text_can_grow(tmp_path):
    """'ß'.upper() is 'SS': the returned count is the length of what was written"""
    src, dst = tmp_path / "de.txt", tmp_path / "DE.txt"
    src.write_bytes("straße".encode("utf-8"))
    got = uppercase_copy(src, dst)
    assert dst.read_text(encoding="utf-8") == "STRASSE"
    assert got == 7, f"'STRASSE' is 7 characters, though 'straße' is 6; uppercase_copy returned {got!r}"


def test_keeps_windows_line_endings(tmp_path):
    """'\\r\\n' line endings and blank lines come out unchanged"""
    src, dst = tmp_path / "win.txt", tmp_path / "WIN.txt"
    src.write_bytes(b"line one\r\n\r\nline three\r\nno newline at end")
    got = uppercase_copy(src, dst)
    assert dst.read_bytes() == b"LINE ONE\r\n\r\nLINE THREE\r\nNO NEWLINE AT END", (
        "the line endings changed: open both files with newline='' so Python leaves '\\r\\n' alone")
    assert got == 41, f"41 characters were written (each '\\r' counts), got {got!r}"


def test_whitespace_and_blank_lines_kept(tmp_path):
    """leading and trailing spaces, tabs and blank lines are kept"""
    src, dst = tmp_path / "ws.txt", tmp_path / "WS.txt"
    src.write_bytes(b"  indented\t\n\n\ntrailing   \n")
    uppercase_copy(src, dst)
    assert dst.read_bytes() == b"  INDENTED\t\n\n\nTRAILING   \n", "only letters may change, not the whitespace"


def test_empty_file(tmp_path):
    """an empty file gives an empty file and 0"""
    src, dst = tmp_path / "empty.txt", tmp_path / "EMPTY.txt"
    src.write_bytes(b"")
    got = uppercase_copy(src, dst)
    assert dst.exists() and dst.read_bytes() == b"", "an empty source gives an empty destination"
    assert got == 0


def test_overwrites_destination(tmp_path):
    """an existing destination is replaced, not appended to"""
    src, dst = tmp_path / "s.txt", tmp_path / "d.txt"
    src.write_bytes(b"new")
    dst.write_bytes(b"old and longer contents")
    uppercase_copy(src, dst)
    assert dst.read_bytes() == b"NEW", "open dst with mode 'w' so its old contents are replaced"


def test_missing_source(tmp_path):
    """a missing source raises FileNotFoundError and creates no destination"""
    dst = tmp_path / "out.txt"
    with pytest.raises(FileNotFoundError):
        uppercase_copy(tmp_path / "missing.txt", dst)
    assert not dst.exists(), "read the source before creating the destination"


def test_invalid_utf8(tmp_path):
    """a source that is not UTF-8 raises UnicodeDecodeError"""
    src = tmp_path / "latin1.txt"
    src.write_bytes("café".encode("latin-1"))
    with pytest.raises(UnicodeDecodeError):
        uppercase_copy(src, tmp_path / "out.txt")


@settings(max_examples=50, phases=NO_EXPLAIN, suppress_health_check=FRESH_DIR_EACH_TIME)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_matches_str_upper(tmp_path, text):
    """for any text, dst holds exactly text.upper()"""
    d = Path(tempfile.mkdtemp(dir=tmp_path))
    src, dst = d / "in.txt", d / "out.txt"
    src.write_bytes(text.encode("utf-8"))
    got = uppercase_copy(src, dst)
    assert dst.read_bytes() == text.upper().encode("utf-8")
    assert got == len(text.upper())
