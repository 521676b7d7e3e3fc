"""A counter that many threads can share without losing an update."""

from __future__ import annotations

import threading


def _check_step(n: object) -> int:
    # bool is a subclass of int, but increment(True) is surely a mistake
    if type(n) is not int:
        raise TypeError(f"n must be an int, not {type(n).__name__}")
    if n < 0:
        raise ValueError(f"n must be >= 0, not {n} (use the other method to go the other way)")
    return n


class Counter:
    """An integer counter whose every operation is atomic.

    One lock guards ``_value``. Each method does its whole read-modify-write, and reads the
    value it returns, while holding the lock: ``self._value += n`` alone is a read, an add and
    a write, and another thread may run between them.
    """

    def __init__(self, start: int = 0) -> None:
        if type(start) is not int:
            raise TypeError(f"start must be an int, not {type(start).__name__}")
        self._lock = threading.Lock()
        self._value = start

    @property
    def value(self) -> int:
        """The current value (read-only: change it through the methods)."""
        with self._lock:
            return self._value

    def increment(self, n: int = 1) -> int:
        """Add ``n`` and return the new value."""
        n = _check_step(n)
        with self._lock:
            self._value += n
            return self._value  # read under the lock: the value *this* call produced

    def decrement(self, n: int = 1) -> int:
        """Subtract ``n`` and return the new value."""
        n = _check_step(n)
        with self._lock:
            self._value -= n
            return self._value

    def reset(self) -> int:
        """Set the value to 0 and return what it was, in one step."""
        with self._lock:
            old, self._value = self._value, 0
            return old

    def compare_and_set(self, expected: int, new: int) -> bool:
        """If the value is ``expected``, set it to ``new`` and return True; else change nothing."""
        if type(new) is not int:
            raise TypeError(f"new must be an int, not {type(new).__name__}")
        with self._lock:
            if self._value != expected:
                return False
            self._value = new
            return True
