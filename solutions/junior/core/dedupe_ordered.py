"""Remove duplicates from a list, keeping the first occurrence of each item, in order."""

from __future__ import annotations

from typing import Hashable, TypeVar

T = TypeVar("T", bound=Hashable)


def dedupe(items: list[T]) -> list[T]:
    """Return the items of ``items`` without repeats, each where it first appeared."""
    # A set answers "seen before?" in O(1); the list keeps the order. Together: O(n).
    # list(set(items)) would lose the order; list(dict.fromkeys(items)) is a correct one-liner,
    # since dicts keep insertion order.
    seen = set()
    result = []
    for item in items:
        if item not in seen:
            seen.add(item)
            result.append(item)
    return result
