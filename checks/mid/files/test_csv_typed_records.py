import csv
import datetime
import io
import json
import re
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from csv_typed_records import RowError, main, read_records
from pyexercise.checklib import run_main


def write(tmp_path, text: str, name: str = "data.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def where(errors) -> list[tuple[int, str | None]]:
    """The (line, column) of each error, after checking each one is a RowError."""
    for e in errors:
        assert type(e) is RowError, f"each error should be a RowError, got {type(e).__name__}: {e!r}"
        assert type(e.line) is int, f"RowError.line should be an int, got {e.line!r}"
        assert type(e.message) is str and e.message, f"RowError.message should be a non-empty str, got {e.message!r}"
    return [(e.line, e.column) for e in errors]


def read(path, schema):
    result = read_records(path, schema)
    assert type(result) is tuple and len(result) == 2, (
        f"read_records should return a tuple (rows, errors), got {type(result).__name__}")
    rows, errors = result
    assert type(rows) is list and type(errors) is list, "rows and errors should both be lists"
    assert all(type(r) is dict for r in rows), "each row should be a plain dict"
    return rows, errors


def test_typical_comma_file(tmp_path):
    """each field is converted by its column's converter; other columns stay strings"""
    path = write(tmp_path, "id,name,price,weight\n1,Tea,3.50,0.25\n2,Cake,12,1.5\n")
    rows, errors = read(path, {"id": int, "price": Decimal, "weight": float})
    want = [{"id": 1, "name": "Tea", "price": Decimal("3.50"), "weight": 0.25},
            {"id": 2, "name": "Cake", "price": Decimal("12"), "weight": 1.5}]
    assert errors == [], f"a clean file has no errors, got {errors!r}"
    assert rows == want, f"want {want!r}, got {rows!r}"
    for row in rows:
        types = {k: type(v) for k, v in row.items()}
        assert types == {"id": int, "name": str, "price": Decimal, "weight": float}, (
            f"convert each field with its schema's converter (and keep 'name' a str): got types {types}")
    assert list(rows[0]) == ["id", "name", "price", "weight"], "the keys come in the header's order"


def test_tab_delimited(tmp_path):
    """a tab-separated file is sniffed as such (commas in it are just text)"""
    path = write(tmp_path, 'city\tpop\tnote\nZürich\t421878\t"big, old"\n東京\t13960000\tx, y\n')
    rows, errors = read(path, {"pop": int})
    want = [{"city": "Zürich", "pop": 421878, "note": "big, old"}, {"city": "東京", "pop": 13960000, "note": "x, y"}]
    assert (rows, errors) == (want, []), f"tab-delimited: want {want!r} and no errors, got {rows!r}, {errors!r}"


def test_semicolons_with_decimal_commas(tmp_path):
    """a semicolon file whose numbers use decimal commas: the Sniffer picks ';', not ','"""
    path = write(tmp_path, "a;b;c\n1,5;2,25;x\n3,0;4;y\n")
    rows, errors = read(path, {"a": lambda s: float(s.replace(",", ".")), "b": lambda s: float(s.replace(",", "."))})
    want = [{"a": 1.5, "b": 2.25, "c": "x"}, {"a": 3.0, "b": 4.0, "c": "y"}]
    assert (rows, errors) == (want, []), f"want {want!r} and no errors, got {rows!r}, {errors!r}"


def test_bom_is_not_part_of_the_first_name(tmp_path):
    """a UTF-8 byte order mark (Excel writes one) is not part of the first column's name"""
    path = write(tmp_path, "\ufeffid,qty\n7,2\n")
    try:
        rows, errors = read(path, {"id": int, "qty": int})
    except ValueError as exc:
        pytest.fail(f"the file starts with a BOM: opened as plain 'utf-8' the first column is named '\\ufeffid', "
                    f"not 'id' (so the schema's 'id' seems missing: {exc}). The 'utf-8-sig' codec drops it")
    assert rows == [{"id": 7, "qty": 2}], f"want [{{'id': 7, 'qty': 2}}], got {rows!r}"


def test_only_the_three_delimiters(tmp_path):
    """the Sniffer chooses among comma, semicolon and tab only (left alone it may pick a space)"""
    path = write(tmp_path, 'a,b\n"q ""x"" y",2\n')
    rows, errors = read(path, {"b": int})
    assert (rows, errors) == ([{"a": 'q "x" y', "b": 2}], []), (
        "left to itself csv.Sniffer takes ' ' as this file's delimiter: pass delimiters=',;\\t' to sniff(); "
        f"got {rows!r}, {errors!r}")


def test_one_column_file(tmp_path):
    """a one-column file has no delimiter to sniff: it reads as comma-separated"""
    path = write(tmp_path, "name\nAda Lovelace\nAlan Turing\n")
    try:
        rows, errors = read(path, {})
    except csv.Error as exc:
        pytest.fail(f"csv.Sniffer raises csv.Error when it cannot tell ({exc}): catch it and use a comma")
    want = [{"name": "Ada Lovelace"}, {"name": "Alan Turing"}]
    assert (rows, errors) == (want, []), f"want {want!r}, got {rows!r}, {errors!r}"


def test_quoting_rules_are_not_sniffed(tmp_path):
    """"" inside quotes is a quote, even where the Sniffer's guess at the quoting rules is wrong"""
    path = write(tmp_path, 'id,note,n\n1,"x ""a,b"" y",2\n2,"plain, text",3\n')
    rows, errors = read(path, {"id": int, "n": int})
    want = [{"id": 1, "note": 'x "a,b" y', "n": 2}, {"id": 2, "note": "plain, text", "n": 3}]
    assert (rows, errors) == (want, []), (
        "the Sniffer guesses doublequote=False for this file, so reading with its whole dialect splits "
        "'x \"a,b\" y' in two: take only .delimiter from it and keep the standard quoting; "
        f"want {want!r}, got {rows!r}, {errors!r}")


def test_bool_words(tmp_path):
    """bool fields are true/yes/1 or false/no/0 in any case; anything else is an error"""
    words = ["true", "True", "YES", "yes", "1", "false", "FALSE", "No", "0"]
    text = "flag\n" + "".join(f"{w}\n" for w in words) + "maybe\nnope\n"
    rows, errors = read(write(tmp_path, text), {"flag": bool})
    want = [{"flag": w.lower() in ("true", "yes", "1")} for w in words]
    assert rows == want, f"bool('false') is True, so parse the words yourself: want {want!r}, got {rows!r}"
    assert all(type(r["flag"]) is bool for r in rows), "bool fields should be True/False, not 1/0"
    assert where(errors) == [(11, "flag"), (12, "flag")], f"'maybe' and 'nope' are errors on lines 11 and 12, got {errors!r}"


def test_blank_fields_and_whitespace(tmp_path):
    """blank typed fields are None; converters get stripped text; str columns are kept exactly"""
    text = "id,when,label,extra\n 42 , 2024-01-31 ,  spaced  , as is \n,   ,,\n"
    rows, errors = read(write(tmp_path, text), {"id": int, "when": datetime.date.fromisoformat, "label": str})
    want = [{"id": 42, "when": datetime.date(2024, 1, 31), "label": "  spaced  ", "extra": " as is "},
            {"id": None, "when": None, "label": "", "extra": ""}]
    assert errors == [], (f"no errors expected (give converters the stripped field; a blank field is None "
                          f"without calling the converter), got {errors!r}")
    assert rows == want, f"want {want!r}, got {rows!r}"


def test_the_docstring_example(tmp_path):
    """semicolons, decimal commas, a BOM and a quoted newline, as in the docstring"""
    text = '\ufeffid;name;price;in_stock\n1;Tea;3,50;yes\n2;"Cake,\nbig";4,25;maybe\n3;Jam;;TRUE\n'
    path = write(tmp_path, text)
    rows, errors = read(path, {"id": int, "price": lambda s: Decimal(s.replace(",", ".")), "in_stock": bool})
    want = [{"id": 1, "name": "Tea", "price": Decimal("3.50"), "in_stock": True},
            {"id": 3, "name": "Jam", "price": None, "in_stock": True}]
    assert rows == want, f"want {want!r}, got {rows!r}"
    assert where(errors) == [(3, "in_stock")], (
        f"'maybe' is no bool: one error, on line 3 where the Cake record starts, in column 'in_stock'; got {errors!r}")
    assert "'maybe'" in errors[0].message, f"the message should quote the bad field 'maybe', got {errors[0].message!r}"


def test_line_numbers_across_quoted_newlines(tmp_path):
    """the line of a record is where it starts: quoted newlines, CRLF and blank lines all count"""
    text = ('id,note\r\n'              # 1
            '1,"one\r\ntwo\r\nthree"\r\n'  # 2-4
            '\r\n'                      # 5 (blank)
            'x,fine\r\n'               # 6: bad id
            '3,"multi\nline"\r\n'      # 7-8
            'y,"again\nand again"\r\n'  # 9-10: bad id
            '5,last')                 # 11, no newline at the end
    rows, errors = read(write(tmp_path, text), {"id": int})
    got = where(errors)
    assert got == [(6, "id"), (9, "id")], (
        "the bad ids start on lines 6 and 9: line 1 is the header, the record on line 2 has two quoted line "
        f"breaks, line 5 is blank (reader.line_num tells you the line a record ended on); got {got}")
    want = [{"id": 1, "note": "one\r\ntwo\r\nthree"}, {"id": 3, "note": "multi\nline"}, {"id": 5, "note": "last"}]
    assert rows == want, f"quoted line breaks stay in the field exactly (open with newline=''): want {want!r}, got {rows!r}"


def test_errors_anywhere_and_every_bad_field(tmp_path):
    """bad rows in first, middle and last place are all reported, each bad field once, and skipped"""
    text = ("id,qty,price\n"
            "a,1,2.0\n"       # 2: bad first row
            "2,2,2.5\n"
            "3,x,y\n"         # 4: two bad fields
            "4,4,4.0\n"
            "5,5,?")          # 6: bad last row, no newline
    rows, errors = read(write(tmp_path, text), {"id": int, "qty": int, "price": float})
    got = where(errors)
    want = [(2, "id"), (4, "qty"), (4, "price"), (6, "price")]
    assert got == want, (f"report every bad field of every row, in file order (the first row and the last count too): "
                         f"want {want}, got {got}")
    for error, field in zip(errors, ["a", "x", "y", "?"]):
        assert repr(field) in error.message, f"the message should quote the bad field {field!r}, got {error.message!r}"
    assert [r["id"] for r in rows] == [2, 4], f"only rows 2 and 4 are good; bad rows are left out, got {rows!r}"


def test_wrong_number_of_fields(tmp_path):
    """a short or long row is one error for the whole row (column None), naming both counts"""
    text = "a,b,c\n1,2\n1,2,3\n1,2,3,4,5\n"
    rows, errors = read(write(tmp_path, text), {"a": int, "b": int, "c": int})
    assert where(errors) == [(2, None), (4, None)], f"rows on lines 2 and 4 have the wrong length, got {errors!r}"
    for error, count in zip(errors, ["2", "5"]):
        assert "3" in error.message and count in error.message, (
            f"say how many fields were expected (3) and found ({count}), got {error.message!r}")
    assert rows == [{"a": 1, "b": 2, "c": 3}], f"the one good row should be kept, got {rows!r}"


def test_decimal_errors_are_data_errors(tmp_path):
    """Decimal('x') raises an ArithmeticError: that is bad data too"""
    rows, errors = read(write(tmp_path, "p\n1.5\nx\n"), {"p": Decimal})
    assert rows == [{"p": Decimal("1.5")}] and where(errors) == [(3, "p")], (
        f"decimal.InvalidOperation is an ArithmeticError: catch it like ValueError; got {rows!r}, {errors!r}")


def test_converter_bugs_propagate(tmp_path):
    """an exception that is not ValueError/ArithmeticError is a bug in the converter: it propagates"""
    def broken(text):
        raise KeyError(text)

    with pytest.raises(KeyError):
        read_records(write(tmp_path, "a\n1\n"), {"a": broken})


def test_header_problems(tmp_path):
    """a column named twice, or a schema column missing from the header, is a ValueError"""
    with pytest.raises(ValueError):
        read_records(write(tmp_path, "a,b,a\n1,2,3\n", "dupe.csv"), {})
    with pytest.raises(ValueError, match="price"):
        read_records(write(tmp_path, "id,cost\n1,2\n", "missing.csv"), {"id": int, "price": float})


def test_empty_file_blank_lines_and_header_only(tmp_path):
    """an empty file or a header alone gives ([], []); blank lines before the header are skipped"""
    for name, text in [("empty.csv", ""), ("header.csv", "a,b\n"), ("header2.csv", "a;b")]:
        got = read_records(write(tmp_path, text, name), {"a": int})
        assert got == ([], []), f"the file {text!r} has no rows: want ([], []), got {got!r}"
    rows, errors = read(write(tmp_path, "\n\nn,m\n\n1,x\n", "blank.csv"), {"n": int, "m": int})
    assert rows == [] and where(errors) == [(5, "m")], (
        f"the header is the first non-blank line; the row 1,x is on line 5, got {rows!r}, {errors!r}")


def test_reads_the_file_afresh(tmp_path):
    """a file changed between two calls is read again"""
    path = write(tmp_path, "n\n1\n")
    assert read(path, {"n": int})[0] == [{"n": 1}]
    path.write_text("n\n2\n3\n")
    assert read(path, {"n": int})[0] == [{"n": 2}, {"n": 3}], "the second call should see the new contents"


def test_main_prints_json_lines(tmp_path):
    """main prints one JSON object per good row and returns 0"""
    path = write(tmp_path, "id;when;price;ok;name;w\n1;2024-02-29;3,5;yes;Zoë;0.5\n2;;;no;Ann;2\n")
    code, out, err = run_main(main, [str(path), "id=int", "when=date", "ok=bool", "name=str", "w=float"])
    want = ('{"id": 1, "when": "2024-02-29", "price": "3,5", "ok": true, "name": "Zoë", "w": 0.5}\n'
            '{"id": 2, "when": null, "price": "", "ok": false, "name": "Ann", "w": 2.0}\n')
    assert (code, out, err) == (0, want, ""), (
        f"main should print {want!r} (json.dumps(row, ensure_ascii=False, default=str) per row) and return 0; "
        f"got {code}, {out!r}, stderr {err!r}")


def test_main_reports_errors(tmp_path):
    """main prints each error as FILE:LINE: COLUMN: MESSAGE on stderr and returns 1"""
    path = write(tmp_path, 'n,p\n1,2.5\nx,"two\nlines"\n3\n4,4\n')
    code, out, err = run_main(main, [str(path), "n=int", "p=decimal"])
    assert code == 1, f"a file with bad rows should make main return 1, got {code}"
    assert out == '{"n": 1, "p": "2.5"}\n{"n": 4, "p": "4"}\n', f"the good rows still go to stdout, got {out!r}"
    lines = err.splitlines()
    patterns = [rf"{re.escape(str(path))}:3: n: .*'x'.*", rf"{re.escape(str(path))}:3: p: .*'two\\nlines'.*",
                rf"{re.escape(str(path))}:5: .*"]
    assert len(lines) == 3 and all(re.fullmatch(p, line) for p, line in zip(patterns, lines)), (
        f"stderr should have 3 lines: FILE:3: n: ..., FILE:3: p: ... and FILE:5: ... (no column); got {err!r}")
    assert not lines[2].startswith(f"{path}:5: None"), "a whole-row error has no column: FILE:LINE: MESSAGE"


def test_main_failures(tmp_path):
    """a missing file or column returns 1; a bad COLUMN=TYPE is a usage error, 2"""
    path = write(tmp_path, "a\n1\n")
    code, out, err = run_main(main, [str(tmp_path / "nope.csv")])
    assert code == 1 and err and not out, f"a missing file: message on stderr, return 1; got {code}, {out!r}, {err!r}"
    code, out, err = run_main(main, [str(path), "b=int"])
    assert code == 1 and err and not out, f"a column not in the file: message on stderr, return 1; got {code}, {err!r}"
    for bad in (["a=complex"], ["a"], ["=int"]):
        code, out, err = run_main(main, [str(path), *bad])
        assert code == 2 and not out, f"{bad[0]!r} is no COLUMN=TYPE: a usage error, return 2; got {code}, {out!r}"


# ---------------------------------------------------------------------------- properties
KINDS = {  # name: (converter, strategy of (text, value), a bad text)
    "int": (int, st.integers(-10**9, 10**9).map(lambda v: (str(v), v)), "12a"),
    "float": (float, st.floats(allow_nan=False, allow_infinity=False).map(lambda v: (repr(v), v)), "1.2.3"),
    "bool": (bool, st.sampled_from(["true", "True", "YES", "1", "false", "No", "0"]).map(
        lambda w: (w, w.lower() in ("true", "yes", "1"))), "maybe"),
}


@st.composite
def tables(draw, delimiters: str, text_chars: str, ragged: bool):
    """A CSV text written by csv.writer, with its schema, and the rows and (line, column) errors it must give."""
    kinds = draw(st.lists(st.sampled_from(["int", "float", "bool", "str"]), min_size=2, max_size=5))
    header = [f"{kind}_{i}" for i, kind in enumerate(kinds)]
    delimiter = draw(st.sampled_from(delimiters))
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator=draw(st.sampled_from(["\n", "\r\n"])))
    writer.writerow(header)
    line = 2
    rows, errors = [], []
    for _ in range(draw(st.integers(0, 6))):
        if ragged and draw(st.integers(0, 9)) == 0:
            out.write(writer.dialect.lineterminator)  # a blank line
            line += 1
        fields, row, bad = [], {}, []
        for name, kind in zip(header, kinds):
            choice = "ok" if kind == "str" else draw(st.sampled_from(["ok", "ok", "ok", "blank", "bad"]))
            if kind == "str":
                text = value = draw(st.text(st.sampled_from(text_chars), max_size=8))
            elif choice == "ok":
                text, value = draw(KINDS[kind][1])
                text = draw(st.sampled_from(["", " "])) + text + draw(st.sampled_from(["", "  "]))
            elif choice == "blank":
                text, value = draw(st.sampled_from(["", " "])), None
            else:
                text, value = KINDS[kind][2], None
                bad.append(name)
            fields.append(text)
            row[name] = value
        shape = draw(st.sampled_from(["same"] * 8 + ["short", "long"])) if ragged else "same"
        fields = {"same": fields, "short": fields[:-1], "long": fields + ["extra"]}[shape]
        before = len(out.getvalue())
        writer.writerow(fields)
        if shape != "same":
            errors.append((line, None))
        elif bad:
            errors.extend((line, name) for name in bad)
        else:
            rows.append(row)
        line += out.getvalue()[before:].count("\n")
    bom = "\ufeff" if draw(st.booleans()) else ""
    schema = {name: KINDS[kind][0] if kind in KINDS else str for name, kind in zip(header, kinds)}
    return bom + out.getvalue(), schema, rows, errors


def check_table(tmp_path, table):
    text, schema, want_rows, want_errors = table
    path = write(tmp_path, text, "prop.csv")
    rows, errors = read(path, schema)
    got = where(errors)
    assert got == want_errors, f"for the file {text!r} the errors should be at {want_errors}, got {got}"
    assert rows == want_rows, f"for the file {text!r} want rows {want_rows!r}, got {rows!r}"
    for row in rows:
        for name, value in row.items():
            assert value is None or type(value) is (str if schema[name] is str else schema[name]), (
                f"{name} should be converted by {schema[name].__name__}, got {value!r}")


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=tables(",", 'ab Zé東,"\n', ragged=True))
def test_any_comma_file_csv_writer_makes(tmp_path, table):
    """any comma file csv.writer writes (quotes, newlines, blank lines, bad fields, ragged rows) reads right"""
    check_table(tmp_path, table)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=tables(";\t", "ab Zé東,", ragged=False))
def test_any_semicolon_or_tab_file(tmp_path, table):
    """semicolon and tab files with random typed and bad fields read right"""
    check_table(tmp_path, table)
