import contextlib
import csv
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings, strategies as st

from csv_print_rows import print_csv_rows

# Hypothesis' "explain" phase re-runs a failing example many times to say which parts of it
# matter; on a busy machine that alone can take several seconds. Skip it: the shrunk example
# is explanation enough.
NO_EXPLAIN = [Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink]
# Each example makes its own fresh directory inside tmp_path, so sharing the fixture is safe.
FRESH_DIR_EACH_TIME = [HealthCheck.function_scoped_fixture]


def make(tmp_path, text: str, name="people.csv") -> Path:
    f = tmp_path / name
    f.write_bytes(text.encode("utf-8"))
    return f


def printed_rows(out: str) -> list[str]:
    return out.splitlines()


def test_simple_file(tmp_path, capsys):
    """each row, header included, is printed as a list, and the count returned"""
    f = make(tmp_path, "name,city,age\nAda,London,36\nAlan,Wilmslow,41\n")
    got = print_csv_rows(str(f))
    out = capsys.readouterr().out
    assert out == ("['name', 'city', 'age']\n['Ada', 'London', '36']\n['Alan', 'Wilmslow', '41']\n"), (
        f"expected each row printed as a list (print(row)); printed:\n{out}")
    assert type(got) is int and got == 3, f"3 rows were printed; print_csv_rows returned {got!r}"


def test_quoted_commas_and_quotes(tmp_path, capsys):
    """quoted fields keep their commas, and "" inside quotes is one quote"""
    f = make(tmp_path, 'name,city\n"Lovelace, Ada","London, UK"\n"Grace ""Amazing"" Hopper",NYC\n')
    assert print_csv_rows(Path(f)) == 3
    out = capsys.readouterr().out
    want = "['name', 'city']\n['Lovelace, Ada', 'London, UK']\n['Grace \"Amazing\" Hopper', 'NYC']\n"
    assert out == want, f"use csv.reader instead of split(','): expected\n{want}printed\n{out}"


def test_newline_inside_quotes(tmp_path, capsys):
    """a quoted field may contain a line break: it is still one row"""
    f = make(tmp_path, 'id,address\n1,"221B Baker Street\nLondon"\n2,"Main St"\n')
    got = print_csv_rows(f)
    out = capsys.readouterr().out
    assert got == 3, f"the file has 3 rows (one field spans two lines); got {got!r}"
    assert out == "['id', 'address']\n['1', '221B Baker Street\\nLondon']\n['2', 'Main St']\n", f"printed\n{out}"


def test_blank_lines_skipped(tmp_path, capsys):
    """blank lines are not rows"""
    f = make(tmp_path, "a,b\n\n1,2\n\n\n3,4\n")
    assert print_csv_rows(f) == 3, "blank lines must not count as rows"
    assert capsys.readouterr().out == "['a', 'b']\n['1', '2']\n['3', '4']\n", "don't print [] for blank lines"


def test_spaces_and_empty_fields(tmp_path, capsys):
    """spaces belong to fields, and empty fields are ''"""
    f = make(tmp_path, "a, b,,d\n")
    print_csv_rows(f)
    assert capsys.readouterr().out == "['a', ' b', '', 'd']\n"


def test_semicolon_delimiter(tmp_path, capsys):
    """delimiter=';' reads a semicolon-separated file"""
    f = make(tmp_path, 'produit;prix\n"pain; complet";2,50\ncafé;1,20\n')
    assert print_csv_rows(f, delimiter=";") == 3
    assert capsys.readouterr().out == "['produit', 'prix']\n['pain; complet', '2,50']\n['café', '1,20']\n"


def test_tab_delimiter_and_windows_endings(tmp_path, capsys):
    """tab-separated, '\\r\\n' line endings"""
    f = tmp_path / "t.tsv"
    f.write_bytes(b"x\ty\r\n1\t2\r\n")
    assert print_csv_rows(f, "\t") == 2
    assert capsys.readouterr().out == "['x', 'y']\n['1', '2']\n", "no '\\r' may be left in the fields"


def test_unicode(tmp_path, capsys):
    """UTF-8 fields are read correctly"""
    f = make(tmp_path, "город,страна\nМосква,Россия\n")
    print_csv_rows(f)
    assert capsys.readouterr().out == "['город', 'страна']\n['Москва', 'Россия']\n"


def test_empty_file(tmp_path, capsys):
    """an empty file prints nothing and returns 0"""
    assert print_csv_rows(make(tmp_path, "")) == 0
    assert capsys.readouterr().out == ""


def test_missing_file(tmp_path):
    """a missing file raises FileNotFoundError"""
    with pytest.raises(FileNotFoundError):
        print_csv_rows(tmp_path / "missing.csv")


field = st.text(st.sampled_from('ab ,"\né;'), max_size=6)


@settings(max_examples=40, phases=NO_EXPLAIN, suppress_health_check=FRESH_DIR_EACH_TIME)
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
