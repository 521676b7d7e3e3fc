import csv
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from csv_to_dicts import main, read_csv_dicts
from pyexercise.checklib import run_main

# Each example makes its own fresh directory inside tmp_path, so sharing the fixture is safe.
FRESH_DIR_EACH_TIME = [HealthCheck.function_scoped_fixture]


def make(tmp_path, data: str | bytes, name="people.csv") -> Path:
    f = tmp_path / name
    f.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return f


def test_rows_become_dicts(tmp_path):
    """each row becomes a dict keyed by the header; fields stay strings"""
    got = read_csv_dicts(str(make(tmp_path, "name,age\nAda,36\nAlan,41\n")))
    want = [{"name": "Ada", "age": "36"}, {"name": "Alan", "age": "41"}]
    assert type(got) is list, f"read_csv_dicts should return a list, got {type(got).__name__}"
    assert all(type(r) is dict for r in got), "each row should be a plain dict (dict(row) if needed)"
    assert got == want, f"expected {want!r}\ngot      {got!r}\n(the numbers stay strings, as in the file)"


def test_column_order(tmp_path):
    """each dict's keys are in the header's order"""
    got = read_csv_dicts(Path(make(tmp_path, "z,a,m\n1,2,3\n")))
    assert list(got[0]) == ["z", "a", "m"], f"keys should follow the header: got {list(got[0])!r}"


def test_quoted_fields(tmp_path):
    """quoted fields keep commas, quotes and line breaks"""
    f = make(tmp_path, 'name,address\n"Holmes, S.","221B Baker St\nLondon"\n"The ""Doctor""",TARDIS\n')
    got = read_csv_dicts(f)
    assert got == [{"name": "Holmes, S.", "address": "221B Baker St\nLondon"},
                   {"name": 'The "Doctor"', "address": "TARDIS"}], f"got {got!r}"


def test_crlf_inside_field_is_kept(tmp_path):
    """a '\\r\\n' inside a quoted field comes out exactly as '\\r\\n'"""
    f = make(tmp_path, b'id,note\r\n1,"line one\r\nline two"\r\n2,plain\r\n')
    got = read_csv_dicts(f)
    assert got == [{"id": "1", "note": "line one\r\nline two"}, {"id": "2", "note": "plain"}], (
        f"got {got!r}: open the file with newline='' so text mode doesn't rewrite '\\r\\n' inside fields")


def test_blank_lines_skipped(tmp_path):
    """blank lines are not rows"""
    got = read_csv_dicts(make(tmp_path, "a,b\n\n1,2\n\n\n3,4\n\n"))
    assert got == [{"a": "1", "b": "2"}, {"a": "3", "b": "4"}], f"got {got!r}"


def test_short_rows_padded(tmp_path):
    """missing trailing fields are ''"""
    got = read_csv_dicts(make(tmp_path, "a,b,c\n1\n1,2\n"))
    assert got == [{"a": "1", "b": "", "c": ""}, {"a": "1", "b": "2", "c": ""}], (
        f"got {got!r}: DictReader fills missing fields with restval, which is None unless you pass restval=''")


def test_long_row_is_an_error(tmp_path):
    """a row with more fields than the header raises ValueError naming its line"""
    f = make(tmp_path, "a,b\n1,2\n\n3,4,5\n6,7\n")
    with pytest.raises(ValueError, match=r"\b4\b"):
        read_csv_dicts(f)


def test_duplicate_columns(tmp_path):
    """two columns with the same name raise ValueError"""
    with pytest.raises(ValueError):
        read_csv_dicts(make(tmp_path, "id,name,id\n1,x,2\n"))


def test_unicode(tmp_path):
    """UTF-8 header and fields"""
    got = read_csv_dicts(make(tmp_path, "ville,pays\nMontréal,Canada\nZürich,Schweiz\n"))
    assert got == [{"ville": "Montréal", "pays": "Canada"}, {"ville": "Zürich", "pays": "Schweiz"}]


def test_empty_and_header_only(tmp_path):
    """an empty file and a header-only file both give []"""
    assert read_csv_dicts(make(tmp_path, "", "empty.csv")) == [], "an empty file has no rows"
    assert read_csv_dicts(make(tmp_path, "a,b\n", "header.csv")) == [], "a header alone has no rows"


def test_missing_file(tmp_path):
    """a missing file raises FileNotFoundError"""
    with pytest.raises(FileNotFoundError):
        read_csv_dicts(tmp_path / "missing.csv")


header = st.lists(st.text(st.sampled_from("abé ,\""), min_size=1, max_size=4), min_size=1, max_size=4, unique=True)


@settings(max_examples=40, suppress_health_check=FRESH_DIR_EACH_TIME)
@given(header, st.data())
def test_round_trip_with_dictwriter(tmp_path, fields, data):
    """rows written by csv.DictWriter come back the same"""
    rows = data.draw(st.lists(st.fixed_dictionaries({k: st.text(st.sampled_from('xy ,"\r\nü'), max_size=5)
                                                     for k in fields}), max_size=4))
    f = Path(tempfile.mkdtemp(dir=tmp_path)) / "f.csv"
    with open(f, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=fields)
        w.writeheader()
        w.writerows(rows)
    assert read_csv_dicts(f) == rows


def test_main_prints_json(tmp_path, capsys):
    """main prints the rows as JSON and returns 0"""
    f = make(tmp_path, "name,city\nJosé,São Paulo\n")
    code, out, _ = run_main(main, [str(f)], capsys=capsys)
    assert code == 0, f"main should return 0, got {code!r}"
    assert json.loads(out) == [{"name": "José", "city": "São Paulo"}], f"main printed {out!r}"
    assert "São Paulo" in out, "print non-ASCII as is: json.dumps(..., ensure_ascii=False)"
    assert out == json.dumps([{"name": "José", "city": "São Paulo"}], indent=2, ensure_ascii=False) + "\n", (
        "use json.dumps(rows, indent=2, ensure_ascii=False)")


def test_main_errors(tmp_path, capsys):
    """main: missing file or bad row → stderr and 1; no argument → 2"""
    code, _, err = run_main(main, [str(tmp_path / "missing.csv")], capsys=capsys)
    assert code == 1 and err.strip(), "a missing file: a message on stderr and status 1"
    bad = make(tmp_path, "a\n1,2\n", "bad.csv")
    code, _, err = run_main(main, [str(bad)], capsys=capsys)
    assert code == 1 and err.strip(), "a row with too many fields: a message on stderr and status 1"
    assert run_main(main, [], capsys=capsys).code == 2, "main([]) should end with status 2"
