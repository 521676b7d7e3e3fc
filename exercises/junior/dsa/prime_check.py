"""Check whether a number is prime.

    >>> is_prime(7)
    True
    >>> is_prime(9)
    False

A prime is a whole number greater than 1 whose only divisors are 1 and itself. So 2 is the
smallest prime (and the only even one), and 1, 0 and every negative number are not prime.

It must be quick for big numbers too: is_prime(1_000_000_000_039) should answer in well under a
second. You never need to try divisors beyond the square root of n: why?
"""

from __future__ import annotations


def is_prime(n: int) -> bool:
    """Return True if ``n`` is a prime number."""
    # TODO: rule out n < 2, then try dividing n by candidate divisors.
    raise NotImplementedError
