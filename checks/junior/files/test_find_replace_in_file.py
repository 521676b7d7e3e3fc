import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from find_replace_in_file import replace_in_file

# Each example makes its own fresh directory inside tmp_path, so sharing the fixture is safe.
FRESH_DIR_EACH_TIME = [HealthCheck.function_scoped_fixture]


def make(tmp_path, data: str | bytes, name="config.ini") -> Path:
    f = tmp_path / name
    f.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return f


@pytest.mark.parametrize("text, old, new, want", [
    pytest.param("host=localhost\nbackup=localhost:5433\n# localhost only\n", "localhost", "db.internal",
                 "host=db.internal\nbackup=db.internal:5433\n# db.internal only\n", id="every occurrence"),
    pytest.param("cat concatenate catalog", "cat", "dog", "dog condogenate dogalog",
                 id="old is plain text and matches inside longer words too, like str.replace"),
    pytest.param("cat and cat", "cat", "cats", "cats and cats",
                 id="new contains old: once per occurrence, no endless loop"),
    pytest.param("aaaaa", "aa", "b", "bba", id="left to right without overlapping, as str.replace gives"),
    pytest.param("end of line\nstart of next\n", "line\nstart", "LINE START", "end of LINE START of next\n",
                 id="old may span a line break"),
    pytest.param("a, b, c", ", ", "", "abc", id="an empty new deletes the occurrences"),
    pytest.param("colour one\r\ncolour two\r\n", "colour", "color", "color one\r\ncolor two\r\n",
                 id="'\\r\\n' stays '\\r\\n': open with newline=''"),
    pytest.param("Prix: 5 EUR, total: 9 EUR\n", "EUR", "€", "Prix: 5 €, total: 9 €\n",
                 id="UTF-8 text and replacements"),
    pytest.param("Apple apple APPLE", "apple", "pear", "Apple pear APPLE", id="matching is case-sensitive"),
    pytest.param("", "x", "y", "", id="an empty file has no occurrences"),
])
def test_replaces_in_place(tmp_path, text, old, new, want):
    """every occurrence is replaced in the file itself, as str.replace does, and the count returned"""
    f = make(tmp_path, text)
    got = replace_in_file(f, old, new)
    written = f.read_bytes().decode("utf-8")
    assert written == want, (f"replacing {old!r} with {new!r} in {text!r} should leave {want!r} in the file, "
                             f"got {written!r}")
    count = text.count(old)
    assert type(got) is int and got == count, f"{count} replacements were made; replace_in_file returned {got!r}"


def test_str_path(tmp_path):
    """the path may be a str too"""
    f = make(tmp_path, "red apple, red car")
    assert replace_in_file(str(f), "red", "blue") == 2, "replace_in_file(str_path, 'red', 'blue') should return 2"
    assert f.read_bytes() == b"blue apple, blue car"


def test_nothing_found_leaves_file_alone(tmp_path):
    """with no occurrence the file is not rewritten: same bytes, same modification time"""
    f = make(tmp_path, "nothing to see\n")
    os.utime(f, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    got = replace_in_file(f, "absent", "x")
    assert got == 0, f"no occurrence: return 0, got {got!r}"
    assert f.read_bytes() == b"nothing to see\n"
    assert f.stat().st_mtime_ns == 1_000_000_000_000_000_000, (
        "the file was rewritten although nothing changed: return before opening it for writing")


def test_empty_old(tmp_path):
    """an empty old is a ValueError, and the file is unchanged"""
    f = make(tmp_path, "abc")
    with pytest.raises(ValueError):
        replace_in_file(f, "", "x")
    assert f.read_bytes() == b"abc"


def test_missing_file(tmp_path):
    """a missing file raises FileNotFoundError and is not created"""
    f = tmp_path / "missing.txt"
    with pytest.raises(FileNotFoundError):
        replace_in_file(f, "a", "b")
    assert not f.exists()


@settings(max_examples=50, suppress_health_check=FRESH_DIR_EACH_TIME)
@given(st.text(st.sampled_from("ab\nc"), max_size=30), st.text(st.sampled_from("ab\n"), min_size=1, max_size=3),
       st.text(st.sampled_from("abx"), max_size=3))
def test_agrees_with_str_replace(tmp_path, text, old, new):
    """for any text, the file ends up as text.replace(old, new)"""
    f = Path(tempfile.mkdtemp(dir=tmp_path)) / "f.txt"
    f.write_bytes(text.encode("utf-8"))
    assert replace_in_file(f, old, new) == text.count(old)
    assert f.read_bytes().decode("utf-8") == text.replace(old, new)
