"""A script that prints the sum of the digits of an integer."""

from __future__ import annotations

import sys


def digit_sum(n: int) -> int:
    """Return the sum of the decimal digits of ``n`` (its sign ignored)."""
    # bool is a subclass of int, but digit_sum(True) is surely a mistake.
    if not isinstance(n, int) or isinstance(n, bool):
        raise TypeError(f"digit_sum() needs an int, got {type(n).__name__}")
    n = abs(n)
    total = 0
    # Arithmetic instead of str(n): n % 10 is the last digit, n // 10 drops it.
    while n:
        n, digit = divmod(n, 10)
        total += digit
    return total
    # The string way is just as good here: sum(int(d) for d in str(abs(n)))


def main(argv: list[str] | None = None) -> int:
    """Print digit_sum() of the integer in ``argv`` (default: sys.argv[1:]); return the exit code."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: digit_sum.py INTEGER", file=sys.stderr)
        return 2
    try:
        n = int(args[0])
    except ValueError:
        print(f"digit_sum.py: not an integer: {args[0]!r}", file=sys.stderr)
        return 2
    print(digit_sum(n))
    return 0


if __name__ == "__main__":
    sys.exit(main())
