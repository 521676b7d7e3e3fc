"""A program that generates the first n Fibonacci numbers."""

from __future__ import annotations

import sys


def fibonacci(n: int) -> list[int]:
    """Return a list of the first ``n`` Fibonacci numbers, starting 0, 1."""
    if not isinstance(n, int) or isinstance(n, bool):
        raise TypeError(f"n must be an int, got {type(n).__name__}")
    if n < 0:
        raise ValueError("n must not be negative")
    numbers = []
    # a and b are always two neighbours of the sequence; one step moves both along. O(n) steps,
    # where calling a naive recursive fib(k) for every k would take exponential time.
    a, b = 0, 1
    for _ in range(n):
        numbers.append(a)
        a, b = b, a + b
    return numbers


def main(argv: list[str] | None = None) -> int:
    """Print the first n Fibonacci numbers, n from ``argv`` (default: sys.argv[1:])."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: fibonacci_first_n.py N", file=sys.stderr)
        return 2
    try:
        n = int(args[0])
        numbers = fibonacci(n)
    except ValueError:
        print(f"fibonacci_first_n.py: N must be a non-negative integer, got {args[0]!r}", file=sys.stderr)
        return 2
    print(" ".join(map(str, numbers)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
