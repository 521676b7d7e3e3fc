"""A script that prints the sum of the digits of an integer.

    >>> digit_sum(1234)
    10
    >>> digit_sum(-507)
    12

The sign is ignored: the digits of -507 are 5, 0 and 7. ``n`` must be an int; anything else
(a float such as 12.5, or a string such as "12") raises TypeError.

Run as a script, it takes the integer as its one argument and prints the sum:

    $ python digit_sum.py -507
    12

main() returns 0 on success. If the argument is missing, or there is more than one, or it is
not an integer, main() prints a message to stderr and returns 2.
"""

from __future__ import annotations

import sys


def digit_sum(n: int) -> int:
    """Return the sum of the decimal digits of ``n`` (its sign ignored)."""
    # TODO: add up the digits.
    raise NotImplementedError


def main(argv: list[str] | None = None) -> int:
    """Print digit_sum() of the integer in ``argv`` (default: sys.argv[1:]); return the exit code."""
    # TODO: read the one argument, convert it with int(), print the sum.
    raise NotImplementedError


if __name__ == "__main__":
    sys.exit(main())
