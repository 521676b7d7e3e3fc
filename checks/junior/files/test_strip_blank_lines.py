import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from strip_blank_lines import remove_blank_lines

# Each example makes its own fresh directory inside tmp_path, so sharing the fixture is safe.
FRESH_DIR_EACH_TIME = [HealthCheck.function_scoped_fixture]


def make(tmp_path, data: bytes, name="in.txt") -> Path:
    f = tmp_path / name
    f.write_bytes(data)
    return f


@pytest.mark.parametrize("data, want, removed, hint", [
    pytest.param(b"a\n\nb\n\n\nc\n", b"a\nb\nc\n", 3, "", id="empty lines go, the others stay in order"),
    pytest.param(b"one\n   \n\t\n \t \ntwo\n", b"one\ntwo\n", 3,
                 ": a line of spaces or tabs is blank: test it with line.strip()", id="whitespace-only is blank"),
    pytest.param(b"    indented\n\nend   \n", b"    indented\nend   \n", 1,
                 ": only whole blank lines may be removed, nothing inside other lines",
                 id="kept lines are untouched: indentation and trailing spaces stay"),
    pytest.param(b"first\n\nlast", b"first\nlast", 1, ": keep every kept line exactly as it was, ending included",
                 id="a last line without newline stays without newline"),
    pytest.param(b"\n\nmiddle\n\n  ", b"middle\n", 4,
                 ": the file has 4 blank lines: two before 'middle', one after, and '  ' at the end",
                 id="blank lines at the start and the end go too"),
    pytest.param(b"one\r\n\r\ntwo\r\n  \r\nthree\r\n", b"one\r\ntwo\r\nthree\r\n", 2,
                 ": open the file with newline='' to keep '\\r\\n' as it is",
                 id="'\\r\\n' endings stay, and '\\r\\n' alone is blank"),
    pytest.param("Grüße\n\n日本語\n".encode("utf-8"), "Grüße\n日本語\n".encode("utf-8"), 1,
                 ": read and write with encoding='utf-8'", id="UTF-8 text survives"),
    pytest.param(b"\n \n\t\n", b"", 3, ": nothing should be left", id="a file of only blank lines ends up empty"),
    pytest.param(b"full\nof\ntext\n", b"full\nof\ntext\n", 0, "", id="nothing to remove"),
    pytest.param(b"", b"", 0, "", id="an empty file stays empty"),
])
def test_removes_blank_lines(tmp_path, data, want, removed, hint):
    """blank lines (empty or only whitespace) go, in place; the others stay exactly; the count is returned"""
    f = make(tmp_path, data)
    got = remove_blank_lines(f)
    left = f.read_bytes()
    assert left == want, f"removing the blank lines of {data!r} should leave {want!r}{hint}, the file is {left!r}"
    assert type(got) is int and got == removed, (
        f"{removed} blank lines were removed from {data!r}; remove_blank_lines returned {got!r}")


def test_str_path(tmp_path):
    """the path may be a str too"""
    f = make(tmp_path, b"a\n\nb\n")
    assert remove_blank_lines(str(f)) == 1, "remove_blank_lines(str_path) should return 1 for 'a\\n\\nb\\n'"
    assert f.read_bytes() == b"a\nb\n"


def test_missing_file(tmp_path):
    """a missing file raises FileNotFoundError and is not created"""
    f = tmp_path / "missing.txt"
    with pytest.raises(FileNotFoundError):
        remove_blank_lines(f)
    assert not f.exists(), "read the file before opening it for writing"


line_text = st.text(st.sampled_from("ab é\t"), max_size=5)


@settings(max_examples=50, suppress_health_check=FRESH_DIR_EACH_TIME)
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
