"""Fibonacci numbers as a generator, an iterator class, and a sequence with O(log n) indexing."""

from __future__ import annotations

import operator
from collections.abc import Iterator, Sequence


def _count(limit: object) -> int:
    n = operator.index(limit)  # accepts any int-like, raises TypeError for 2.5 or "3"
    if n < 0:
        raise ValueError(f"limit must be at least 0, not {n}")
    return n


def _fib_pair(n: int) -> tuple[int, int]:
    """(F(n), F(n+1)) by fast doubling: O(log n) multiplications instead of n additions."""
    a, b = 0, 1  # (F(k), F(k+1)) for k = 0
    for bit in format(n, "b"):  # the bits of n, most significant first: k -> 2k or 2k + 1
        f2k = a * (2 * b - a)  # F(2k)
        f2k1 = a * a + b * b  # F(2k + 1)
        a, b = (f2k1, f2k + f2k1) if bit == "1" else (f2k, f2k1)
    return a, b


def fib() -> Iterator[int]:
    """Yield F(0), F(1), F(2), ... forever."""
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


class FibIterator:
    """An iterator over the first ``limit`` Fibonacci numbers (all of them when limit is None).

    The same as fib(), with the state a generator keeps for you written out by hand: the next two
    numbers and how many have been produced."""

    def __init__(self, limit: int | None = None) -> None:
        self._limit = None if limit is None else _count(limit)
        self._produced = 0
        self._a, self._b = 0, 1

    def __iter__(self) -> FibIterator:
        return self  # an iterator is its own iterable: for loops call iter() on it

    def __next__(self) -> int:
        if self._limit is not None and self._produced >= self._limit:
            raise StopIteration  # and again on every later call: the counter no longer moves
        value = self._a
        self._a, self._b = self._b, self._a + self._b
        self._produced += 1
        return value


class Fibonacci(Sequence):
    """The sequence F(0) ... F(limit - 1), computed on demand.

    A Sequence (unlike an iterator) can be iterated again and again: each iter() is a new
    FibIterator. The Sequence ABC builds reversed(), index() and count() on __getitem__/__len__.
    """

    def __init__(self, limit: int) -> None:
        self._limit = _count(limit)

    def __len__(self) -> int:
        return self._limit

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return [self[i] for i in range(self._limit)[index]]  # range does the slice arithmetic
        i = operator.index(index)  # TypeError for "1" or 1.0, like a list
        if i < 0:
            i += self._limit
        if not 0 <= i < self._limit:
            raise IndexError(f"index {index} out of range for Fibonacci({self._limit})")
        return _fib_pair(i)[0]

    def __iter__(self) -> FibIterator:
        return FibIterator(self._limit)

    def __contains__(self, value: object) -> bool:
        # the numbers only grow, so stop once they pass value: O(log value) steps, not limit
        try:
            for number in self:
                if number >= value:
                    return number == value
        except TypeError:  # 3 >= "7" is an error: a value that cannot compare is not in it
            pass
        return False
