"""Memoization: write your own caching decorator, then use functools.lru_cache on two recurrences.

To memoize a function is to remember its result for each argument it has been called with, so a
repeated call returns the stored result instead of doing the work again. It pays where the same
subproblem comes up many times: the naive recursive edit distance of two 20-letter words makes
billions of calls; memoized, it computes each of the 21 x 21 subproblems once.

Part 1: ``memoize``, by hand (do not use functools.lru_cache or functools.cache for it)

    >>> @memoize
    ... def square(x):
    ...     return x * x
    >>> square(4), square(4), square(5)
    (16, 16, 25)
    >>> square.hits, square.misses      # one call answered from the cache, two that ran
    (1, 2)
    >>> square.clear()                  # empty the cache and reset both counters to 0

- The cache key is the call's arguments: positional and keyword ones. ``f(1, b=2, c=3)`` and
  ``f(1, c=3, b=2)`` are the same call and share an entry. An unhashable argument (a list)
  raises TypeError, like any dict key would.
- ``misses`` counts the calls that ran the function, ``hits`` the calls answered from the cache.
  A stored ``None`` is a result like any other: a hit. If the function raises, nothing is stored
  (the next call runs it again).
- Each decorated function has a cache of its own. Keep the metadata: functools.wraps.

Then ``factorial(n)``: recursive, decorated with your ``@memoize``, with ``factorial(0) == 1`` as the
only base case and ``n * factorial(n - 1)`` for n >= 1. A negative n raises ValueError; a number
that is not an int (2.5, "3") raises TypeError.

    >>> factorial(5), factorial.misses  # 5, 4, 3, 2, 1, 0: six calls ran
    (120, 6)

Every level of this recursion costs two of Python's frames (your wrapper and the function), and
Python stops at 1,000 (the default recursion limit; don't raise it). So factorial(600) on an
empty cache fails with RecursionError. But factorial(300), then factorial(600), then 900, ...,
1800 all work: each call recurses only down to the first number already in the cache. That is
memoization at work: watch the hits and misses.

Part 2: ``functools.lru_cache``

``@functools.lru_cache(maxsize=None)`` (or ``@functools.cache``) does the above for you, in C, and
adds ``cache_info()`` (hits, misses, maxsize, currsize) and ``cache_clear()``. Mind its default,
maxsize=128: it evicts old results, and evicted subproblems are computed again and again.

- ``edit_distance_memo(a, b)`` returns a function ``d(i, j)``, wrapped in lru_cache: the edit
  distance between ``a[:i]`` and ``b[:j]`` (the fewest single-character insertions, deletions
  and substitutions). ``edit_distance(a, b)`` is ``edit_distance_memo(a, b)(len(a), len(b))``.
  Arguments that are not str raise TypeError.

      >>> edit_distance("kitten", "sitting")
      3
      >>> d = edit_distance_memo("kitten", "sitting")
      >>> d(6, 7), d(3, 3), d.cache_info().misses <= 7 * 8    # d(3, 3): "kit" -> "sit"
      (3, 1, True)

- ``grid_paths_memo(grid)`` returns ``paths(r, c)``, wrapped in lru_cache: the number of paths
  from cell (r, c) to the bottom-right cell that move only right or down and never enter a
  blocked cell. The grid is a list of equal-length strings, ``"."`` open and ``"#"`` blocked.
  ``paths(r, c)`` of a blocked cell is 0. ``count_paths(grid)`` is ``paths(0, 0)``. An empty
  grid, rows of different lengths or other characters raise ValueError.

      >>> count_paths(["...",
      ...              ".#.",
      ...              "..."])
      2

- Each returned function has a cache of its own (another grid, another cache), and computes each
  subproblem once: d(len(a), len(b)) makes at most (len(a) + 1) * (len(b) + 1) misses. The check
  reads ``cache_info()``, and runs strings of 200 characters and grids of 120 x 120, sizes at
  which the naive recursion would run for longer than the universe has existed.
- lru_cache needs hashable arguments: a list (the grid) cannot be one. Cache a function of the
  indexes (r, c), defined inside grid_paths_memo, where it can see the grid.

Part 3: the quiz at the bottom of the file. Replace each None with True or False.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any


def memoize(func: Callable) -> Callable:
    """Cache ``func``'s results by its arguments; the wrapper has ``hits``, ``misses``, ``clear()``."""
    # TODO: a dict for the cache, a wrapper that looks the key up first, and the counters and
    # clear() as attributes of the wrapper.
    raise NotImplementedError


def factorial(n: int) -> int:
    """n!, recursively, memoized with your @memoize (decorate this function)."""
    raise NotImplementedError


def edit_distance_memo(a: str, b: str) -> Callable[[int, int], int]:
    """Return d(i, j) = the edit distance of a[:i] and b[:j], memoized with lru_cache."""
    raise NotImplementedError


def edit_distance(a: str, b: str) -> int:
    """The fewest single-character insertions, deletions and substitutions turning a into b."""
    raise NotImplementedError


def grid_paths_memo(grid: Sequence[str]) -> Callable[[int, int], int]:
    """Return paths(r, c) = the number of right/down paths from (r, c) to the bottom-right corner."""
    raise NotImplementedError


def count_paths(grid: Sequence[str]) -> int:
    """The number of paths from the top-left to the bottom-right cell, moving right or down."""
    raise NotImplementedError


# The quiz: replace each None with True or False (keep the statements, and their order).
MEMO_QUIZ: dict[str, bool | None] = {
    "Memoization trades memory for time: the result for each distinct argument is stored, so a "
    "repeated call skips the work.": None,
    "A memoized function may read the current time or a global that changes, and still give "
    "correct results.": None,
    "The very first call factorial(500) does fewer multiplications memoized than without the "
    "cache.": None,
    "@functools.lru_cache with no arguments keeps every result forever.": None,
    "Top-down memoization removes the recursion-depth limit: a memoized recursion can go as "
    "deep as it likes.": None,
    "The arguments of an lru_cache function must be hashable: passing a list raises TypeError.": None,
}
