import csv
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from dicts_to_csv import write_dicts_csv

# Each example makes its own fresh directory inside tmp_path, so sharing the fixture is safe.
FRESH_DIR_EACH_TIME = [HealthCheck.function_scoped_fixture]


def read_back(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def test_header_and_rows(tmp_path):
    """a header row, then one row per dict; the row count is returned"""
    f = tmp_path / "people.csv"
    got = write_dicts_csv([{"name": "Ada", "age": 36}, {"name": "Alan", "age": 41}], str(f))
    assert type(got) is int and got == 2, f"2 rows were written; write_dicts_csv returned {got!r}"
    assert read_back(f) == [["name", "age"], ["Ada", "36"], ["Alan", "41"]], f"the file reads {read_back(f)!r}"
    assert f.read_bytes().replace(b"\r\n", b"\n") == b"name,age\nAda,36\nAlan,41\n", (
        f"the file is {f.read_bytes()!r}: one line per row, no extra blank lines or spaces")


def test_columns_in_first_seen_order(tmp_path):
    """without fieldnames: every key of any row, in first-seen order; gaps are empty"""
    f = tmp_path / "mixed.csv"
    write_dicts_csv([{"name": "Ada", "age": 36}, {"city": "Wilmslow", "name": "Alan"}, {"zip": "M1"}], Path(f))
    want = [["name", "age", "city", "zip"], ["Ada", "36", "", ""], ["Alan", "", "Wilmslow", ""], ["", "", "", "M1"]]
    assert read_back(f) == want, (f"expected {want!r}\ngot      {read_back(f)!r}\n"
                                  "(the columns come from all rows, not just the first one)")


def test_fieldnames_given(tmp_path):
    """fieldnames fixes the columns and their order"""
    f = tmp_path / "f.csv"
    assert write_dicts_csv([{"b": 1, "a": 2}, {"a": 3}], f, fieldnames=["a", "b", "c"]) == 2
    assert read_back(f) == [["a", "b", "c"], ["2", "1", ""], ["3", "", ""]], f"got {read_back(f)!r}"


def test_unknown_key_with_fieldnames(tmp_path):
    """with fieldnames, a key outside them is a ValueError"""
    with pytest.raises(ValueError):
        write_dicts_csv([{"a": 1, "oops": 2}], tmp_path / "f.csv", fieldnames=["a"])


def test_tricky_values_are_quoted(tmp_path):
    """commas, quotes and line breaks survive a round trip through csv.reader"""
    f = tmp_path / "tricky.csv"
    rows = [{"text": "Hello, world", "quote": 'He said "hi"', "lines": "one\ntwo", "crlf": "a\r\nb"}]
    write_dicts_csv(rows, f)
    assert read_back(f) == [["text", "quote", "lines", "crlf"], ["Hello, world", 'He said "hi"', "one\ntwo", "a\r\nb"]], (
        f"the values didn't come back: use csv.DictWriter, which quotes fields as needed; file: {f.read_bytes()!r}")


def test_value_types(tmp_path):
    """numbers and booleans as str() shows them, None as an empty field"""
    f = tmp_path / "types.csv"
    write_dicts_csv([{"i": 7, "f": 2.5, "b": True, "n": None, "s": ""}], f)
    assert read_back(f) == [["i", "f", "b", "n", "s"], ["7", "2.5", "True", "", ""]], f"got {read_back(f)!r}"


def test_unicode(tmp_path):
    """UTF-8 keys and values"""
    f = tmp_path / "u.csv"
    write_dicts_csv([{"ville": "Besançon", "emoji": "✓"}], f)
    assert f.read_bytes().decode("utf-8").splitlines()[1] == "Besançon,✓", "write the file as UTF-8"


def test_generator(tmp_path):
    """rows may be a generator"""
    f = tmp_path / "gen.csv"
    got = write_dicts_csv(({"n": i, "sq": i * i} for i in range(3)), f)
    assert got == 3, f"3 rows came from the generator; got {got!r}"
    assert read_back(f) == [["n", "sq"], ["0", "0"], ["1", "1"], ["2", "4"]], (
        f"got {read_back(f)!r}: a generator can be walked only once, so make a list of it first")


def test_no_rows(tmp_path):
    """no rows: header only with fieldnames, an empty file without"""
    f = tmp_path / "h.csv"
    assert write_dicts_csv([], f, fieldnames=["a", "b"]) == 0
    assert read_back(f) == [["a", "b"]], "with fieldnames and no rows, write just the header"
    g = tmp_path / "e.csv"
    assert write_dicts_csv([], g) == 0
    assert g.exists() and g.read_bytes() == b"", "with no rows and no fieldnames the file is empty"


def test_replaces_existing_file(tmp_path):
    """an existing file is replaced"""
    f = tmp_path / "old.csv"
    f.write_bytes(b"old,stuff\n1,2\n3,4\n")
    write_dicts_csv([{"x": 1}], f)
    assert read_back(f) == [["x"], ["1"]]


keys = st.sampled_from(["a", "b", "c d", "é", "x,y"])
values = st.text(st.sampled_from('pq ,"\nü\r'), max_size=5)


@settings(max_examples=40, suppress_health_check=FRESH_DIR_EACH_TIME)
@given(st.lists(st.dictionaries(keys, values, min_size=1, max_size=4), min_size=1, max_size=5))
def test_round_trip(tmp_path, rows):
    """csv.DictReader reads back exactly what was written"""
    f = Path(tempfile.mkdtemp(dir=tmp_path)) / "f.csv"
    assert write_dicts_csv(rows, f) == len(rows)
    columns = list(dict.fromkeys(k for r in rows for k in r))
    with open(f, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        back = list(reader)
    assert reader.fieldnames == columns
    want = [{c: r.get(c, "") for c in columns} for r in rows]
    assert back == want
