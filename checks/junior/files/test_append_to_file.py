import tempfile
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from append_to_file import append_line, append_text

# Each example makes its own fresh directory inside tmp_path, so sharing the fixture is safe.
FRESH_DIR_EACH_TIME = [HealthCheck.function_scoped_fixture]


def test_appends_to_existing_file(tmp_path):
    """text goes after what the file already holds"""
    f = tmp_path / "diary.txt"
    f.write_bytes(b"Sunday: sun.\n")
    got = append_text(str(f), "Monday: rain.\n")
    assert f.read_bytes() == b"Sunday: sun.\nMonday: rain.\n", (
        "the old contents must stay and the new text go after them: open with mode 'a', not 'w'")
    assert type(got) is int and got == 14, f"append_text should return 14 (characters written), got {got!r}"


def test_creates_missing_file(tmp_path):
    """a file that does not exist yet is created"""
    f = tmp_path / "new.txt"
    got = append_text(f, "hello")
    assert f.read_bytes() == b"hello", "append_text should create a missing file and write the text"
    assert got == 5


def test_appends_exactly_as_given(tmp_path):
    """no newline is added or removed by append_text, and calls accumulate"""
    f = tmp_path / "parts.txt"
    append_text(f, "a")
    append_text(f, "b\n")
    append_text(f, "")
    append_text(Path(f), "c")
    assert f.read_text(encoding="utf-8") == "ab\nc", "append_text writes the text exactly, adding nothing"


def test_writes_utf8_and_counts_characters(tmp_path):
    """non-ASCII text is written as UTF-8; the count is characters, not bytes"""
    f = tmp_path / "utf8.txt"
    got = append_text(f, "naïve café ✓")
    assert f.read_bytes() == "naïve café ✓".encode("utf-8"), "write with encoding='utf-8'"
    assert got == 12, f"'naïve café ✓' is 12 characters (more bytes); got {got!r}"


def test_old_bytes_untouched(tmp_path):
    """existing bytes that are not valid UTF-8 stay exactly as they were"""
    f = tmp_path / "legacy.txt"
    old = b"caf\xe9 (latin-1)\r\n\x00\xff"
    f.write_bytes(old)
    append_text(f, "new")
    assert f.read_bytes() == old + b"new", (
        "the file's old contents changed: don't read the file and write it back, just open it in append mode")


def test_missing_directory(tmp_path):
    """a missing directory raises FileNotFoundError and is not created"""
    target = tmp_path / "no_such_dir" / "file.txt"
    with pytest.raises(FileNotFoundError):
        append_text(target, "x")
    with pytest.raises(FileNotFoundError):
        append_line(target, "x")
    assert not (tmp_path / "no_such_dir").exists(), "append_text should not create directories"


def test_append_line_basic(tmp_path):
    """append_line adds the line and a newline, creating the file if needed"""
    f = tmp_path / "app.log"
    got = append_line(f, "started")
    assert f.read_bytes() == b"started\n", "append_line should write 'started\\n' to a new file"
    assert type(got) is int and got == 8, f"append_line should return 8 ('started' + newline), got {got!r}"
    append_line(str(f), "stopped")
    assert f.read_bytes() == b"started\nstopped\n", "a second line goes on a line of its own"


def test_append_line_adds_missing_newline(tmp_path):
    """if the file doesn't end with a newline, append_line starts a new line first"""
    f = tmp_path / "notes.txt"
    f.write_bytes("last line without newline: café".encode("utf-8"))
    got = append_line(f, "next")
    assert f.read_bytes() == "last line without newline: café\nnext\n".encode("utf-8"), (
        "the new line glued onto the last one (or got an extra blank line): add '\\n' only when the "
        "last byte of the file is not b'\\n'")
    assert got == 6, f"append_line wrote '\\nnext\\n', 6 characters; it returned {got!r}"


def test_append_line_no_extra_blank_line(tmp_path):
    """a file that already ends with a newline gets no extra blank line"""
    f = tmp_path / "ok.txt"
    f.write_bytes(b"one\n")
    got = append_line(f, "two")
    assert f.read_bytes() == b"one\ntwo\n", "don't add a separator when the file already ends with '\\n'"
    assert got == 4


def test_append_line_empty_file(tmp_path):
    """an empty existing file gets no leading newline"""
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    append_line(f, "first")
    assert f.read_bytes() == b"first\n", "an empty file needs no separator before the first line"


def test_append_line_reads_only_the_end(tmp_path):
    """append_line on a 16 MiB log does not read the whole file into memory"""
    f = tmp_path / "huge.log"
    with open(f, "wb") as fh:
        for _ in range(16):
            fh.write(b"x" * ((1 << 20) - 1) + b"\n")
    tracemalloc.start()
    try:
        append_line(f, "tail")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    with open(f, "rb") as fh:
        fh.seek(-13, 2)
        assert fh.read() == b"xxxxxxx\ntail\n", "the 16 MiB file should end with its old last line, then tail"
    assert peak < 2 << 20, (f"append_line used {peak / 2**20:.1f} MiB to append to a 16 MiB file: "
                            "seek to the end and read just the last byte")


lines = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), max_size=20)


@settings(max_examples=50, suppress_health_check=FRESH_DIR_EACH_TIME)
@given(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"), max_size=30),
       st.lists(lines, max_size=5))
def test_append_line_keeps_lines_apart(tmp_path, start, new_lines):
    """after any start, appended lines are each on a line of their own"""
    f = Path(tempfile.mkdtemp(dir=tmp_path)) / "f.txt"
    f.write_bytes(start.encode("utf-8"))
    for line in new_lines:
        append_line(f, line)
    text = f.read_bytes().decode("utf-8")
    if new_lines:
        sep = "" if start == "" or start.endswith("\n") else "\n"
        want = start + sep + "".join(line + "\n" for line in new_lines)
    else:
        want = start
    assert text == want
