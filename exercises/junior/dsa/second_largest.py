"""Find the second largest number in a collection, in one pass.

    >>> second_largest([3, 9, 2, 7])
    7
    >>> second_largest([5, 5, 3])
    3

"Second largest" means the second largest *distinct* value: in [5, 5, 3] the largest is 5 and
the second largest is 3. If there are fewer than two distinct values ([], [4], [4, 4]) there is
no second largest: raise ValueError.

Do it the way an interviewer wants: one pass over the numbers, keeping track of the two largest
values seen so far. ``numbers`` may be any iterable, even a generator that can only be read
once, so no len(), no indexing, no second loop. No sorting (sorted(), list.sort(), heapq) and
no max() either.
"""

from __future__ import annotations

from typing import Iterable


def second_largest(numbers: Iterable[float]) -> float:
    """Return the second largest distinct value in ``numbers``; raise ValueError if there is
    none."""
    # TODO: keep `largest` and `second` while you loop; think about what a new number can replace.
    raise NotImplementedError
