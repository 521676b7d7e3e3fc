import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings, strategies as st

from find_replace_in_file import replace_in_file

# Hypothesis' "explain" phase re-runs a failing example many times to say which parts of it
# matter; on a busy machine that alone can take several seconds. Skip it: the shrunk example
# is explanation enough.
NO_EXPLAIN = [Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink]
# Each example makes its own fresh directory inside tmp_path, so sharing the fixture is safe.
FRESH_DIR_EACH_TIME = [HealthCheck.function_scoped_fixture]


def make(tmp_path, data: str | bytes, name="config.ini") -> Path:
    f = tmp_path / name
    f.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return f


def test_replaces_every_occurrence(tmp_path):
    """every occurrence is replaced in place and the count returned"""
    f = make(tmp_path, "host=localhost\nbackup=localhost:5433\n# localhost only\n")
    got = replace_in_file(str(f), "localhost", "db.internal")
    assert f.read_text(encoding="utf-8") == "host=db.internal\nbackup=db.internal:5433\n# db.internal only\n"
    assert type(got) is int and got == 3, f"3 replacements were made; replace_in_file returned {got!r}"


def test_matches_inside_words(tmp_path):
    """old is plain text and matches inside longer words too"""
    f = make(tmp_path, "cat concatenate catalog")
    assert replace_in_file(Path(f), "cat", "dog") == 3
    assert f.read_text(encoding="utf-8") == "dog condogenate dogalog", "like str.replace: inside words too"


def test_new_contains_old(tmp_path):
    """replacing 'cat' with 'cats' happens once per occurrence, no endless loop"""
    f = make(tmp_path, "cat and cat")
    assert replace_in_file(f, "cat", "cats") == 2
    assert f.read_text(encoding="utf-8") == "cats and cats"


def test_no_overlap(tmp_path):
    """occurrences are taken left to right without overlapping"""
    f = make(tmp_path, "aaaaa")
    got = replace_in_file(f, "aa", "b")
    assert f.read_text(encoding="utf-8") == "bba", "'aaaaa' with 'aa' → 'b' is 'bba', as str.replace gives"
    assert got == 2, f"'aaaaa' holds 'aa' twice without overlapping; got {got!r}"


def test_across_lines(tmp_path):
    """old may span a line break"""
    f = make(tmp_path, "end of line\nstart of next\n")
    assert replace_in_file(f, "line\nstart", "LINE START") == 1
    assert f.read_text(encoding="utf-8") == "end of LINE START of next\n"


def test_delete_with_empty_new(tmp_path):
    """an empty new deletes the occurrences"""
    f = make(tmp_path, "a, b, c")
    assert replace_in_file(f, ", ", "") == 2
    assert f.read_text(encoding="utf-8") == "abc"


def test_keeps_windows_line_endings(tmp_path):
    """'\\r\\n' stays '\\r\\n'"""
    f = make(tmp_path, b"colour one\r\ncolour two\r\n")
    replace_in_file(f, "colour", "color")
    assert f.read_bytes() == b"color one\r\ncolor two\r\n", "open with newline='' so '\\r\\n' isn't changed"


def test_unicode(tmp_path):
    """UTF-8 text and replacements"""
    f = make(tmp_path, "Prix: 5 EUR, total: 9 EUR\n")
    assert replace_in_file(f, "EUR", "€") == 2
    assert f.read_bytes() == "Prix: 5 €, total: 9 €\n".encode("utf-8")


def test_case_sensitive(tmp_path):
    """matching is case-sensitive"""
    f = make(tmp_path, "Apple apple APPLE")
    assert replace_in_file(f, "apple", "pear") == 1
    assert f.read_text(encoding="utf-8") == "Apple pear APPLE"


def test_nothing_found_leaves_file_alone(tmp_path):
    """with no occurrence the file is not rewritten: same bytes, same modification time"""
    f = make(tmp_path, "nothing to see\n")
    os.utime(f, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    got = replace_in_file(f, "absent", "x")
    assert got == 0, f"no occurrence: return 0, got {got!r}"
    assert f.read_bytes() == b"nothing to see\n"
    assert f.stat().st_mtime_ns == 1_000_000_000_000_000_000, (
        "the file was rewritten although nothing changed: return before opening it for writing")


def test_empty_file(tmp_path):
    """an empty file has no occurrences"""
    f = make(tmp_path, b"")
    assert replace_in_file(f, "x", "y") == 0
    assert f.read_bytes() == b""


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


@settings(max_examples=50, phases=NO_EXPLAIN, suppress_health_check=FRESH_DIR_EACH_TIME)
@given(st.text(st.sampled_from("ab\nc"), max_size=30), st.text(st.sampled_from("ab\n"), min_size=1, max_size=3),
       st.text(st.sampled_from("abx"), max_size=3))
def test_agrees_with_str_replace(tmp_path, text, old, new):
    """for any text, the file ends up as text.replace(old, new)"""
    f = Path(tempfile.mkdtemp(dir=tmp_path)) / "f.txt"
    f.write_bytes(text.encode("utf-8"))
    assert replace_in_file(f, old, new) == text.count(old)
    assert f.read_bytes().decode("utf-8") == text.replace(old, new)
