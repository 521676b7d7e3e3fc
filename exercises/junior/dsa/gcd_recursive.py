"""Find the greatest common divisor (GCD) of two integers, using recursion.

    >>> gcd(48, 18)
    6
    >>> gcd(17, 5)
    1

The GCD of a and b is the largest integer that divides both. Follow the same rules as
math.gcd():
- the result is never negative: gcd(-48, 18) == 6;
- gcd(a, 0) == abs(a), and gcd(0, 0) == 0.

The point is recursion: gcd must call itself, with no for/while loops and no comprehensions,
and without math.gcd. It must also be fast for big numbers: gcd(10**12, 3) needs only a few
calls, not a trillion.
"""

from __future__ import annotations


def gcd(a: int, b: int) -> int:
    """Return the greatest common divisor of ``a`` and ``b`` (never negative)."""
    # TODO: a base case that answers directly, and a recursive case on smaller numbers.
    raise NotImplementedError
