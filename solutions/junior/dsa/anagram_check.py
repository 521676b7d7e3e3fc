"""Check whether two strings are anagrams: the same characters, rearranged."""

from __future__ import annotations

from collections import Counter


def _letters(text: str) -> Counter[str]:
    """How often each character occurs, ignoring case and whitespace."""
    return Counter(ch for ch in text.lower() if not ch.isspace())


def are_anagrams(first: str, second: str) -> bool:
    """Return True if ``first`` and ``second`` hold the same characters (ignoring case and
    whitespace), each the same number of times."""
    # Counting is O(n); comparing sorted() copies would also work, in O(n log n).
    # A set() comparison would be wrong: it forgets how many times each character occurs.
    return _letters(first) == _letters(second)
