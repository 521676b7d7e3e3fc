"""Rotate a list to the right by n positions: the last n items move to the front.

    >>> rotate_right([1, 2, 3, 4, 5], 2)
    [4, 5, 1, 2, 3]
    >>> rotate_right([1, 2, 3], 4)
    [3, 1, 2]

Rotating a list of length L by L gives the same list, so n can be larger than the list
(rotating by 4 is rotating by 1 here). A negative n rotates to the left. An empty list stays
empty for any n. Return a new list and leave the given one unchanged.
"""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")


def rotate_right(items: list[T], n: int) -> list[T]:
    """Return a new list: ``items`` rotated right by ``n`` (left if ``n`` is negative)."""
    # TODO: work out how far to really rotate, then build the new list.
    raise NotImplementedError
