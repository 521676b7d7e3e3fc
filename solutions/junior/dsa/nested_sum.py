"""Add up all the numbers in a nested list (a list of lists, to any depth)."""

from __future__ import annotations

from typing import Union

Nested = list[Union[int, float, "Nested"]]


def nested_sum(data: Nested) -> int | float:
    """Return the sum of every number in ``data``, however deeply nested."""
    total = 0  # an int, so a list of ints sums to an int
    for item in data:
        if isinstance(item, list):
            total += nested_sum(item)  # the same problem, one level smaller
        # bool is a subclass of int in Python, so it has to be ruled out by name.
        elif isinstance(item, (int, float)) and not isinstance(item, bool):
            total += item
        else:
            raise TypeError(f"nested_sum() expects numbers and lists, got {item!r}")
    return total
