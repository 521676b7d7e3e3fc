"""Check whether an integer is a perfect square (the square of an integer)."""

from __future__ import annotations

import math


def is_perfect_square(n: int) -> bool:
    """Return True if ``n == k * k`` for some integer k."""
    if not isinstance(n, int) or isinstance(n, bool):
        raise TypeError(f"is_perfect_square() needs an int, got {type(n).__name__}")
    if n < 0:
        return False
    # math.isqrt is the exact integer square root (the largest k with k * k <= n), for ints of
    # any size. Without it: binary search for k between 0 and n, comparing k * k with n.
    k = math.isqrt(n)
    return k * k == n
