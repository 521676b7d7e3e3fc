"""The power set, lazily: for each size r, choose r positions in increasing order by backtracking.

One growing list (``chosen``) holds the subset being built, and a copy of it is yielded, so the
lists the caller holds never change under them. Nothing is built ahead of the subset being
yielded, and each subset costs O(n) steps at most.
"""

from __future__ import annotations

from typing import Hashable, Iterable, Iterator, Sequence, TypeVar

T = TypeVar("T")


def _subsets(pool: Sequence[T], size: int, rank: Sequence[int] | None = None) -> Iterator[list[T]]:
    """Every pick of ``size`` items of ``pool`` at increasing positions, in order of the positions.

    With ``rank`` (rank[i]: how many copies of pool[i]'s value come before position i), a position
    may only be picked once every earlier copy of its value is picked: the first copies.
    """
    chosen: list[T] = []
    taken: dict = {}  # value -> copies of it in chosen (used with rank only)

    def extend(start: int) -> Iterator[list[T]]:
        need = size - len(chosen)
        if need == 0:
            yield chosen.copy()  # a copy: chosen keeps changing after the yield
            return
        # leave room for the items still needed: the last usable position is len(pool) - need
        for i in range(start, len(pool) - need + 1):
            x = pool[i]
            if rank is not None:
                if taken.get(x, 0) != rank[i]:
                    continue  # an earlier copy of x is left out: this pick is a repeat
                taken[x] = rank[i] + 1
            chosen.append(x)
            yield from extend(i + 1)
            chosen.pop()
            if rank is not None:
                taken[x] = rank[i]

    return extend(0)


def power_set(items: Iterable[T]) -> Iterator[list[T]]:
    """Yield every subset of ``items`` as a new list: by size, then by the positions taken."""
    pool = list(items)
    for size in range(len(pool) + 1):
        yield from _subsets(pool, size)


def unique_power_set(items: Iterable[Hashable]) -> Iterator[list]:
    """Yield each distinct sub-multiset of ``items`` once, in power_set's order.

    The first time power_set meets a sub-multiset it takes the first copies of each value, so
    only those picks are made: the repeats are skipped one position at a time, never generated.
    """
    pool = list(items)
    rank, copies = [], {}
    for x in pool:
        rank.append(copies.get(x, 0))
        copies[x] = rank[-1] + 1
    for size in range(len(pool) + 1):
        yield from _subsets(pool, size, rank)
