import importlib.util
import logging
import os

import pytest
from hypothesis import Phase, given, settings, strategies as st

import sales_logging
from pyexercise.checklib import target_module_name, target_path
from sales_logging import main, summarize_sales

# pyex's time limit covers the whole run: skip hypothesis's slow "explain" phase on a failure
QUICK = settings(phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink])
NAME = target_module_name()  # what __name__ is inside the file under test


@pytest.fixture(autouse=True)
def restore_root_logger():
    """main() may call logging.basicConfig(); undo it after each test."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for h in root.handlers[:]:
        if h not in handlers:
            root.removeHandler(h)
    root.setLevel(level)


def records(caplog):
    """(level, message) of the records on the module's logger; fail if the file logged elsewhere."""
    here = os.path.realpath(target_path())
    elsewhere = sorted({r.name for r in caplog.records if r.name != NAME and os.path.realpath(r.pathname) == here})
    if elsewhere:
        pytest.fail(f"your code logged on the logger(s) {elsewhere}, not on the module's logger {NAME!r}: create "
                    "`logger = logging.getLogger(__name__)` and call logger.warning(...), not logging.warning(...)")
    return [(r.levelname, r.getMessage()) for r in caplog.records if r.name == NAME]


SAMPLE = ["apple,3,0.50", "pear,x,1.00", "apple,1,0.50", "tea,2,3.99"]


def test_totals():
    """summarize_sales() totals quantity x price per item, in first-seen order"""
    got = summarize_sales(SAMPLE)
    assert got == {"apple": 2.0, "tea": 7.98}, f"summarize_sales(SAMPLE) should be {{'apple': 2.0, 'tea': 7.98}}, got {got!r}"
    assert list(got) == ["apple", "tea"], f"items should be in the order they first appear, got {list(got)!r}"
    got = summarize_sales(["gum,3,0.10", "gum,3,0.10", "gum,1,0.10"])
    assert got == {"gum": 0.7}, f"7 x 0.10 should total 0.7 (rounded to 2 decimals), got {got!r}"
    got = summarize_sales(["nail,3,0.333"])
    assert got == {"nail": 1.0}, f"3 x 0.333 is 0.999, which rounds to 1.0; got {got!r}"


def test_log_records(caplog):
    """the log tells the story: start, each line, each skip, summary"""
    caplog.set_level(logging.DEBUG, logger=NAME)
    summarize_sales(SAMPLE)
    want = [
        ("INFO", "processing 4 lines"),
        ("DEBUG", "line 1: 3 x apple at 0.50"),
        ("WARNING", "line 2: skipped 'pear,x,1.00' (bad quantity)"),
        ("DEBUG", "line 3: 1 x apple at 0.50"),
        ("DEBUG", "line 4: 2 x tea at 3.99"),
        ("INFO", "processed 3 records, skipped 1"),
    ]
    got = records(caplog)
    if not got and caplog.records:
        names = sorted({r.name for r in caplog.records})
        pytest.fail(f"the records were logged on {names}, not on the module's logger {NAME!r}: "
                    "use logger = logging.getLogger(__name__) and logger.info(...), not logging.info(...)")
    assert got == want, "the log records should be:\n" + "\n".join(map(str, want)) + "\nbut were:\n" + "\n".join(map(str, got))


@pytest.mark.parametrize("line, reason", [
    ("apple,3", "expected 3 fields, got 2"),
    ("apple,3,0.5,extra", "expected 3 fields, got 4"),
    ("just text", "expected 3 fields, got 1"),
    (",3,0.50", "missing item name"),
    ("apple,three,0.50", "bad quantity"),
    ("apple,2.5,0.50", "bad quantity"),
    ("apple,0,0.50", "bad quantity"),
    ("apple,-1,0.50", "bad quantity"),
    ("apple,3,cheap", "bad price"),
    ("apple,3,-0.50", "bad price"),
    ("apple,3,", "bad price"),
    (",x,y", "missing item name"),
    ("apple,x,y", "bad quantity"),
])
def test_bad_lines(caplog, line, reason):
    """each kind of bad line is skipped with a WARNING and the right reason"""
    caplog.set_level(logging.DEBUG, logger=NAME)
    got = summarize_sales(["tea,1,2.00", line])
    assert got == {"tea": 2.0}, f"a bad line must be skipped, not counted: got {got!r}"
    warnings = [m for level, m in records(caplog) if level == "WARNING"]
    want = f"line 2: skipped {line!r} ({reason})"
    assert warnings == [want], f"for {line!r} the WARNING should be {want!r}, got {warnings!r}"


def test_spaces_and_blank_lines(caplog):
    """lines and fields are stripped; blank lines are ignored but counted"""
    caplog.set_level(logging.DEBUG, logger=NAME)
    got = summarize_sales(["  apple , 2 , 1.25 \n", "\n", "   ", "bad line\n", "tea,1,1\n"])
    assert got == {"apple": 2.5, "tea": 1.0}, f"got {got!r}"
    want = [
        ("INFO", "processing 5 lines"),
        ("DEBUG", "line 1: 2 x apple at 1.25"),
        ("WARNING", "line 4: skipped 'bad line' (expected 3 fields, got 1)"),
        ("DEBUG", "line 5: 1 x tea at 1.00"),
        ("INFO", "processed 2 records, skipped 1"),
    ]
    assert records(caplog) == want, f"the log records should be {want!r}, got {records(caplog)!r}"


def test_empty_input(caplog):
    """no lines: an empty result, and the start and summary records"""
    caplog.set_level(logging.DEBUG, logger=NAME)
    assert summarize_sales([]) == {}
    assert records(caplog) == [("INFO", "processing 0 lines"), ("INFO", "processed 0 records, skipped 0")], (
        f"for no lines the records should be start and summary, got {records(caplog)!r}")


def test_accepts_any_iterable():
    """lines may come from a generator (or an open file)"""
    got = summarize_sales(line for line in ["a,1,1.00", "b,2,2.00"])
    assert got == {"a": 1.0, "b": 4.0}, f"summarize_sales(<generator>) gave {got!r}"


def test_levels_filter(caplog):
    """at WARNING level only the warnings come through (the levels are right)"""
    caplog.set_level(logging.WARNING, logger=NAME)
    summarize_sales(SAMPLE)
    assert records(caplog) == [("WARNING", "line 2: skipped 'pear,x,1.00' (bad quantity)")], (
        f"with the level at WARNING only the skipped line should be logged, got {records(caplog)!r}")


def test_lazy_formatting(caplog):
    """values are passed to the logger as arguments, not formatted in with f-strings"""
    caplog.set_level(logging.DEBUG, logger=NAME)
    summarize_sales(SAMPLE)
    mine = [r for r in caplog.records if r.name == NAME]
    assert mine, "summarize_sales() logged nothing on the module's logger"
    for r in mine:
        assert r.args, (f"the record {r.getMessage()!r} was formatted before logging: "
                        f"write logger.{r.levelname.lower()}(\"... %d ...\", value), not an f-string")


def test_no_printing(capsys):
    """summarize_sales() logs; it doesn't print"""
    summarize_sales(SAMPLE)
    out, err = capsys.readouterr()
    assert out == "" and err == "", f"summarize_sales() printed {out + err!r}: use the logger instead"


def test_import_does_not_configure_logging():
    """importing the module adds no handlers to the root logger (no basicConfig at import time)"""
    summarize_sales([])
    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    root.handlers = []  # basicConfig() does nothing when the root logger has handlers already
    try:
        spec = importlib.util.spec_from_file_location(NAME + "_fresh_copy", target_path())
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        added = root.handlers[:]
    finally:
        root.handlers = saved_handlers
        root.setLevel(saved_level)
    assert not added, ("importing your module configured logging (it added a handler to the root logger): "
                       "call logging.basicConfig() in main(), not at the top of the module")
    assert isinstance(getattr(sales_logging, "logger", None), logging.Logger) and sales_logging.logger.name == NAME, (
        "the module should have `logger = logging.getLogger(__name__)`")


def test_main_prints_totals(tmp_path, capsys, caplog):
    """main(FILE) prints 'ITEM: TOTAL' lines and returns 0"""
    p = tmp_path / "sales.csv"
    p.write_text("apple,3,0.50\npear,x,1\n\napple,2,0.50\ntea,1,3.99\n", encoding="utf-8")
    caplog.set_level(logging.INFO, logger=NAME)
    code = main([str(p)])
    out = capsys.readouterr().out
    assert out == "apple: 2.50\ntea: 3.99\n", f"main() should print 'apple: 2.50\\ntea: 3.99\\n', printed {out!r}"
    assert code == 0, f"main() should return 0, got {code!r}"
    assert ("WARNING", "line 2: skipped 'pear,x,1' (bad quantity)") in records(caplog), "main() should log the skipped line"


def test_main_missing_file(tmp_path, capsys, caplog):
    """a file that can't be read: an ERROR record, return 1, no traceback"""
    missing = str(tmp_path / "nope.csv")
    caplog.set_level(logging.INFO, logger=NAME)
    code = main([missing])
    assert code == 1, f"main() on a missing file should return 1, got {code!r}"
    errors = [m for level, m in records(caplog) if level == "ERROR"]
    want = f"cannot read {missing}: No such file or directory"
    assert errors == [want], f"main() should log one ERROR {want!r}, got {errors!r}"
    code = main([str(tmp_path)])
    errors = [m for level, m in records(caplog) if level == "ERROR"]
    assert code == 1 and errors[-1] == f"cannot read {tmp_path}: Is a directory", (
        f"main(<a directory>) should log 'cannot read ...: Is a directory' and return 1; got {errors!r}, {code!r}")


def test_main_reads_sys_argv(tmp_path, capsys, monkeypatch):
    """main() with no argv takes the file name from sys.argv[1:]"""
    p = tmp_path / "sales.csv"
    p.write_text("tea,2,1.50\n", encoding="utf-8")
    monkeypatch.setattr("sys.argv", ["sales_logging", str(p)])
    code = main()
    out = capsys.readouterr().out
    assert out == "tea: 3.00\n" and code == 0, f"with sys.argv = ['sales_logging', 'sales.csv'] main() printed {out!r}"


def test_main_usage(capsys, monkeypatch):
    """main() without a file name prints a usage line to stderr and returns 2"""
    code = main([])
    err = capsys.readouterr().err
    assert code == 2 and err == "usage: sales_logging FILE\n", f"main([]) returned {code!r} and printed {err!r}"
    monkeypatch.setattr("sys.argv", ["sales_logging"])
    assert main() == 2, "main() with no arguments should read sys.argv and return 2"


records_st = st.lists(st.tuples(st.sampled_from(["apple", "pear", "tea"]), st.integers(1, 20), st.integers(0, 999)),
                      max_size=12)


@QUICK
@given(records_st)
def test_any_valid_data(rows):
    """any valid lines: the exact totals per item"""
    lines = [f"{item},{q},{cents / 100:.2f}" for item, q, cents in rows]
    want = {}
    for item, q, cents in rows:
        want[item] = want.get(item, 0) + q * cents
    got = summarize_sales(lines)
    assert list(got) == list(want)
    for item, cents in want.items():
        assert got[item] == pytest.approx(cents / 100, abs=1e-9)
