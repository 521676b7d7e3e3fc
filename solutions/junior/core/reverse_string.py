"""Reverse a string without using Python's built-in ways to reverse."""

from __future__ import annotations


def reverse_string(text: str) -> str:
    """Return ``text`` with its characters in the opposite order."""
    # Walk the indexes from the last down to 0. Collect the characters in a list and join once
    # at the end: building with `result = ch + result` copies the string every time (O(n**2)).
    chars = []
    for i in range(len(text) - 1, -1, -1):
        chars.append(text[i])
    return "".join(chars)
