import io
import math
import operator
import sys

import pytest
from hypothesis import given, strategies as st

from calculator_session import calculate, format_number, main, parse_line, session

OPS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}


def same(got, want):
    """Equal and of the same type (3 and 3.0 are different answers on a calculator's way in)."""
    return type(got) is type(want) and got == want


def test_calculate_basic():
    """calculate does + - * / with Python's own result types"""
    cases = [(2, "+", 3, 5), (2, "-", 3, -1), (4, "*", 2.5, 10.0), (7, "/", 2, 3.5), (6, "/", 2, 3.0),
             (-4, "*", -3, 12), (0, "-", 0, 0), (1.5, "+", 1, 2.5)]
    for a, op, b, want in cases:
        got = calculate(a, op, b)
        assert same(got, want), f"calculate({a!r}, {op!r}, {b!r}) should be {want!r}, got {got!r}"


def test_divide_by_zero():
    """dividing by zero raises ZeroDivisionError('cannot divide by zero')"""
    for a, b in [(1, 0), (0, 0), (-5, 0.0), (2.5, -0.0)]:
        with pytest.raises(ZeroDivisionError, match="cannot divide by zero"):
            calculate(a, "/", b)
    assert calculate(0, "/", 5) == 0, "zero divided by something is fine"
    assert calculate(0, "*", 0) == 0, "only division by zero is an error"


def test_unknown_operator():
    """any operator but + - * / is a ValueError"""
    for op in ["%", "^", "**", "//", "x", "", "plus", " +"]:
        with pytest.raises(ValueError):
            calculate(6, op, 3)


@given(st.integers(-10**6, 10**6) | st.floats(-1e6, 1e6), st.sampled_from("+-*/"),
       st.integers(-10**6, 10**6) | st.floats(-1e6, 1e6))
def test_calculate_matches_python(a, op, b):
    """calculate agrees with Python's operators on any numbers"""
    if op == "/" and b == 0:
        with pytest.raises(ZeroDivisionError):
            calculate(a, op, b)
        return
    want = OPS[op](a, b)
    got = calculate(a, op, b)
    assert same(got, want) or (math.isnan(want) and math.isnan(got)), (
        f"calculate({a!r}, {op!r}, {b!r}) should be {want!r}, got {got!r}")


def test_parse_line():
    """parse_line splits 'NUMBER OP NUMBER', spaces optional, signs and decimals allowed"""
    cases = {
        "12 + 3": (12, "+", 3),
        "-4*2.5": (-4, "*", 2.5),
        "3-2": (3, "-", 2),
        "3 - -2": (3, "-", -2),
        "  7 /2 \n": (7, "/", 2),
        "+1 + 0.25": (1, "+", 0.25),
        "1000000 * 0": (1000000, "*", 0),
        "2.0 / 4": (2.0, "/", 4),
    }
    for line, want in cases.items():
        got = parse_line(line)
        assert type(got) is tuple and len(got) == 3, f"parse_line({line!r}) should return a 3-tuple, got {got!r}"
        assert all(same(g, w) for g, w in zip(got, want)), (
            f"parse_line({line!r}) should be {want!r} (ints stay ints, '2.5' is a float), got {got!r}")


def test_parse_ans():
    """'ans' (any case) stands for the previous result"""
    assert parse_line("ans * 2", 21) == (21, "*", 2)
    assert parse_line("10 - ANS", 2.5) == (10, "-", 2.5)
    assert parse_line("Ans+ans", -3) == (-3, "+", -3)
    assert parse_line("ans / 4") == (0, "/", 4), "ans defaults to 0"


@pytest.mark.parametrize("line", ["", "   ", "2 +", "+ 2", "two + 3", "1 + 2 + 3", "2 3", "2 ^ 3", "1.2.3 + 1",
                                  "ans ans", "5", "2 ++ 3", "1,5 + 1", "2 + 3 =", "12 + 3abc"])
def test_parse_bad_input(line):
    """anything that is not NUMBER OP NUMBER is a ValueError"""
    with pytest.raises(ValueError):
        parse_line(line)


def test_format_number():
    """the display: ints as they are, floats to 10 significant digits, never '-0'"""
    cases = [(7, "7"), (-12, "-12"), (3.5, "3.5"), (3.0, "3"), (0.1 + 0.2, "0.3"), (1 / 3, "0.3333333333"),
             (2 / 3, "0.6666666667"), (-0.0, "0"), (0.0, "0"), (10**20, "100000000000000000000"), (1e20, "1e+20"),
             (-2.5, "-2.5"), (123456789.125, "123456789.1"), (1e-7, "1e-07")]
    for x, want in cases:
        got = format_number(x)
        assert type(got) is str and got == want, f"format_number({x!r}) should be {want!r}, got {got!r}"


def test_session_example():
    """the docstring's example: results, ans, an error, a blank line, quit"""
    got = list(session(["2 * 21", "ans - 2", "1 / 0", "", "quit", "5 + 5"]))
    assert got == ["42", "40", "error: cannot divide by zero"], f"got {got!r}"


def test_session_errors_keep_going():
    """a bad line prints 'error: ...' and the calculator carries on; ans is unchanged"""
    got = list(session(["ans + 1", "oops", "ans * 10", "3 / 0", "ans + 0.5", "   ", "7 % 2"]))
    assert len(got) == 6, f"6 non-blank lines should give 6 outputs, got {got!r}"
    assert got[0] == "1", "ans starts at 0, so 'ans + 1' is 1"
    assert got[1].startswith("error:") and len(got[1]) > len("error: "), f"'oops' should give 'error: <why>', got {got[1]!r}"
    assert got[2] == "10", "an error must not change ans: 'ans * 10' after ans=1 is 10"
    assert got[3] == "error: cannot divide by zero"
    assert got[4] == "10.5"
    assert got[5].startswith("error:"), "'7 % 2' uses an unknown operator"


def test_session_quit_words():
    """'quit' and 'exit' in any case (and with spaces) switch it off"""
    for word in ["quit", "EXIT", "  Quit  \n", "exit\n"]:
        got = list(session(["1 + 1", word, "2 + 2"]))
        assert got == ["2"], f"after {word!r} nothing more should be computed, got {got!r}"
    assert list(session(["1 + 1", "quitting"]))[1].startswith("error:"), "'quitting' is not 'quit'"


def test_session_is_interactive():
    """session yields each result before reading the next line, and reads nothing after quit"""
    read = []

    def keyboard(lines):
        for line in lines:
            read.append(line)
            yield line
        raise AssertionError("the calculator kept reading after 'quit'")

    out = session(keyboard(["1 + 2\n", "\n", "ans * 3\n", "quit\n", "99 + 1\n"]))
    first = next(out)
    assert first == "3", f"the first output should be '3', got {first!r}"
    assert read == ["1 + 2\n"], f"session read ahead of the user: it had read {read!r} before showing the first result"
    assert next(out) == "9"
    assert read == ["1 + 2\n", "\n", "ans * 3\n"], f"read {read!r} before showing the second result"
    assert list(out) == [], "nothing after quit"
    assert read[-1] == "quit\n", "the line after 'quit' must never be read"


lines_st = st.lists(st.tuples(st.integers(-1000, 1000) | st.sampled_from(["ans"]), st.sampled_from("+-*/"),
                              st.integers(-1000, 1000)), max_size=12)


@given(lines_st)
def test_session_matches_model(rows):
    """a session of random lines agrees with a simple model"""
    ans, want = 0, []
    for a, op, b in rows:
        x = ans if a == "ans" else a
        if op == "/" and b == 0:
            want.append("error: cannot divide by zero")
            continue
        ans = OPS[op](x, b)
        shown = str(ans) if isinstance(ans, int) else format(ans, ".10g")
        want.append("0" if shown == "-0" else shown)
    got = list(session(f"{a} {op} {b}" for a, op, b in rows))
    assert got == want, f"for lines {[f'{a} {op} {b}' for a, op, b in rows]!r} expected {want!r}, got {got!r}"


def test_main(monkeypatch, capsys):
    """main reads standard input, prints each output line, returns 1 if any line failed"""
    monkeypatch.setattr(sys, "stdin", io.StringIO("2 + 2\n1 / 0\nans * 4\nquit\n1 + 1\n"))
    code = main([])
    out = capsys.readouterr().out
    assert out == "4\nerror: cannot divide by zero\n16\n", f"main printed {out!r}"
    assert type(code) is int and code == 1, f"a line failed, so main should return 1, got {code!r}"
    monkeypatch.setattr(sys, "stdin", io.StringIO("0.5 * 3\n10 - 20\n"))
    code = main([])
    assert capsys.readouterr().out == "1.5\n-10\n", "no quit: it runs until the input ends"
    assert type(code) is int and code == 0, f"every line worked, so main should return 0, got {code!r}"
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main([]) == 0 and capsys.readouterr().out == "", "empty input: no output, exit code 0"
