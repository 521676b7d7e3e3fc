"""Return a new list holding the square of every integer in the given list, in the same order.

    >>> squares([1, 2, 3])
    [1, 4, 9]
    >>> squares([-4, 0])
    [16, 0]

Return a real list (not a map or a generator), and leave the list you were given unchanged.
"""

from __future__ import annotations


def squares(numbers: list[int]) -> list[int]:
    """Return ``[n * n for each n in numbers]`` as a new list; ``numbers`` is not modified."""
    # TODO: build the new list of squares.
    raise NotImplementedError
