import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings, strategies as st

from strip_blank_lines import remove_blank_lines

# Hypothesis' "explain" phase re-runs a failing example many times to say which parts of it
# matter; on a busy machine that alone can take several seconds. Skip it: the shrunk example
# is explanation enough.
NO_EXPLAIN = [Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink]
# Each example makes its own fresh directory inside tmp_path, so sharing the fixture is safe.
FRESH_DIR_EACH_TIME = [HealthCheck.function_scoped_fixture]


def make(tmp_path, data: bytes, name="in.txt") -> Path:
    f = tmp_path / name
    f.write_bytes(data)
    return f


def test_removes_empty_lines(tmp_path):
    """empty lines go, the others stay in order, the count is returned"""
    f = make(tmp_path, b"a\n\nb\n\n\nc\n")
    got = remove_blank_lines(str(f))
    assert f.read_bytes() == b"a\nb\nc\n", f"the file should now be 'a\\nb\\nc\\n', it is {f.read_bytes()!r}"
    assert type(got) is int and got == 3, f"3 blank lines were removed; remove_blank_lines returned {got!r}"


def test_whitespace_only_is_blank(tmp_path):
    """lines of only spaces and tabs are blank too"""
    f = make(tmp_path, b"one\n   \n\t\n \t \ntwo\n")
    got = remove_blank_lines(Path(f))
    assert f.read_bytes() == b"one\ntwo\n", "a line of spaces or tabs is blank: test it with line.strip()"
    assert got == 3


def test_keeps_line_contents(tmp_path):
    """kept lines are untouched: indentation and trailing spaces stay"""
    f = make(tmp_path, b"    indented\n\nend   \n")
    remove_blank_lines(f)
    assert f.read_bytes() == b"    indented\nend   \n", "only whole blank lines may be removed, nothing inside other lines"


def test_no_final_newline(tmp_path):
    """a last line without newline stays without newline"""
    f = make(tmp_path, b"first\n\nlast")
    assert remove_blank_lines(f) == 1
    assert f.read_bytes() == b"first\nlast", "keep every kept line exactly as it was, ending included"


def test_trailing_blank_lines(tmp_path):
    """blank lines at the start and the end go too"""
    f = make(tmp_path, b"\n\nmiddle\n\n  ")
    assert remove_blank_lines(f) == 4, "the file has 4 blank lines: two before 'middle', one after, and '  ' at the end"
    assert f.read_bytes() == b"middle\n"


def test_windows_line_endings(tmp_path):
    """'\\r\\n' files keep their '\\r\\n' endings, and '\\r\\n' alone is blank"""
    f = make(tmp_path, b"one\r\n\r\ntwo\r\n  \r\nthree\r\n")
    got = remove_blank_lines(f)
    assert f.read_bytes() == b"one\r\ntwo\r\nthree\r\n", (
        "the line endings changed: open the file with newline='' to keep '\\r\\n' as it is")
    assert got == 2


def test_unicode(tmp_path):
    """UTF-8 text survives"""
    f = make(tmp_path, "Grüße\n\n日本語\n".encode("utf-8"))
    remove_blank_lines(f)
    assert f.read_bytes() == "Grüße\n日本語\n".encode("utf-8"), "read and write with encoding='utf-8'"


def test_only_blank_lines(tmp_path):
    """a file of only blank lines ends up empty"""
    f = make(tmp_path, b"\n \n\t\n")
    assert remove_blank_lines(f) == 3
    assert f.read_bytes() == b"", "nothing should be left"


def test_nothing_to_remove(tmp_path):
    """a file without blank lines is left as it is and 0 is returned"""
    f = make(tmp_path, b"full\nof\ntext\n")
    assert remove_blank_lines(f) == 0
    assert f.read_bytes() == b"full\nof\ntext\n"


def test_empty_file(tmp_path):
    """an empty file stays empty and 0 is returned"""
    f = make(tmp_path, b"")
    assert remove_blank_lines(f) == 0
    assert f.read_bytes() == b""


def test_missing_file(tmp_path):
    """a missing file raises FileNotFoundError and is not created"""
    f = tmp_path / "missing.txt"
    with pytest.raises(FileNotFoundError):
        remove_blank_lines(f)
    assert not f.exists(), "read the file before opening it for writing"


line_text = st.text(st.sampled_from("ab é\t"), max_size=5)


@settings(max_examples=50, phases=NO_EXPLAIN, suppress_health_check=FRESH_DIR_EACH_TIME)
@given(st.lists(line_text, max_size=12), st.booleans())
def test_keeps_exactly_the_non_blank_lines(tmp_path, lines, final_newline):
    """for any file, exactly the non-blank lines remain, in order"""
    text = "\n".join(lines) + ("\n" if final_newline and lines else "")
    f = Path(tempfile.mkdtemp(dir=tmp_path)) / "f.txt"
    f.write_bytes(text.encode("utf-8"))
    with_ends = text.splitlines(keepends=True)
    kept = [line for line in with_ends if line.strip()]
    assert remove_blank_lines(f) == len(with_ends) - len(kept)
    assert f.read_bytes().decode("utf-8") == "".join(kept)
