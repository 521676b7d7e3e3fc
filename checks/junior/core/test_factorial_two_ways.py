import math
import sys

import pytest
from hypothesis import given, strategies as st

import factorial_two_ways
from factorial_two_ways import factorial_iterative, factorial_recursive
from pyexercise.checklib import assert_not_used

BOTH = (factorial_recursive, factorial_iterative)


def check(fn, n, want):
    got = fn(n)
    assert type(got) is int, f"{fn.__name__}() should return an int, got {type(got).__name__}"
    assert got == want, f"{fn.__name__}({n}) should be {want}, got {got!r}"


def max_depth_in_your_file(fn, *args):
    """Run fn(*args); return its result and the deepest nesting of calls to code in your file."""
    target = factorial_two_ways.__file__
    depth = deepest = 0

    def profiler(frame, event, arg):
        nonlocal depth, deepest
        if frame.f_code.co_filename != target:
            return
        if event == "call":
            depth += 1
            deepest = max(deepest, depth)
        elif event == "return":
            depth -= 1

    sys.setprofile(profiler)
    try:
        result = fn(*args)
    finally:
        sys.setprofile(None)
    return result, deepest


def test_small_values():
    """1! = 1, 3! = 6, 5! = 120, 10! = 3628800, by both ways"""
    for fn in BOTH:
        for n, want in ((1, 1), (2, 2), (3, 6), (5, 120), (10, 3628800)):
            check(fn, n, want)


def test_zero_factorial_is_one():
    """0! is 1 (the empty product), by both ways"""
    for fn in BOTH:
        check(fn, 0, 1)


def test_big_values_are_exact():
    """20! and 50! are exact ints, not floats"""
    for fn in BOTH:
        check(fn, 20, 2432902008176640000)
        check(fn, 50, math.factorial(50))


def test_negative_raises_value_error():
    """a negative n is a ValueError, by both ways"""
    for fn in BOTH:
        for n in (-1, -5):
            with pytest.raises(ValueError):
                fn(n)


def test_non_int_raises_type_error():
    """5.0, '5' and None are TypeErrors, by both ways"""
    for fn in BOTH:
        for bad in (5.0, "5", None):
            with pytest.raises(TypeError):
                fn(bad)


def test_recursive_really_recurses():
    """factorial_recursive(30) goes about 30 calls deep: it calls itself"""
    result, depth = max_depth_in_your_file(factorial_recursive, 30)
    assert result == math.factorial(30), f"factorial_recursive(30) should be {math.factorial(30)}"
    assert depth >= 30, (
        f"factorial_recursive(30) nested only {depth} call(s) of your code: it should call itself, "
        "n * factorial_recursive(n - 1), down to the base case")


def test_iterative_does_not_recurse():
    """factorial_iterative(500) stays shallow: a loop, not one nested call per number"""
    result, depth = max_depth_in_your_file(factorial_iterative, 500)
    assert result == math.factorial(500), "factorial_iterative(500) is wrong"
    assert depth <= 5, (
        f"factorial_iterative(500) nested {depth} calls of your code: that is recursion. "
        "Use a for or while loop")


def test_iterative_handles_large_n():
    """factorial_iterative(5000) works: no RecursionError"""
    check(factorial_iterative, 5000, math.factorial(5000))


def test_no_math_module():
    """no math.factorial (nor anything else from math): write it yourself"""
    assert_not_used("math.factorial", attributes=["factorial", "prod"], imports=["math"])


@given(st.integers(min_value=0, max_value=150))
def test_both_agree_with_math_factorial(n):
    """for any n in 0..150, both agree with math.factorial"""
    want = math.factorial(n)
    for fn in BOTH:
        check(fn, n, want)
