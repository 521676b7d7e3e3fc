import contextlib
import csv
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from csv_print_rows import print_csv_rows

# Each example makes its own fresh directory inside tmp_path, so sharing the fixture is safe.
FRESH_DIR_EACH_TIME = [HealthCheck.function_scoped_fixture]


def make(tmp_path, text: str, name="people.csv") -> Path:
    f = tmp_path / name
    f.write_bytes(text.encode("utf-8"))
    return f


def printed_rows(out: str) -> list[str]:
    return out.splitlines()


@pytest.mark.parametrize("text, delimiter, rows, hint", [
    pytest.param("name,city,age\nAda,London,36\nAlan,Wilmslow,41\n", ",",
                 [["name", "city", "age"], ["Ada", "London", "36"], ["Alan", "Wilmslow", "41"]],
                 "print each row as a list (print(row)), header included", id="a simple file"),
    pytest.param('name,city\n"Lovelace, Ada","London, UK"\n"Grace ""Amazing"" Hopper",NYC\n', ",",
                 [["name", "city"], ["Lovelace, Ada", "London, UK"], ['Grace "Amazing" Hopper', "NYC"]],
                 "use csv.reader instead of split(',')", id='quoted fields keep their commas, and "" is one quote'),
    pytest.param('id,address\n1,"221B Baker Street\nLondon"\n2,"Main St"\n', ",",
                 [["id", "address"], ["1", "221B Baker Street\nLondon"], ["2", "Main St"]],
                 "the file has 3 rows: one field spans two lines", id="a line break inside quotes is still one row"),
    pytest.param("a,b\n\n1,2\n\n\n3,4\n", ",", [["a", "b"], ["1", "2"], ["3", "4"]],
                 "blank lines are not rows: don't print [] for them", id="blank lines are skipped"),
    pytest.param("a, b,,d\n", ",", [["a", " b", "", "d"]], "spaces belong to fields, and empty fields are ''",
                 id="spaces and empty fields"),
    pytest.param('produit;prix\n"pain; complet";2,50\ncafé;1,20\n', ";",
                 [["produit", "prix"], ["pain; complet", "2,50"], ["café", "1,20"]],
                 "delimiter=';' reads a semicolon-separated file", id="a semicolon delimiter"),
    pytest.param("город,страна\nМосква,Россия\n", ",", [["город", "страна"], ["Москва", "Россия"]],
                 "read the file as UTF-8", id="UTF-8 fields"),
    pytest.param("", ",", [], "an empty file has no rows", id="an empty file"),
])
def test_prints_each_row(tmp_path, capsys, text, delimiter, rows, hint):
    """each row, header included, is printed as a list, and the number of rows returned"""
    f = make(tmp_path, text)
    got = print_csv_rows(str(f), delimiter=delimiter)
    out = capsys.readouterr().out
    want = "".join(f"{row}\n" for row in rows)
    assert out == want, f"for the file {text!r}, expected\n{want}printed\n{out}({hint})"
    assert type(got) is int and got == len(rows), f"{len(rows)} rows were printed ({hint}); got {got!r}"


def test_tab_delimiter_and_windows_endings(tmp_path, capsys):
    """tab-separated (the delimiter passed by position), '\\r\\n' line endings"""
    f = tmp_path / "t.tsv"
    f.write_bytes(b"x\ty\r\n1\t2\r\n")
    assert print_csv_rows(f, "\t") == 2
    assert capsys.readouterr().out == "['x', 'y']\n['1', '2']\n", "no '\\r' may be left in the fields"


def test_missing_file(tmp_path):
    """a missing file raises FileNotFoundError"""
    with pytest.raises(FileNotFoundError):
        print_csv_rows(tmp_path / "missing.csv")


field = st.text(st.sampled_from('ab ,"\né;'), max_size=6)


@settings(max_examples=40, suppress_health_check=FRESH_DIR_EACH_TIME)
@given(st.lists(st.lists(field, min_size=1, max_size=4), max_size=5))
def test_round_trip(tmp_path, rows):
    """whatever csv.writer writes, the rows printed are the rows written"""
    f = Path(tempfile.mkdtemp(dir=tmp_path)) / "f.csv"
    with open(f, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        got = print_csv_rows(f)
    assert got == len(rows)
    assert out.getvalue() == "".join(f"{r}\n" for r in rows)
