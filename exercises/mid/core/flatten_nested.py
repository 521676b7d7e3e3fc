"""Flatten arbitrarily nested iterables, lazily and without recursion.

    >>> list(flatten([[1, 2, [3]], 4]))
    [1, 2, 3, 4]
    >>> list(flatten([1, [2, [3, [4]]]], depth=1))
    [1, 2, [3, [4]]]
    >>> list(flatten(["ab", (b"cd", {"x"}), range(2)]))
    ['ab', b'cd', 'x', 0, 1]

``flatten(items)`` yields the atoms of ``items`` depth first, left to right. Every iterable
inside is a container to flatten (lists, tuples, sets, dicts (their keys), ranges, generators,
any class with ``__iter__``), except ``str``, ``bytes`` and ``bytearray``: those are atoms
(a one-character string is an iterable whose only item is itself, forever). Anything not
iterable is an atom. Atoms come out as the very same objects, not copies.

- ``depth=None`` (the default) flattens completely. ``depth=n`` flattens n levels: a container
  nested deeper than that comes out as it is. ``depth=0`` yields the items of ``items`` unchanged.
- It is lazy: the result is an iterator that pulls from each iterable only when it needs the
  next atom, so an inner generator may be endless and ``itertools.islice(flatten(...), 5)``
  still works. Nothing is pulled before the first ``next()``.
- It is iterative: 100,000 levels of nesting work under the default recursion limit (about
  1,000), so keep your own stack of iterators instead of recursing. Each atom costs O(1).
- A list that contains itself (directly or further down) raises ValueError when flatten reaches
  the cycle (what it yielded before stands). The same list appearing twice side by side is no
  cycle. A cycle below the ``depth`` limit is never entered, so it is no error either.
- Bad arguments fail at the call, not at the first ``next()``: ``depth`` below 0 is a
  ValueError, a ``depth`` that is not an int (or None) is a TypeError, and ``items`` that is not
  iterable is a TypeError. (A function with ``yield`` in it runs nothing until the first
  ``next()``: check first, then return a generator.)
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator


def flatten(items: Iterable, *, depth: int | None = None) -> Iterator[Any]:
    """Return an iterator over the atoms of ``items``, flattening ``depth`` levels (None: all)."""
    # TODO: check the arguments here, then return a generator that walks a stack of iterators.
    raise NotImplementedError
