"""Return the longest string in a list; on a tie, the one that comes first.

    >>> longest(["a", "abc", "ab"])
    'abc'
    >>> longest(["one", "two", "six"])
    'one'

Length is the number of characters, len(s). An empty list has no longest string: raise
ValueError for it.
"""

from __future__ import annotations


def longest(strings: list[str]) -> str:
    """Return the longest item of ``strings`` (the first such on a tie); ValueError if empty."""
    # TODO: remember the longest string seen so far.
    raise NotImplementedError
