"""Add up all the numbers in a nested list (a list of lists, to any depth).

    >>> nested_sum([[1, 2], [3, 4]])
    10
    >>> nested_sum([1, [2, [3, [4]]], []])
    10

Each item of the list is either a number (int or float) or another list, which may itself hold
numbers and lists, and so on. Empty lists add nothing, so nested_sum([]) == 0 and
nested_sum([[], [[]]]) == 0. Integers add up to an int, exactly (no rounding to float).

Anything that is neither a number nor a list (a string "3", None, a tuple, a dict) is a mistake
in the data: raise TypeError. bool counts as not a number here, so True raises TypeError too.
"""

from __future__ import annotations

from typing import Union

Nested = list[Union[int, float, "Nested"]]


def nested_sum(data: Nested) -> int | float:
    """Return the sum of every number in ``data``, however deeply nested."""
    # TODO: add numbers directly; for an inner list, add its nested_sum.
    raise NotImplementedError
