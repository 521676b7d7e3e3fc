"""Generate every subset of a list (its power set) lazily, one subset at a time, and every
distinct subset of a list that holds repeats.

    >>> list(power_set([1, 2, 3]))
    [[], [1], [2], [3], [1, 2], [1, 3], [2, 3], [1, 2, 3]]
    >>> list(unique_power_set([2, 1, 2]))
    [[], [2], [1], [2, 1], [2, 2], [2, 1, 2]]

``power_set(items)`` yields each of the 2**n subsets of the n items as a new list:

- Smaller subsets first; subsets of the same size in the order of the positions they take
  from ``items`` (``[1, 2]`` before ``[1, 3]`` before ``[2, 3]``). Inside a subset the items keep
  their order in ``items``. This is the order ``itertools.combinations`` gives for r = 0, 1, ... n.
- Items at different positions count as different even when they are equal:
  ``power_set([1, 1])`` gives ``[], [1], [1], [1, 1]``.
- ``items`` is any iterable (a list, a string, a generator). Every subset is a list of its own:
  changing one must not change another.
- Lazy: it is a generator that does a small amount of work per subset. ``range(40)`` has about
  10**12 subsets, and the first thousand of them must come at once.

``unique_power_set(items)`` yields every distinct sub-multiset once: items that are equal are
interchangeable, so ``[2, 1, 2]`` has 6 distinct subsets, not 8. Exactly the lists
``power_set(items)`` would yield, in the same order, with every repeat of a subset already
yielded left out. (So a subset with c copies of a value takes the first c of them from
``items``: ``[2, 1]``, never ``[1, 2]``.) Items are hashable. It must not generate the repeats to
throw them away: ``[0] * 100`` has 101 distinct subsets and they come at once.

No itertools (no combinations, product or chain): the point is to write the generation yourself.
"""

from __future__ import annotations

from typing import Hashable, Iterable, Iterator, TypeVar

T = TypeVar("T")


def power_set(items: Iterable[T]) -> Iterator[list[T]]:
    """Yield every subset of ``items`` as a new list: by size, then by the positions taken."""
    # TODO: for each size r = 0..n, choose r positions in increasing order (backtracking).
    raise NotImplementedError


def unique_power_set(items: Iterable[Hashable]) -> Iterator[list]:
    """Yield each distinct sub-multiset of ``items`` once, in power_set's order."""
    raise NotImplementedError
