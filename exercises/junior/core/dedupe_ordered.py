"""Remove duplicates from a list, keeping the first occurrence of each item, in order.

    >>> dedupe([3, 1, 3, 2, 1])
    [3, 1, 2]
    >>> dedupe(["b", "a", "b"])
    ['b', 'a']

The items are hashable. Return a new list and leave the given one unchanged. It must be
O(n): a list of a million items should take well under a second, not hours.
"""

from __future__ import annotations

from typing import Hashable, TypeVar

T = TypeVar("T", bound=Hashable)


def dedupe(items: list[T]) -> list[T]:
    """Return the items of ``items`` without repeats, each where it first appeared."""
    # TODO: remember what you have already seen.
    raise NotImplementedError
