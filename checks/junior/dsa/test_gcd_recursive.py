import ast
import math
import os
import sys

from hypothesis import given, strategies as st

from gcd_recursive import gcd
from pyexercise.checklib import assert_not_used, target_path, target_source


def check(a, b, want, why=""):
    got = gcd(a, b)
    assert type(got) is int, f"gcd({a}, {b}) should return an int, got {got!r}"
    assert got == want, f"gcd({a}, {b}) should be {want}, got {got}" + (f": {why}" if why else "")


def deepest_nesting(fn, *args):
    """How deeply calls to functions of the graded file nest while ``fn(*args)`` runs."""
    target = {str(target_path()), os.path.realpath(str(target_path()))}
    depth = deepest = 0

    def profile(frame, event, arg):
        nonlocal depth, deepest
        if frame.f_code.co_filename not in target:
            return
        if event == "call":
            depth += 1
            deepest = max(deepest, depth)
        elif event == "return":
            depth -= 1

    sys.setprofile(profile)
    try:
        fn(*args)
    finally:
        sys.setprofile(None)
    return deepest


def test_typical():
    """gcd(48, 18) is 6"""
    check(48, 18, 6)
    check(18, 48, 6, "the order of the arguments does not matter")


def test_coprime_and_multiples():
    """numbers with no common factor give 1; a multiple gives the smaller number"""
    check(17, 5, 1)
    check(35, 64, 1)
    check(12, 36, 12)
    check(7, 7, 7)


def test_zero():
    """gcd(a, 0) is |a| and gcd(0, 0) is 0, like math.gcd"""
    check(5, 0, 5)
    check(0, 5, 5)
    check(0, 0, 0, "math.gcd(0, 0) is 0")
    check(-5, 0, 5, "the result is never negative")


def test_negatives():
    """negative inputs give a positive GCD"""
    check(-48, 18, 6)
    check(48, -18, 6)
    check(-48, -18, 6)


def test_big_numbers_fast():
    """huge numbers need few calls: use the remainder, not repeated subtraction"""
    check(10**12, 3, 1, "use a % b: subtracting 3 a third of a trillion times would never finish")
    check(2**200 * 3**50, 2**150 * 5**40, 2**150)
    fib = [0, 1]
    while len(fib) < 400:
        fib.append(fib[-1] + fib[-2])
    check(fib[399], fib[398], 1, "neighbouring Fibonacci numbers are coprime")


def test_is_recursive():
    """gcd calls itself: the work is done by recursion"""
    depth = deepest_nesting(gcd, 48, 18)
    assert depth >= 2, ("gcd(48, 18) never called itself: the task is to solve it with recursion "
                        "(a base case, and a call to gcd on smaller numbers)")


def test_no_loops_or_math_gcd():
    """no for/while loops, comprehensions or math.gcd: recursion does the repeating"""
    assert_not_used("math.gcd", attributes=["gcd"], imports=["math"])
    loops = [f"line {node.lineno}: {type(node).__name__.lower()}"
             for node in ast.walk(ast.parse(target_source()))
             if isinstance(node, (ast.For, ast.While, ast.comprehension))]
    assert not loops, "the task says to use recursion instead of loops, but your code has: " + ", ".join(loops)


@given(st.integers(min_value=-10**9, max_value=10**9), st.integers(min_value=-10**9, max_value=10**9))
def test_matches_math_gcd(a, b):
    """agrees with math.gcd on any pair of integers"""
    check(a, b, math.gcd(a, b))
