"""Check whether an integer is a perfect square (the square of an integer).

    >>> is_perfect_square(49)
    True
    >>> is_perfect_square(50)
    False

0 and 1 are perfect squares; negative numbers are not. The answer must be exact for huge
integers too: n ** 0.5 is a float with about 16 significant digits, so it gets numbers such as
(10**17 + 1) ** 2 wrong. ``n`` must be an int: raise TypeError for anything else (even 4.0).
"""

from __future__ import annotations


def is_perfect_square(n: int) -> bool:
    """Return True if ``n == k * k`` for some integer k."""
    # TODO: find the integer square root and check it.
    raise NotImplementedError
