"""Check whether a string contains only unique characters: no character appears twice."""

from __future__ import annotations


def has_unique_chars(text: str) -> bool:
    """Return True if no character occurs more than once in ``text``."""
    # A set keeps one copy of each character, so it is shorter than the string exactly when some
    # character repeats. (A loop that stops at the first repeat is just as good, and exits early.)
    return len(set(text)) == len(text)
