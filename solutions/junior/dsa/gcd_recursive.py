"""Find the greatest common divisor (GCD) of two integers, using recursion."""

from __future__ import annotations


def gcd(a: int, b: int) -> int:
    """Return the greatest common divisor of ``a`` and ``b`` (never negative)."""
    # Euclid: every common divisor of a and b also divides a % b (a minus a multiple of b), and
    # the other way round, so gcd(a, b) == gcd(b, a % b). The numbers shrink at least by half
    # every two calls, so even 300-digit numbers need only a few thousand calls at most.
    if b == 0:
        return abs(a)  # gcd(a, 0) is |a|; abs() also makes gcd(0, 0) == 0
    return gcd(b, a % b)
