"""Find an item in a sorted list with binary search, in O(log n) time.

    >>> binary_search([1, 3, 5, 7, 9, 11], 7)
    3
    >>> binary_search([1, 3, 5, 7, 9, 11], 4)
    -1

Return the index of ``target`` in ``items``, or -1 if it is not there. ``items`` is sorted in
ascending order (numbers, strings: anything comparable). If the target occurs more than once,
the index of any one of its occurrences will do.

Binary search looks at the middle item of the part of the list that could still hold the
target, and throws away the half that cannot: so a million items take about 20 looks, not a
million. That is the whole point, and the check counts: ``items`` may be a sequence that only
supports ``len(items)`` and ``items[i]``, and that refuses slicing (a slice copies: O(n)),
looping, ``in`` and ``.index()`` (all O(n) linear scans). No bisect module either.
"""

from __future__ import annotations

from typing import Sequence, TypeVar

T = TypeVar("T")


def binary_search(items: Sequence[T], target: T) -> int:
    """Return an index i with ``items[i] == target``, or -1 if ``target`` is not in ``items``."""
    # TODO: keep `lo` and `hi` bounds of the part still in play and halve it on every step.
    raise NotImplementedError
