"""Compute the factorial n! = 1 * 2 * ... * n in two ways: by recursion and by a loop."""

from __future__ import annotations


def _validate(n: object) -> None:
    # bool is a subclass of int; factorial(True) is almost surely a bug.
    if not isinstance(n, int) or isinstance(n, bool):
        raise TypeError(f"factorial needs an int, got {type(n).__name__}")
    if n < 0:
        raise ValueError("factorial is not defined for negative numbers")


def factorial_recursive(n: int) -> int:
    """Return n! by recursion."""
    _validate(n)
    # Base case first: without it the recursion never stops. 0! = 1 covers 1! too.
    if n == 0:
        return 1
    return n * factorial_recursive(n - 1)


def factorial_iterative(n: int) -> int:
    """Return n! with a loop."""
    _validate(n)
    # Constant stack depth, so no RecursionError for large n.
    result = 1
    for k in range(2, n + 1):
        result *= k
    return result
