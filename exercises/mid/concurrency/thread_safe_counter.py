"""Write a Counter that many threads can share without ever losing an update, using threading.

``self.value += 1`` looks like one step but is three: read the value, add, write it back. Two
threads can both read 5 and both write 6, and one increment is lost. Make every operation of
the counter atomic, so no thread ever sees (or returns) a half-done update.

    >>> c = Counter()
    >>> c.increment()        # returns the new value
    1
    >>> c.increment(5)
    6
    >>> c.decrement(2)
    4
    >>> c.compare_and_set(4, 10)    # it was 4, so now it is 10
    True
    >>> c.compare_and_set(4, 99)    # it is not 4: nothing changes
    False
    >>> c.reset()            # back to 0, returning what it was
    10
    >>> c.value
    0

The rules:
- ``Counter(start=0)``: ``start`` must be an int (TypeError otherwise).
- ``increment(n=1)`` and ``decrement(n=1)`` return the value *their own* change produced, even
  while other threads are changing it too. ``n`` must be an int (TypeError; bool doesn't count)
  and not negative (ValueError). The counter itself may go below zero.
- ``reset()`` sets the value to 0 and returns the old value as one atomic step: an increment
  made by another thread is either in the returned value or in the counter afterwards, never lost.
- ``compare_and_set(expected, new)``: if the value equals ``expected``, set it to ``new`` and
  return True; otherwise change nothing and return False. Atomic, so two threads can never
  both succeed from the same ``expected``. ``new`` must be an int (TypeError).
- ``value`` is a read-only property (assigning to it is an AttributeError).

The check runs your counter from 8 threads at once while forcing thread switches at the worst
moments, so a missing lock shows every time.
"""

from __future__ import annotations

import threading  # noqa: F401 - you will need it


class Counter:
    """An integer counter whose every operation is atomic."""

    def __init__(self, start: int = 0) -> None:
        # TODO: one threading.Lock to guard the value
        raise NotImplementedError

    @property
    def value(self) -> int:
        """The current value (read-only: change it through the methods)."""
        raise NotImplementedError

    def increment(self, n: int = 1) -> int:
        """Add ``n`` and return the new value."""
        raise NotImplementedError

    def decrement(self, n: int = 1) -> int:
        """Subtract ``n`` and return the new value."""
        raise NotImplementedError

    def reset(self) -> int:
        """Set the value to 0 and return what it was, in one step."""
        raise NotImplementedError

    def compare_and_set(self, expected: int, new: int) -> bool:
        """If the value is ``expected``, set it to ``new`` and return True; else change nothing."""
        raise NotImplementedError
