"""Write pytest unit tests for the RingBuffer class below, edge cases included."""

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
# Each test checks one behaviour and is named after it, so a failure says what broke. The
# interesting cases sit at the edges: empty, exactly full, one past full, and after the buffer
# has wrapped around (the oldest item no longer sits in the first slot).


@pytest.mark.parametrize("capacity, pushed, evicted, kept", [
    (1, ["a"], [], ["a"]),
    (1, ["a", "b"], ["a"], ["b"]),
    (3, ["a", "b"], [], ["a", "b"]),  # not full yet: nothing is lost
    (3, ["a", "b", "c"], [], ["a", "b", "c"]),  # exactly full
    (3, ["a", "b", "c", "d"], ["a"], ["b", "c", "d"]),  # one past full: the oldest goes
    (2, ["a", "b", "c", "d", "e"], ["a", "b", "c"], ["d", "e"]),  # wrapped around more than once
])
def test_push_keeps_the_newest_and_returns_what_it_overwrote(capacity, pushed, evicted, kept):
    buf = RingBuffer(capacity)
    returned = [buf.push(item) for item in pushed]
    assert returned == [None] * (len(pushed) - len(evicted)) + evicted
    assert list(buf) == kept  # iteration: oldest first
    assert len(buf) == len(kept)
    assert buf.is_full() is (len(kept) == capacity)


def test_pop_is_first_in_first_out_after_wrapping():
    buf = RingBuffer(3)
    buf.extend([1, 2, 3, 4])
    assert [buf.pop(), buf.pop(), buf.pop()] == [2, 3, 4]
    assert buf.is_empty()


def test_peek_shows_the_oldest_without_removing_it():
    buf = RingBuffer(2)
    buf.extend([1, 2, 3])
    assert buf.peek() == 2
    assert buf.peek() == 2
    assert list(buf) == [2, 3]


@pytest.mark.parametrize("method", ["pop", "peek"])
def test_empty_buffer_raises_index_error(method):
    buf = RingBuffer(2)
    with pytest.raises(IndexError):
        getattr(buf, method)()


@pytest.mark.parametrize("index, want", [(0, "x"), (1, "y"), (-1, "y"), (-2, "x")])
def test_indexing_a_buffer_that_is_not_full(index, want):
    buf = RingBuffer(3)
    buf.extend(["x", "y"])
    assert buf[index] == want  # -1 is the newest even with a free slot after it


def test_indexing_after_wrapping():
    buf = RingBuffer(3)
    buf.extend([1, 2, 3, 4, 5])
    assert [buf[0], buf[1], buf[2], buf[-1], buf[-3]] == [3, 4, 5, 5, 3]


@pytest.mark.parametrize("index", [2, -3])
def test_index_just_out_of_range_raises(index):
    buf = RingBuffer(3)
    buf.extend(["x", "y"])
    with pytest.raises(IndexError):
        buf[index]


def test_clear_empties_and_keeps_capacity():
    buf = RingBuffer(2)
    buf.extend([1, 2, 3])
    buf.clear()
    assert len(buf) == 0
    assert list(buf) == []
    buf.extend([4, 5])  # the full capacity is usable again
    assert list(buf) == [4, 5]


@pytest.mark.parametrize("capacity, error", [(0, ValueError), (2.0, TypeError)])
def test_invalid_capacity_is_rejected(capacity, error):
    with pytest.raises(error):
        RingBuffer(capacity)
