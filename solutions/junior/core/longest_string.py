"""Return the longest string in a list; on a tie, the one that comes first."""

from __future__ import annotations


def longest(strings: list[str]) -> str:
    """Return the longest item of ``strings`` (the first such on a tie); ValueError if empty."""
    if not strings:
        raise ValueError("longest() of an empty list")
    # max() returns the first of several equal maxima, which is exactly the tie rule.
    # The loop it replaces: best = strings[0]; for s in strings: if len(s) > len(best): best = s
    # (note the strict >: with >= a later string of equal length would win).
    return max(strings, key=len)
