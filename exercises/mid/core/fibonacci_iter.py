"""The Fibonacci numbers three ways: a generator, an iterator class, and a lazy sequence.

The sequence starts F(0) = 0, F(1) = 1, and each later number is the sum of the two before it:
0, 1, 1, 2, 3, 5, 8, 13, ...

    >>> from itertools import islice
    >>> list(islice(fib(), 8))
    [0, 1, 1, 2, 3, 5, 8, 13]
    >>> list(FibIterator(5))
    [0, 1, 1, 2, 3]
    >>> fibs = Fibonacci(100)
    >>> len(fibs), fibs[10], fibs[-1], fibs[3:7]
    (100, 55, 218922995834555169026, [2, 3, 5, 8])

1. ``fib()`` is a generator function (it uses ``yield``): calling it gives an endless iterator
   over F(0), F(1), F(2), ... Each call starts afresh.
2. ``FibIterator(limit=None)`` is the same thing written as a class that implements the
   iterator protocol by hand: ``__iter__`` returns the iterator itself and ``__next__`` returns
   the next number, or raises StopIteration once ``limit`` numbers have come out (and again on
   every later call). ``limit=None`` never stops. Each step is one addition: O(1).
3. ``Fibonacci(limit)`` is a re-iterable, read-only sequence of F(0) ... F(limit - 1). Make it a
   ``collections.abc.Sequence`` (subclass it), so ``reversed()``, ``.index()`` and ``.count()``
   come for free.
   - ``len(fibs)`` is ``limit``; ``iter(fibs)`` returns a new ``FibIterator(limit)`` each time,
     so two loops over the same sequence are independent.
   - ``fibs[i]`` works like a list's index: negative ``i`` counts from the end, an index out of
     range raises IndexError, one that is not an int raises TypeError. A slice gives a list.
   - ``fibs[i]`` must cost O(log i) arithmetic operations, not i: use "fast doubling",
     F(2k) = F(k) * (2*F(k+1) - F(k)) and F(2k+1) = F(k)**2 + F(k+1)**2, going through the bits
     of i from the top. Fibonacci(100_001)[100_000] (20,899 digits) takes a millisecond this way,
     and adding up 100,000 times for each of 40 such lookups takes seconds. Don't cache the
     numbers: 100,000 of them hold hundreds of megabytes.
   - ``x in fibs`` stops as soon as the numbers pass ``x`` (they only grow), so
     ``10**100 in Fibonacci(10**6)`` is instant; a value that is not a number is simply not in it.
4. A ``limit`` that is not an int raises TypeError; a negative one raises ValueError.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence


def fib() -> Iterator[int]:
    """Yield F(0), F(1), F(2), ... forever."""
    # TODO: two variables and a `while True` loop with a `yield`.
    raise NotImplementedError


class FibIterator:
    """An iterator over the first ``limit`` Fibonacci numbers (all of them when limit is None)."""

    def __init__(self, limit: int | None = None) -> None:
        raise NotImplementedError

    def __iter__(self) -> FibIterator:
        raise NotImplementedError

    def __next__(self) -> int:
        raise NotImplementedError


class Fibonacci(Sequence):
    """The sequence F(0) ... F(limit - 1), computed on demand."""

    def __init__(self, limit: int) -> None:
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError

    def __getitem__(self, index: int | slice) -> int | list[int]:
        raise NotImplementedError

    def __iter__(self) -> FibIterator:
        raise NotImplementedError

    def __contains__(self, value: object) -> bool:
        raise NotImplementedError
