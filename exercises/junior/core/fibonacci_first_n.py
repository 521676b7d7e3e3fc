"""A program that generates the first n numbers of the Fibonacci sequence.

The sequence starts 0, 1, and every later number is the sum of the two before it:

    >>> fibonacci(7)
    [0, 1, 1, 2, 3, 5, 8]
    >>> fibonacci(1)
    [0]

fibonacci(0) is []. A negative n raises ValueError; an n that is not an int raises TypeError.
It must be quick for large n (fibonacci(10_000) in a blink): compute each number from the
two before it, not with a separate recursive fib(k) for every k.

Run as a script, it prints the numbers on one line, separated by single spaces:

    $ python fibonacci_first_n.py 7
    0 1 1 2 3 5 8

main() returns 0 on success. If the argument is missing, there is more than one, or it is not
a non-negative integer, main() prints a message to stderr and returns 2.
"""

from __future__ import annotations

import sys


def fibonacci(n: int) -> list[int]:
    """Return a list of the first ``n`` Fibonacci numbers, starting 0, 1."""
    # TODO: build the list, each number from the two before it.
    raise NotImplementedError


def main(argv: list[str] | None = None) -> int:
    """Print the first n Fibonacci numbers, n from ``argv`` (default: sys.argv[1:])."""
    # TODO: read n, print the numbers joined by spaces.
    raise NotImplementedError


if __name__ == "__main__":
    sys.exit(main())
