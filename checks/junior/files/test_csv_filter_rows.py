import contextlib
import csv
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from csv_filter_rows import print_rows_where, rows_where

# Each example makes its own fresh directory inside tmp_path, so sharing the fixture is safe.
FRESH_DIR_EACH_TIME = [HealthCheck.function_scoped_fixture]

PEOPLE = """name,age,city
Ada,36,London
Bob,29,Paris
"Chen, Li",41,New York
Dee,30,Paris
Eve,100,Berlin
Fay,,Rome
Gus,n/a,Oslo
Hal, 45 ,Lima
Ivy,30.5,Kyiv
"""


def make(tmp_path, text: str, name="people.csv", bom=False) -> Path:
    f = tmp_path / name
    f.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return f


def names(rows) -> list[str]:
    return [r["name"] for r in rows]


def test_greater_than_numerically(tmp_path):
    """age > 30 compares numbers, not strings: '100' counts and '30' does not"""
    got = rows_where(str(make(tmp_path, PEOPLE)), "age", ">", 30)
    assert type(got) is list and all(isinstance(r, dict) for r in got), "return a list of dicts"
    assert names(got) == ["Ada", "Chen, Li", "Eve", "Hal", "Ivy"], (
        f"got {names(got)!r}: convert the cell with float() before comparing ('100' < '30' as strings)")
    assert got[0] == {"name": "Ada", "age": "36", "city": "London"}, f"rows keep their string values; got {got[0]!r}"


def test_other_operators(tmp_path):
    """>=, <, <=, == and != work"""
    f = make(tmp_path, PEOPLE)
    cases = {">=": ["Ada", "Chen, Li", "Dee", "Eve", "Hal", "Ivy"], "<": ["Bob"], "<=": ["Bob", "Dee"],
             "==": ["Dee"], "!=": ["Ada", "Bob", "Chen, Li", "Eve", "Hal", "Ivy"]}
    for op, want in cases.items():
        got = names(rows_where(Path(f), "age", op, 30))
        assert got == want, f"age {op} 30 should give {want!r}, got {got!r}"


def test_float_value(tmp_path):
    """the value may be a float"""
    got = names(rows_where(make(tmp_path, PEOPLE), "age", "<=", 30.5))
    assert got == ["Bob", "Dee", "Ivy"], f"age <= 30.5 should give Bob, Dee, Ivy; got {got!r}"


def test_non_numbers_skipped(tmp_path):
    """empty and non-numeric cells never match a numeric condition, and don't crash"""
    got = names(rows_where(make(tmp_path, PEOPLE), "age", "!=", 12345))
    assert "Fay" not in got and "Gus" not in got, "'' and 'n/a' are not numbers: skip those rows"
    assert len(got) == 7, f"7 rows have numeric ages; got {got!r}"


def test_string_value(tmp_path):
    """a str value compares the cells as strings"""
    f = make(tmp_path, PEOPLE)
    assert names(rows_where(f, "city", "==", "Paris")) == ["Bob", "Dee"]
    assert names(rows_where(f, "name", "==", "Chen, Li")) == ["Chen, Li"], "quoted fields are read with the csv module"
    assert len(rows_where(f, "city", "!=", "Paris")) == 7


def test_byte_order_mark(tmp_path):
    """a file starting with a UTF-8 byte-order mark still has a 'name' column"""
    f = make(tmp_path, PEOPLE, bom=True)
    got = rows_where(f, "name", "==", "Ada")
    assert names(got) == ["Ada"], "open with encoding='utf-8-sig' so the BOM is not part of the first column's name"
    assert list(got[0]) == ["name", "age", "city"], f"the keys should be clean; got {list(got[0])!r}"


def test_unicode(tmp_path):
    """UTF-8 values"""
    f = make(tmp_path, "name,score\nJosé,7\nZoë,9\n")
    assert names(rows_where(f, "score", ">", 8)) == ["Zoë"]


def test_unknown_column(tmp_path):
    """an unknown column is a ValueError that names the real columns"""
    with pytest.raises(ValueError, match="age"):
        rows_where(make(tmp_path, PEOPLE), "agee", ">", 30)


def test_unknown_operator(tmp_path):
    """an unknown operator is a ValueError"""
    for op in ("=>", "=", "gt", ""):
        with pytest.raises(ValueError):
            rows_where(make(tmp_path, PEOPLE), "age", op, 30)


def test_empty_file(tmp_path, capsys):
    """an empty file has no rows"""
    f = make(tmp_path, "")
    assert rows_where(f, "age", ">", 30) == []
    assert print_rows_where(f, "age", ">", 30) == 0
    capsys.readouterr()


def test_missing_file(tmp_path):
    """a missing file raises FileNotFoundError"""
    with pytest.raises(FileNotFoundError):
        rows_where(tmp_path / "missing.csv", "age", ">", 30)


def test_print_rows_where(tmp_path, capsys):
    """prints the header and matching rows as CSV, returns the count"""
    f = make(tmp_path, PEOPLE)
    got = print_rows_where(f, "age", ">", 40)
    out = capsys.readouterr().out
    assert type(got) is int and got == 3, f"3 rows have age > 40; print_rows_where returned {got!r}"
    parsed = list(csv.reader(io.StringIO(out)))
    assert parsed == [["name", "age", "city"], ["Chen, Li", "41", "New York"], ["Eve", "100", "Berlin"],
                      ["Hal", " 45 ", "Lima"]], (
        f"the output should be CSV: header, then the matching rows; printed\n{out}\n"
        "(write it with csv.writer / csv.DictWriter on sys.stdout, so 'Chen, Li' is quoted)")
    assert '"Chen, Li"' in out, "a field with a comma must be quoted in the output"


def test_print_no_match(tmp_path, capsys):
    """no match: only the header is printed, 0 returned"""
    got = print_rows_where(make(tmp_path, PEOPLE), "age", ">", 1000)
    out = capsys.readouterr().out
    assert got == 0
    assert list(csv.reader(io.StringIO(out))) == [["name", "age", "city"]], f"printed {out!r}"


@settings(max_examples=40, suppress_health_check=FRESH_DIR_EACH_TIME)
@given(st.lists(st.one_of(st.integers(-50, 50).map(str), st.sampled_from(["", "n/a", " 7 ", "2.5", "-0"])),
                max_size=8),
       st.sampled_from([">", ">=", "<", "<=", "==", "!="]), st.integers(-10, 10))
def test_numeric_filter(tmp_path, ages, op, value):
    """for any ages, exactly the numeric ones meeting the condition are returned"""
    f = Path(tempfile.mkdtemp(dir=tmp_path)) / "f.csv"
    with open(f, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "age"])
        w.writerows([str(i), a] for i, a in enumerate(ages))
    ops = {">": float.__gt__, ">=": float.__ge__, "<": float.__lt__, "<=": float.__le__,
           "==": float.__eq__, "!=": float.__ne__}
    want = []
    for i, a in enumerate(ages):
        try:
            if ops[op](float(a), float(value)):
                want.append(str(i))
        except ValueError:
            pass
    assert [r["id"] for r in rows_where(f, "age", op, value)] == want
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert print_rows_where(f, "age", op, value) == len(want)
    assert [r[0] for r in csv.reader(io.StringIO(out.getvalue()))][1:] == want
