"""Check whether a number is prime."""

from __future__ import annotations

from math import isqrt


def is_prime(n: int) -> bool:
    """Return True if ``n`` is a prime number."""
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    # If n = a * b with a <= b, then a * a <= n: a composite n always has a divisor no bigger than
    # its square root. isqrt() is exact for any size of int (int(n ** 0.5) can be off by one for
    # big n, because floats round). Even divisors are already ruled out, so step by 2.
    for d in range(3, isqrt(n) + 1, 2):
        if n % d == 0:
            return False
    return True
