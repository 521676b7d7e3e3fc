"""Counting what an algorithm does, for sorting and searching tasks: comparisons between items,
reads of a sequence, and every change made to a list.

    from pyexercise.checklib import Item, TrackedList, comparisons

    items = TrackedList(Item(k) for k in [3, 1, 2])
    with comparisons() as counted:
        bubble_sort(items)
    assert counted.count <= 3 and not items.others
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from typing import Callable, Iterable, Iterator


class Counter:
    def __init__(self) -> None:
        self.count = 0

    def reset(self) -> None:
        self.count = 0


#: every comparison between two Items adds one here
COMPARISONS = Counter()


@contextlib.contextmanager
def comparisons() -> Iterator[Counter]:
    """Count the comparisons between Items made inside the block (the counter starts at 0)."""
    COMPARISONS.reset()
    yield COMPARISONS


class Item:
    """Orders by ``key`` like a number, counts every comparison, and carries a ``tag`` that takes
    no part in ordering, so a test can see whether equal items kept their order (stability).

    Comparing an Item with anything but another Item raises TypeError: a sort must compare the
    list's items with each other, not with sentinels or numbers."""

    __slots__ = ("key", "tag")

    def __init__(self, key, tag: str = "") -> None:
        self.key, self.tag = key, tag

    def _other(self, other):
        if not isinstance(other, Item):
            raise TypeError(f"compared an item of the list with {other!r}: compare the list's items "
                            "with each other")
        COMPARISONS.count += 1
        return other.key

    def __lt__(self, other):
        return self.key < self._other(other)

    def __le__(self, other):
        return self.key <= self._other(other)

    def __gt__(self, other):
        return self.key > self._other(other)

    def __ge__(self, other):
        return self.key >= self._other(other)

    def __eq__(self, other):
        return isinstance(other, Item) and self.key == other.key

    def __hash__(self):
        return hash(self.key)

    def __repr__(self):
        return f"{self.key}{self.tag}"


def tagged(keys: Iterable) -> list[Item]:
    """Items for ``keys``, each tagged with its position (``#0``, ``#1``...), for stability checks."""
    return [Item(k, f"#{i}") for i, k in enumerate(keys)]


def stable_order(items: Iterable[Item]) -> list[str]:
    """What a stable sort of ``items`` must give, as reprs."""
    return [repr(i) for i in sorted(items, key=lambda i: i.key)]


class TrackedList(list):
    """A list that records every change made to it: ``writes`` holds the indexes assigned with
    ``lst[i] = ...``; ``others`` names every other kind of change (``.append()``, slice
    assignment, ``__delitem__``...)."""

    def __init__(self, items: Iterable = ()) -> None:
        super().__init__(items)
        self.writes: list[int] = []
        self.others: list[str] = []

    def __setitem__(self, index, value):
        if isinstance(index, slice):
            self.others.append("slice assignment")
        else:
            self.writes.append(index % len(self))
        super().__setitem__(index, value)


def _recording(name: str):
    def method(self, *args):
        self.others.append(name if name.startswith("__") else f".{name}()")
        return getattr(list, name)(self, *args)
    method.__name__ = name
    return method


for _name in ("__delitem__", "__iadd__", "__imul__", "append", "extend", "insert", "pop", "remove",
              "clear", "reverse", "sort"):
    setattr(TrackedList, _name, _recording(_name))


def inversions(keys: Sequence) -> int:
    """Pairs out of order: the number of neighbour swaps a stable exchange sort makes."""
    return sum(1 for i in range(len(keys)) for j in range(i + 1, len(keys)) if keys[i] > keys[j])


def check_sorts_in_place(sort: Callable[[list], object], numbers: Sequence) -> None:
    """``sort(lst)`` must sort ``lst`` in place, return None, and keep the very same items."""
    name = getattr(sort, "__name__", "sort")
    want = sorted(numbers)
    given = list(numbers)
    got = sort(given)
    assert got is None, f"{name}() sorts the list in place and returns None (like list.sort()), got {got!r}"
    assert given == want, f"{name}({list(numbers)!r}) should leave the list as {want!r}, got {given!r}"
    assert all(type(a) is type(b) for a, b in zip(given, want)), "the sorted list should hold the same items"


class CountingSequence(Sequence):
    """A read-only sequence that counts how many items are read (``reads``), for searches that
    must look at O(log n) of them. ``len()`` is free; slicing is refused (it would copy)."""

    def __init__(self, items: Sequence) -> None:
        self._items = items
        self.reads = 0

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, index):
        if isinstance(index, slice):
            raise TypeError("slicing copies the sequence: search it by index instead")
        self.reads += 1
        return self._items[index]

    def __iter__(self):
        for i in range(len(self._items)):
            yield self[i]

    def __contains__(self, value):
        raise TypeError("`in` scans the whole sequence: search it by index instead")

    def index(self, *args, **kwargs):
        raise TypeError(".index() scans the whole sequence: search it by index instead")

    def count(self, value):
        raise TypeError(".count() scans the whole sequence")
