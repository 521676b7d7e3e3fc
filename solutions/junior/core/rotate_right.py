"""Rotate a list to the right by n positions: the last n items move to the front."""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")


def rotate_right(items: list[T], n: int) -> list[T]:
    """Return a new list: ``items`` rotated right by ``n`` (left if ``n`` is negative)."""
    if not items:
        return []  # also avoids n % 0 below
    # Python's % is never negative for a positive divisor: -1 % 5 == 4, so rotating left by 1
    # is rotating right by 4. It also folds n >= len(items) back into range.
    k = n % len(items)
    # The last k items, then the rest. Slices are copies, so this is always a new list; for
    # k == 0 it is items[0:] + items[:0], the whole list plus nothing.
    return items[-k:] + items[:-k]
