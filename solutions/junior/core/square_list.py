"""Return a new list holding the square of every integer in the given list, in the same order."""

from __future__ import annotations


def squares(numbers: list[int]) -> list[int]:
    """Return ``[n * n for each n in numbers]`` as a new list; ``numbers`` is not modified."""
    # A list comprehension builds a new list, so the caller's list is never touched.
    # (map(lambda n: n * n, numbers) would be lazy: it returns an iterator, not a list.)
    return [n * n for n in numbers]
