"""Return the elements two lists have in common.

    >>> intersection([1, 2, 3, 4], [4, 3, 9])
    [3, 4]
    >>> intersection(["a", "b", "a"], ["a", "a", "c"])
    ['a']

Each common value appears once in the result, in the order it first appears in the first
list ``a``. The items are hashable. Don't change the lists you were given. It must be
O(len(a) + len(b)): looking an item up in a list is slow, looking it up in a set is fast.
"""

from __future__ import annotations

from typing import Hashable, TypeVar

T = TypeVar("T", bound=Hashable)


def intersection(a: list[T], b: list[T]) -> list[T]:
    """Return the distinct values found in both ``a`` and ``b``, ordered as in ``a``."""
    # TODO: find what is in both.
    raise NotImplementedError
