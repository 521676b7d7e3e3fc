import sys

import pytest
from hypothesis import given, strategies as st

from digit_sum import digit_sum, main
from pyexercise.checklib import assert_raises, run_main


def check(n, want, why=""):
    got = digit_sum(n)
    assert type(got) is int, f"digit_sum() should return an int, got {type(got).__name__}"
    assert got == want, f"digit_sum({n!r}) should be {want}{why}, got {got!r}"


def test_typical():
    """adds up the digits"""
    check(1234, 10)
    check(99, 18)


def test_single_digit_and_zero():
    """a one-digit number is its own sum; 0 sums to 0"""
    check(7, 7)
    check(0, 0)


def test_zeros_inside_and_at_the_end():
    """zeros are digits too (they add nothing, but must not stop the count)"""
    check(1000, 1)
    check(10203, 6)
    check(5070, 12)


def test_negative_numbers():
    """the minus sign is ignored"""
    check(-507, 12, ": ignore the sign")
    check(-1, 1)


def test_huge_number():
    """ints have no size limit"""
    check(10**100, 1)
    check(int("9" * 300), 2700)


@pytest.mark.parametrize("bad", [12.5, "12", None])
def test_non_int_raises_type_error(bad):
    """floats, strings and None are rejected with TypeError"""
    assert_raises(TypeError, lambda: digit_sum(bad), f"digit_sum({bad!r}) should raise TypeError")


@pytest.mark.parametrize("argv, want", [(["1234"], "10"), (["-507"], "12")])
def test_main_prints_the_sum(argv, want, capsys):
    """main(['1234']) prints 10 and returns 0; a negative number on the command line works too"""
    code, out, _ = run_main(main, argv, capsys=capsys)
    assert (code, out.strip()) == (0, want), (
        f"main({argv!r}) should print {want} and return 0, got exit code {code!r} and printed {out!r}")


@pytest.mark.parametrize("argv", [[], ["1", "2"], ["abc"], ["12.5"]])
def test_main_bad_arguments(argv, capsys):
    """no argument, two arguments, or a non-integer: a message on stderr and exit code 2"""
    code, out, err = run_main(main, argv, capsys=capsys)
    assert code == 2 and err.strip() and not out.strip(), (
        f"main({argv!r}) should explain the problem on stderr, print nothing on stdout and return 2; it returned "
        f"{code!r} and printed {out!r} on stdout, {err!r} on stderr")


def test_main_reads_sys_argv(capsys, monkeypatch):
    """called with no argv, main() uses sys.argv[1:]"""
    monkeypatch.setattr(sys, "argv", ["digit_sum.py", "4096"])
    code = main()
    out = capsys.readouterr().out
    assert code == 0 and out.strip() == "19", f"with sys.argv = ['digit_sum.py', '4096'], main() should print 19, printed {out!r}"


@given(st.integers(min_value=-10**30, max_value=10**30))
def test_matches_digits_of_the_string(n):
    """for any integer, equals the sum of the digits of str(abs(n))"""
    check(n, sum(int(d) for d in str(abs(n))))
