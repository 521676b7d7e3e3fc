"""Return the elements two lists have in common."""

from __future__ import annotations

from typing import Hashable, TypeVar

T = TypeVar("T", bound=Hashable)


def intersection(a: list[T], b: list[T]) -> list[T]:
    """Return the distinct values found in both ``a`` and ``b``, ordered as in ``a``."""
    # set(a) & set(b) finds the values, but a set has no order. So: one set for fast look-ups
    # in b, one for the values already taken, and walk a in order.
    in_b = set(b)
    taken = set()
    result = []
    for item in a:
        if item in in_b and item not in taken:
            taken.add(item)
            result.append(item)
    return result
