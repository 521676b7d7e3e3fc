"""Compute the factorial n! = 1 * 2 * ... * n in two ways: by recursion and by a loop.

    >>> factorial_recursive(5)
    120
    >>> factorial_iterative(5)
    120
    >>> factorial_iterative(0)
    1

``factorial_recursive`` must call itself (n! = n * (n - 1)!); ``factorial_iterative`` must use a
loop and no recursion, so it also works for n = 5000, far deeper than Python's recursion limit.
0! is 1. A negative n raises ValueError; an n that is not an int (even 5.0) raises TypeError.
Don't use math.factorial (or anything else from math): the point is to write it.
"""

from __future__ import annotations


def factorial_recursive(n: int) -> int:
    """Return n! by recursion."""
    # TODO: the base case, then n * (n - 1)!.
    raise NotImplementedError


def factorial_iterative(n: int) -> int:
    """Return n! with a loop."""
    # TODO: multiply up in a loop.
    raise NotImplementedError
