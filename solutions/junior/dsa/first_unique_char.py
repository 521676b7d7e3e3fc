"""Return the first character of a string that occurs in it only once."""

from __future__ import annotations

from collections import Counter


def first_non_repeating(text: str) -> str | None:
    """Return the first character that appears exactly once in ``text``, or None."""
    # Two passes, each O(n): count everything first, because you can't know a character is
    # unique until you have seen the whole string; then take the first with a count of 1.
    counts = Counter(text)
    for ch in text:
        if counts[ch] == 1:
            return ch
    return None
