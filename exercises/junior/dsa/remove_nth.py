"""Return a copy of a list with the element at index n removed.

    >>> remove_nth(["a", "b", "c", "d"], 1)
    ['a', 'c', 'd']
    >>> remove_nth(["a", "b", "c", "d"], -1)
    ['a', 'b', 'c']

``n`` works exactly like a list index: 0 is the first element, and a negative n counts from
the end (-1 is the last). The list you are given must not change: return a new list.

Errors, like ``del items[n]`` or ``items.pop(n)``:
- an index outside the list (``n >= len(items)`` or ``n < -len(items)``) raises IndexError;
- an index that is not an int (``1.0``, ``"1"``) raises TypeError.
"""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")


def remove_nth(items: list[T], n: int) -> list[T]:
    """Return a new list equal to ``items`` without the element at index ``n``."""
    # TODO: check n, then build the list of everything before n followed by everything after it.
    raise NotImplementedError
