"""Return a copy of a list with the element at index n removed."""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")


def remove_nth(items: list[T], n: int) -> list[T]:
    """Return a new list equal to ``items`` without the element at index ``n``."""
    # Copy first, then let `del` do the work: it already understands negative indexes and raises
    # IndexError for an index out of range and TypeError for one that is not an int.
    # (Slicing, items[:n] + items[n+1:], never raises and gets n = -1 wrong.)
    result = list(items)
    del result[n]
    return result
