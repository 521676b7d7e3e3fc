"""Check whether a string is a palindrome: it reads the same forwards and backwards."""

from __future__ import annotations


def is_palindrome(text: str) -> bool:
    """Return True if the letters and digits of ``text`` read the same both ways, ignoring case."""
    # casefold() is lower() made for comparisons: it also folds e.g. German "ß" to "ss".
    chars = [ch for ch in text.casefold() if ch.isalnum()]
    # Two pointers meet in the middle: no reversed copy is needed, and the first mismatch stops.
    left, right = 0, len(chars) - 1
    while left < right:
        if chars[left] != chars[right]:
            return False
        left += 1
        right -= 1
    return True
