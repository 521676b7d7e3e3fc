import sys

import pytest
from hypothesis import given, strategies as st

from fibonacci_first_n import fibonacci, main


def oracle(n):
    out, a, b = [], 0, 1
    for _ in range(n):
        out.append(a)
        a, b = b, a + b
    return out


def check(n, want):
    got = fibonacci(n)
    assert type(got) is list, f"fibonacci() should return a list, got {type(got).__name__}"
    assert got == want, f"fibonacci({n}) should be {want!r}, got {got!r}"
    assert all(type(x) is int for x in got), f"fibonacci({n}) should hold ints, got {got!r}"


def test_first_seven():
    """the sequence starts 0, 1, 1, 2, 3, 5, 8"""
    check(7, [0, 1, 1, 2, 3, 5, 8])


def test_first_ten():
    """each number is the sum of the two before it"""
    check(10, [0, 1, 1, 2, 3, 5, 8, 13, 21, 34])


def test_smallest_counts():
    """n = 0, 1 and 2 are the edge cases"""
    check(0, [])
    check(1, [0])
    check(2, [0, 1])
    check(3, [0, 1, 1])


def test_large_n_is_quick_and_exact():
    """fibonacci(10_000) is quick, and exact (Python ints never overflow)"""
    got = fibonacci(10_000)
    assert len(got) == 10_000, f"fibonacci(10_000) should have 10 000 numbers, got {len(got)}"
    want = oracle(10_000)
    assert got[-1] == want[-1], "the 10 000th Fibonacci number is wrong: use ints, not floats"
    assert got == want


def test_negative_raises_value_error():
    """a negative n is a ValueError"""
    with pytest.raises(ValueError):
        fibonacci(-1)


def test_non_int_raises_type_error():
    """n must be an int: 3.0, '3' and None are TypeErrors"""
    for bad in (3.0, "3", None):
        with pytest.raises(TypeError):
            fibonacci(bad)


def test_main_prints_the_numbers(capsys):
    """main(['7']) prints '0 1 1 2 3 5 8' and returns 0"""
    code = main(["7"])
    out = capsys.readouterr().out
    assert code == 0, f"main(['7']) should return 0, got {code!r}"
    assert out.strip() == "0 1 1 2 3 5 8", f"main(['7']) should print '0 1 1 2 3 5 8', printed {out!r}"


def test_main_one_and_zero(capsys):
    """main(['1']) prints 0; main(['0']) prints an empty line"""
    assert main(["1"]) == 0
    out = capsys.readouterr().out
    assert out.strip() == "0", f"main(['1']) should print 0, printed {out!r}"
    assert main(["0"]) == 0, "main(['0']) should succeed: zero numbers is a valid request"
    out = capsys.readouterr().out
    assert out.strip() == "", f"main(['0']) should print no numbers, printed {out!r}"


def test_main_bad_arguments(capsys):
    """no argument, two arguments, a non-integer or a negative: stderr and exit code 2"""
    for argv in ([], ["3", "4"], ["three"], ["-2"], ["2.5"]):
        code = main(argv)
        captured = capsys.readouterr()
        assert code == 2, f"main({argv!r}) should return 2, got {code!r}"
        assert captured.err.strip(), f"main({argv!r}) should explain the problem on stderr"
        assert not captured.out.strip(), f"main({argv!r}) should print nothing on stdout, printed {captured.out!r}"


def test_main_reads_sys_argv(capsys, monkeypatch):
    """called with no argv, main() uses sys.argv[1:]"""
    monkeypatch.setattr(sys, "argv", ["fibonacci_first_n.py", "5"])
    code = main()
    out = capsys.readouterr().out
    assert code == 0 and out.strip() == "0 1 1 2 3", f"main() with sys.argv n=5 should print '0 1 1 2 3', printed {out!r}"


@given(st.integers(min_value=0, max_value=300))
def test_properties(n):
    """for any n: n numbers, starting 0, 1, each the sum of the two before, and a prefix of n + 1"""
    got = fibonacci(n)
    assert len(got) == n, f"fibonacci({n}) should have {n} numbers, got {len(got)}"
    assert got[:2] == [0, 1][:n], f"fibonacci({n}) should start 0, 1"
    for i in range(2, n):
        assert got[i] == got[i - 1] + got[i - 2], f"in fibonacci({n}), item {i} is not the sum of the two before"
    assert fibonacci(n + 1)[:n] == got, "fibonacci(n) should be the start of fibonacci(n + 1)"
