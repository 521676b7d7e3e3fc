import pytest
from hypothesis import given, strategies as st

from cli_calculator import evaluate, format_result, main
from pyexercise.checklib import run_main


def ev(expr):
    return evaluate(expr.split())


def test_single_operations():
    """one operator at a time, with Python's result types"""
    cases = {"2 + 3": 5, "2 - 3": -1, "4 x 2.5": 10.0, "4 * 3": 12, "7 / 2": 3.5, "6 / 2": 3.0, "5": 5,
             "-3 x -2": 6, "2.5": 2.5, "1e3 + 1": 1001.0, "0 - 0": 0}
    for expr, want in cases.items():
        got = ev(expr)
        assert type(got) is type(want) and got == want, f"{expr} should be {want!r}, got {got!r}"


def test_precedence():
    """x, * and / come before + and -"""
    cases = {"2 + 3 x 4": 14, "2 * 3 + 4": 10, "2 - 3 * 4 + 1": -9, "1 + 2 * 3 - 4 / 2": 5.0,
             "10 - 6 / 3": 8.0, "1 + 2 + 3 x 4 x 5": 63}
    for expr, want in cases.items():
        got = ev(expr)
        assert type(got) is type(want) and got == want, f"{expr} should be {want!r} (* and / first), got {got!r}"


def test_left_to_right():
    """operators of the same level work left to right"""
    cases = {"10 - 2 - 3": 5, "8 / 2 / 2": 2.0, "10 - 2 + 3": 11, "12 / 2 x 3": 18.0, "100 / 10 * 5": 50.0,
             "1 - 1 - 1 - 1": -2}
    for expr, want in cases.items():
        got = ev(expr)
        assert type(got) is type(want) and got == want, f"{expr} should be {want!r} (left to right), got {got!r}"


def test_divide_by_zero():
    """dividing by zero anywhere is ZeroDivisionError('cannot divide by zero')"""
    for expr in ["1 / 0", "0 / 0", "1 / 0.0", "5 / 2 - 2 / 0", "1 / 0 x 0", "3 + 4 / -0"]:
        with pytest.raises(ZeroDivisionError, match="cannot divide by zero"):
            ev(expr)
    assert ev("0 / 4") == 0, "0 / 4 is fine"


@pytest.mark.parametrize("tokens", [[], ["+"], ["2", "+"], ["+", "2"], ["2", "3"], ["2", "+", "+", "3"],
                                    ["two", "+", "3"], ["2", "^", "3"], ["2", "**", "3"], ["nan", "+", "1"],
                                    ["inf", "*", "0"], ["1", "+", "-infinity"], ["1", "x"], ["4", "/", "2", "2"],
                                    ["2", "+", "3", "=", "5"], [""], ["1", "2", "+"]])
def test_bad_expressions(tokens):
    """empty input, unknown tokens, inf/nan, and numbers/operators out of turn are ValueErrors"""
    with pytest.raises(ValueError):
        evaluate(tokens)


ints = st.integers(-50, 50)


@given(ints, st.lists(st.tuples(st.sampled_from(["+", "-", "*", "x", "/"]), ints | st.integers(-500, 500).map(lambda i: i / 8)), max_size=6))
def test_matches_python(first, rest):
    """agrees with Python's own arithmetic on random expressions"""
    tokens = [str(first)]
    for op, n in rest:
        tokens += [op, repr(n)]
    python = " ".join("*" if t == "x" else t for t in tokens)
    try:
        want = eval(python)
    except ZeroDivisionError:
        want = None
    if want is None:  # (outside the except block, so a failure here is not "during another exception")
        with pytest.raises(ZeroDivisionError):
            evaluate(tokens)
        return
    got = evaluate(tokens)
    assert type(got) is type(want), f"{' '.join(tokens)}: Python gives a {type(want).__name__}, you gave {got!r}"
    assert got == pytest.approx(want, rel=1e-9, abs=1e-9), f"{' '.join(tokens)} should be {want!r}, got {got!r}"


def test_format_result():
    """without precision: ints as they are, whole floats without .0; with precision: fixed places"""
    cases = [((14, None), "14"), ((3.5, None), "3.5"), ((3.0, None), "3"), ((-2.0, None), "-2"),
             ((0.1 + 0.2, None), "0.30000000000000004"), ((1e20, None), "100000000000000000000"),
             ((10**20, None), "100000000000000000000"), ((-0.25, None), "-0.25"),
             ((10 / 3, 2), "3.33"), ((14, 2), "14.00"), ((1 / 3, 4), "0.3333"), ((-1.5, 1), "-1.5"),
             ((2.0, 0), "2"), ((7, 0), "7"), ((0.125, 3), "0.125")]
    for (x, precision), want in cases:
        got = format_result(x, precision)
        assert type(got) is str and got == want, f"format_result({x!r}, {precision!r}) should be {want!r}, got {got!r}"


def test_main_prints_result(capsys):
    """main prints the value and returns 0"""
    assert run_main(main, ["2", "+", "3", "x", "4"], capsys=capsys) == (0, "14\n", ""), "calc 2 + 3 x 4 should print 14"
    assert run_main(main, ["7", "/", "2"], capsys=capsys) == (0, "3.5\n", "")
    assert run_main(main, ["6", "/", "2"], capsys=capsys) == (0, "3\n", ""), "6 / 2 should print 3, not 3.0"
    assert run_main(main, ["4", "*", "5"], capsys=capsys) == (0, "20\n", ""), "a quoted * works too"
    assert run_main(main, ["-3", "x", "-2"], capsys=capsys) == (0, "6\n", ""), (
        "negative numbers are numbers, not options")


def test_main_precision(capsys):
    """--precision N prints exactly N decimal places"""
    assert run_main(main, ["--precision", "2", "10", "/", "3"], capsys=capsys) == (0, "3.33\n", "")
    assert run_main(main, ["--precision", "3", "2", "+", "2"], capsys=capsys) == (0, "4.000\n", "")
    assert run_main(main, ["--precision=0", "9", "/", "4"], capsys=capsys) == (0, "2\n", "")


def test_main_errors(capsys):
    """division by zero exits 1; bad expressions and options exit 2; errors go to stderr"""
    code, out, err = run_main(main, ["1", "/", "0"], capsys=capsys)
    assert (code, out) == (1, ""), f"calc 1 / 0 should print nothing on stdout and return 1, got {code}, {out!r}"
    assert err.startswith("error:") and "divide by zero" in err, f"stderr should be 'error: cannot divide by zero', got {err!r}"
    for argv in (["2", "+"], ["two", "+", "2"], ["1", "2"], ["nan", "+", "1"]):
        code, out, err = run_main(main, argv, capsys=capsys)
        assert code == 2, f"calc {' '.join(argv)} is a bad expression: exit code 2 expected, got {code}"
        assert out == "" and err.startswith("error:"), f"calc {' '.join(argv)}: expected 'error: ...' on stderr, got out={out!r} err={err!r}"
    for argv in ([], ["--precision", "abc", "1", "+", "1"], ["--precision", "-1", "1", "+", "1"]):
        code, out, err = run_main(main, argv, capsys=capsys)
        assert code == 2, f"calc {' '.join(argv)}: exit code 2 expected for a usage error, got {code}"
        assert out == "" and "error" in err, f"calc {' '.join(argv)}: the error belongs on stderr, got out={out!r} err={err!r}"
