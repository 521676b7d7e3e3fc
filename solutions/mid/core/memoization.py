"""Memoization: a hand-written ``memoize`` decorator, and functools.lru_cache on two recurrences."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any


def memoize(func: Callable) -> Callable:
    """Cache ``func``'s results by its arguments; the wrapper has ``hits``, ``misses``, ``clear()``."""
    cache: dict = {}
    missing = object()  # a private sentinel: None (or anything else) may be a cached result

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        # keyword order does not change the call, so it must not change the key
        key = (args, frozenset(kwargs.items())) if kwargs else args
        result = cache.get(key, missing)  # an unhashable argument raises TypeError here
        if result is not missing:
            wrapper.hits += 1
            return result
        wrapper.misses += 1
        result = func(*args, **kwargs)  # if it raises, nothing is stored: the next call tries again
        cache[key] = result
        return result

    def clear() -> None:
        cache.clear()
        wrapper.hits = wrapper.misses = 0

    wrapper.hits = wrapper.misses = 0
    wrapper.clear = clear
    return wrapper


@memoize
def factorial(n: int) -> int:
    """n! by recursion; the memo makes every later call recurse only down to what it knows."""
    if not isinstance(n, int) or isinstance(n, bool):
        raise TypeError(f"factorial() takes an int, not {type(n).__name__}")
    if n < 0:
        raise ValueError(f"factorial() is not defined for negative numbers like {n}")
    if n == 0:
        return 1
    # `factorial` here is the memoized wrapper (the module-level name), so every level of the
    # recursion goes through the cache: this is what makes a later, larger call cheap
    return n * factorial(n - 1)


# --- functools.lru_cache -------------------------------------------------------------------

def edit_distance_memo(a: str, b: str) -> Callable[[int, int], int]:
    """Return d(i, j) = the edit distance of a[:i] and b[:j], memoized with lru_cache."""
    if not isinstance(a, str) or not isinstance(b, str):
        raise TypeError("edit_distance compares two strings")

    # Cache a function of two ints, not of the strings: keys stay tiny, and the cache lives
    # as long as this closure (each pair of strings gets its own, freed with it).
    # maxsize=None: the default of 128 would evict subproblems and recompute them again and again.
    @functools.lru_cache(maxsize=None)
    def d(i: int, j: int) -> int:
        if i == 0:
            return j  # insert the first j characters of b
        if j == 0:
            return i  # delete the first i characters of a
        if a[i - 1] == b[j - 1]:
            return d(i - 1, j - 1)  # the last characters match: no edit needed for them
        return 1 + min(d(i - 1, j - 1),  # substitute
                       d(i - 1, j),      # delete a's last character
                       d(i, j - 1))      # insert b's last character

    return d


def edit_distance(a: str, b: str) -> int:
    """The fewest single-character insertions, deletions and substitutions turning a into b."""
    return edit_distance_memo(a, b)(len(a), len(b))


def grid_paths_memo(grid: Sequence[str]) -> Callable[[int, int], int]:
    """Return paths(r, c) = the number of right/down paths from (r, c) to the bottom-right corner."""
    rows = len(grid)
    if rows == 0 or len(grid[0]) == 0:
        raise ValueError("the grid needs at least one row and one column")
    cols = len(grid[0])
    for r, row in enumerate(grid):
        if len(row) != cols:
            raise ValueError(f"row {r} has {len(row)} cells, row 0 has {cols}: the grid must be a rectangle")
        if set(row) - {".", "#"}:
            raise ValueError(f"row {r} has cells other than '.' (open) and '#' (blocked): {row!r}")

    # The grid (a list, unhashable) stays in the closure; the cache key is just (r, c).
    @functools.lru_cache(maxsize=None)
    def paths(r: int, c: int) -> int:
        if r >= rows or c >= cols or grid[r][c] == "#":
            return 0
        if (r, c) == (rows - 1, cols - 1):
            return 1
        return paths(r + 1, c) + paths(r, c + 1)

    return paths


def count_paths(grid: Sequence[str]) -> int:
    """The number of paths from the top-left to the bottom-right cell, moving right or down."""
    return grid_paths_memo(grid)(0, 0)


# The quiz: each statement is True or False.
MEMO_QUIZ: dict[str, bool | None] = {
    "Memoization trades memory for time: the result for each distinct argument is stored, so a "
    "repeated call skips the work.": True,
    "A memoized function may read the current time or a global that changes, and still give "
    "correct results.": False,
    "The very first call factorial(500) does fewer multiplications memoized than without the "
    "cache.": False,
    "@functools.lru_cache with no arguments keeps every result forever.": False,
    "Top-down memoization removes the recursion-depth limit: a memoized recursion can go as "
    "deep as it likes.": False,
    "The arguments of an lru_cache function must be hashable: passing a list raises TypeError.": True,
}
