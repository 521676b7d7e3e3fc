import collections.abc
import csv
import io
import os
import threading

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from csv_stream import iter_rows, sum_column
from pyexercise.checklib import assert_not_used


def write(tmp_path, text: str, name: str = "data.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def test_typical_rows(tmp_path):
    """each row becomes a dict from the header's names to that row's fields, as strings"""
    path = write(tmp_path, "name,age,city\nAda,36,London\nAlan,41,Wilmslow\n")
    rows = list(iter_rows(path))
    want = [{"name": "Ada", "age": "36", "city": "London"},
            {"name": "Alan", "age": "41", "city": "Wilmslow"}]
    assert rows == want, f"iter_rows should yield {want!r}, got {rows!r}"
    assert all(type(r) is dict for r in rows), "each row should be a plain dict"
    assert all(type(v) is str for r in rows for v in r.values()), "fields stay strings (no conversion)"
    assert list(rows[0]) == ["name", "age", "city"], "the dict's keys come in the header's order"


def test_accepts_str_path(tmp_path):
    """the path may be a str as well as a pathlib.Path"""
    path = write(tmp_path, "a,b\n1,2\n")
    assert list(iter_rows(str(path))) == [{"a": "1", "b": "2"}]


def test_quoted_fields(tmp_path):
    """quotes protect commas, doubled quotes and even newlines inside a field"""
    text = ('item,note\n'
            '"Tea, green","say ""hi"""\n'
            'Cake,"two\nlines"\n'
            '"",plain\n')
    rows = list(iter_rows(write(tmp_path, text)))
    want = [{"item": "Tea, green", "note": 'say "hi"'},
            {"item": "Cake", "note": "two\nlines"},
            {"item": "", "note": "plain"}]
    assert rows == want, ("quoted fields: a comma inside quotes doesn't split, \"\" is one quote, and a "
                          f"newline inside quotes stays in the field; want {want!r}, got {rows!r}")


def test_unicode_and_crlf(tmp_path):
    """UTF-8 text and Windows line endings read correctly"""
    path = write(tmp_path, "città,prix\r\nZürich,10€\r\n東京,¥\r\n")
    rows = list(iter_rows(path))
    assert rows == [{"città": "Zürich", "prix": "10€"}, {"città": "東京", "prix": "¥"}], (
        f"open the file as UTF-8, with newline=''; got {rows!r}")


def test_blank_lines_skipped(tmp_path):
    """blank lines between rows and at the end are not rows"""
    path = write(tmp_path, "a,b\n1,2\n\n3,4\n\n\n")
    rows = list(iter_rows(path))
    assert rows == [{"a": "1", "b": "2"}, {"a": "3", "b": "4"}], f"blank lines should be skipped, got {rows!r}"


def test_empty_file_and_header_only(tmp_path):
    """an empty file, or one with just a header, has no rows"""
    assert list(iter_rows(write(tmp_path, "", "empty.csv"))) == [], "an empty file has no rows"
    assert list(iter_rows(write(tmp_path, "a,b,c\n", "header.csv"))) == [], "a header alone is no row"
    assert list(iter_rows(write(tmp_path, "a,b,c", "header2.csv"))) == [], "a header without newline neither"


def test_ragged_row_raises(tmp_path):
    """a row with more or fewer fields than the header is a ValueError"""
    with pytest.raises(ValueError):
        list(iter_rows(write(tmp_path, "a,b\n1,2\n3\n", "short.csv")))
    with pytest.raises(ValueError):
        list(iter_rows(write(tmp_path, "a,b\n1,2,3\n", "long.csv")))


def test_other_delimiter(tmp_path):
    """delimiter=';' reads semicolon-separated files (commas are then just text)"""
    path = write(tmp_path, "a;b\n1,5;x\n")
    rows = list(iter_rows(path, delimiter=";"))
    assert rows == [{"a": "1,5", "b": "x"}], f"with delimiter=';' got {rows!r}"
    path2 = write(tmp_path, "n;m\n1.5;2\n2.5;3\n", "semi.csv")
    assert sum_column(path2, "n", delimiter=";") == 4.0, "sum_column should pass the delimiter on"


def test_is_lazy_iterator(tmp_path):
    """iter_rows returns an iterator (a generator), not a list"""
    rows = iter_rows(write(tmp_path, "a\n1\n2\n"))
    assert isinstance(rows, collections.abc.Iterator), (
        f"iter_rows should return an iterator (write it as a generator with yield), got {type(rows).__name__}")
    assert not isinstance(rows, (list, tuple)), "a list holds every row in memory at once"
    assert next(rows) == {"a": "1"}
    assert next(rows) == {"a": "2"}
    with pytest.raises(StopIteration):
        next(rows)


def test_first_row_before_the_file_ends(tmp_path):
    """the first row arrives while the rest of the file is still being written (no reading it all first)"""
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    finish = threading.Event()
    got: dict = {}

    def writer():
        fd = os.open(fifo, os.O_WRONLY)  # waits until the reader opens the pipe
        try:
            os.write(fd, b"id,word\n1,alpha\n2,beta\n")
            finish.wait(10)
            os.write(fd, b"3,gamma\n")
        finally:
            os.close(fd)

    def reader():
        try:
            got["row"] = next(iter_rows(fifo))
        except BaseException as exc:  # noqa: BLE001 - shown in the main thread
            got["error"] = exc

    w = threading.Thread(target=writer, daemon=True)
    w.start()
    try:
        r = threading.Thread(target=reader, daemon=True)
        r.start()
        r.join(5)
        waited = r.is_alive()
    finally:
        finish.set()
        if w.is_alive():  # the learner never opened the file: unblock the writer's open()
            release = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
            w.join(5)
            os.close(release)
        r.join(5)
    if "error" in got:
        raise got["error"]
    assert not waited, ("the first row only came once the whole file had been read: read the file a line "
                        "(or a buffer) at a time and yield each row as soon as you have it")
    assert got.get("row") == {"id": "1", "word": "alpha"}, f"the first row should be id=1, got {got.get('row')!r}"


def test_sum_column(tmp_path):
    """sum_column adds up a numeric column and returns a float"""
    path = write(tmp_path, 'item,qty,price\nTea,2,"3.5"\nCake,1,-1.25\nJam,,4\n')
    got = sum_column(path, "price")
    assert type(got) is float, f"sum_column should return a float, got {type(got).__name__}"
    assert got == 6.25, f"3.5 + -1.25 + 4 is 6.25, got {got!r}"
    assert sum_column(path, "qty") == 3.0, "empty cells are skipped: 2 + 1 (+ nothing) is 3.0"


def test_sum_column_no_rows(tmp_path):
    """the sum over no rows is 0.0"""
    for name, text in [("e.csv", ""), ("h.csv", "x,y\n")]:
        got = sum_column(write(tmp_path, text, name), "x")
        assert got == 0.0 and type(got) is float, f"summing a file with no rows gives 0.0, got {got!r}"


def test_sum_column_errors(tmp_path):
    """an unknown column is a KeyError; a cell that is not a number is a ValueError"""
    path = write(tmp_path, "a,b\n1,x\n")
    with pytest.raises(KeyError):
        sum_column(path, "nope")
    with pytest.raises(ValueError):
        sum_column(path, "b")


def test_builds_its_own_dicts():
    """the dicts are yours: no csv.DictReader"""
    assert_not_used("csv.DictReader", names=["DictReader"], attributes=["DictReader"])


field_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(header=st.lists(field_text.filter(bool), min_size=1, max_size=5, unique=True),
       data=st.data())
def test_round_trips_anything_csv_writes(tmp_path, header, data):
    """any table that csv.writer writes reads back the same (quotes, commas, newlines, unicode)"""
    rows = data.draw(st.lists(st.lists(field_text, min_size=len(header), max_size=len(header)), max_size=6))
    buf = io.StringIO(newline="")
    w = csv.writer(buf)
    w.writerow(header)
    w.writerows(rows)
    path = tmp_path / "prop.csv"
    path.write_bytes(buf.getvalue().encode("utf-8"))
    want = [dict(zip(header, r)) for r in rows]
    got = list(iter_rows(path))
    assert got == want, f"for the file {buf.getvalue()!r} want {want!r}, got {got!r}"


# ---------------------------------------------------------------------------- the big file
BIG_MB = 160
NOTE = "lorem ipsum, dolor sit amet; consectetur adipiscing elit, sed do eiusmod tempor incididunt"


def make_block(rows: int = 2000) -> tuple[str, float]:
    """One chunk of rows (quoted commas, doubled quotes, decimals) and the sum of its amount column."""
    out = io.StringIO(newline="")
    w = csv.writer(out, lineterminator="\n")
    total = 0.0
    for i in range(rows):
        amount = (i * 37) % 1000 - 250 + (0.5 if i % 4 == 0 else 0.0)
        total += amount
        w.writerow([i, f'customer "{i % 97}"', f"{amount:g}", f"{NOTE} #{i}"])
    return out.getvalue(), total


def test_sums_a_file_bigger_than_the_memory_limit(tmp_path):
    """sum_column streams a 160 MB file within a 100 MB memory limit, and gets the exact sum"""
    small = tmp_path / "small.csv"
    small.write_text("id,amount\n1,2.5\n")
    assert sum_column(small, "amount") == 2.5, "first, a two-line file: amount should sum to 2.5"
    block, block_total = make_block()
    path = tmp_path / "big.csv"
    data = block.encode("utf-8")
    copies = BIG_MB * 1024 * 1024 // len(data) + 1
    with open(path, "wb") as f:
        f.write(b"id,customer,amount,note\n")
        for _ in range(copies):  # written chunk by chunk: the check never holds the file either
            f.write(data)
    del data, block
    assert path.stat().st_size >= BIG_MB * 1024 * 1024
    got = sum_column(path, "amount")
    want = block_total * copies
    assert got == want, f"the amount column of the big file sums to {want!r}, got {got!r}"
