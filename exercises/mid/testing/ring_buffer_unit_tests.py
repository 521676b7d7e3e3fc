"""Write pytest unit tests for the RingBuffer class below, edge cases included.

`RingBuffer` is already correct; don't change it. Your job is the tests at the bottom of this
file: functions named `test_...` that would catch a wrong RingBuffer.

pyex grades your tests twice over: against the correct class (every test must pass) and against
about a dozen buggy versions of it (each bug must make at least one of your tests fail). The
bugs are the kind people really write: off-by-one capacities, overwriting the wrong end, empty
and full buffers, iteration and indexing after the buffer has wrapped around, len and clear().
Call the class by its name, `RingBuffer(...)`: that is how pyex swaps the buggy versions in.

What a RingBuffer does:

    >>> buf = RingBuffer(3)
    >>> buf.push("a"); buf.push("b"); buf.push("c")     # each returns None: nothing evicted
    >>> buf.push("d")          # full: the oldest item is overwritten and returned
    'a'
    >>> list(buf), len(buf), buf[0], buf[-1]
    (['b', 'c', 'd'], 3, 'b', 'd')
    >>> buf.pop()              # first in, first out
    'b'

Requirements for your tests:
- at least 8 tests (each case of a parametrized test counts);
- use `@pytest.mark.parametrize` for cases that differ only in their data (capacities,
  sequences of pushes...), and `with pytest.raises(SomeError):` for the errors; pyex looks
  for both in your tests;
- every test passes on the class as given, and stays independent of the others.

Run them yourself:  python -m pytest -q ring_buffer_unit_tests.py   (from this folder)
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator

import pytest


class RingBuffer:
    """A fixed-capacity first-in-first-out buffer that overwrites its oldest item when full."""

    def __init__(self, capacity: int) -> None:
        """An empty buffer for up to ``capacity`` items.

        TypeError if ``capacity`` is not an int (a bool is not one); ValueError if it is below 1.
        """
        if isinstance(capacity, bool) or not isinstance(capacity, int):
            raise TypeError(f"capacity must be an int, not {type(capacity).__name__}")
        if capacity < 1:
            raise ValueError(f"capacity must be at least 1, got {capacity}")
        self._slots: list[Any] = [None] * capacity
        self._head = 0  # the slot of the oldest item
        self._size = 0

    @property
    def capacity(self) -> int:
        """How many items the buffer holds at most."""
        return len(self._slots)

    def __len__(self) -> int:
        """How many items it holds now."""
        return self._size

    def is_empty(self) -> bool:
        return self._size == 0

    def is_full(self) -> bool:
        return self._size == len(self._slots)

    def push(self, item: Any) -> Any:
        """Add ``item`` as the newest. If the buffer was full, the oldest item is overwritten and
        returned; otherwise returns None."""
        tail = (self._head + self._size) % len(self._slots)
        if self.is_full():
            evicted = self._slots[self._head]  # the tail slot *is* the head slot when full
            self._slots[tail] = item
            self._head = (self._head + 1) % len(self._slots)
            return evicted
        self._slots[tail] = item
        self._size += 1
        return None

    def extend(self, items: Iterable[Any]) -> None:
        """push() each item in turn."""
        for item in items:
            self.push(item)

    def pop(self) -> Any:
        """Remove and return the oldest item; IndexError if the buffer is empty."""
        if self._size == 0:
            raise IndexError("pop from an empty RingBuffer")
        item = self._slots[self._head]
        self._slots[self._head] = None  # don't keep a reference to what we gave away
        self._head = (self._head + 1) % len(self._slots)
        self._size -= 1
        return item

    def peek(self) -> Any:
        """The oldest item, without removing it; IndexError if the buffer is empty."""
        if self._size == 0:
            raise IndexError("peek at an empty RingBuffer")
        return self._slots[self._head]

    def __getitem__(self, index: int) -> Any:
        """buf[0] is the oldest item, buf[-1] the newest; IndexError outside -len..len-1."""
        if not -self._size <= index < self._size:
            raise IndexError(f"RingBuffer index {index} out of range for {self._size} items")
        if index < 0:
            index += self._size
        return self._slots[(self._head + index) % len(self._slots)]

    def __iter__(self) -> Iterator[Any]:
        """The items from the oldest to the newest."""
        for offset in range(self._size):
            yield self._slots[(self._head + offset) % len(self._slots)]

    def clear(self) -> None:
        """Remove every item; the capacity stays."""
        self._slots = [None] * len(self._slots)
        self._head = 0
        self._size = 0


# ---------------------------------------------------------------- your tests go below this line
# TODO: replace the placeholder with your tests. A first one could be:
#
#     def test_pop_returns_items_in_the_order_pushed():
#         buf = RingBuffer(3)
#         buf.push(1)
#         buf.push(2)
#         assert buf.pop() == 1
#         assert buf.pop() == 2


def test_placeholder():
    raise NotImplementedError("write your tests in place of this placeholder")
