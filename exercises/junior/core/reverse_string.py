"""Reverse a string without using Python's built-in ways to reverse.

    >>> reverse_string("hello")
    'olleh'
    >>> reverse_string("")
    ''

Not allowed: slicing with a negative step (text[::-1]), reversed(), and list.reverse().
Build the reversed string yourself, one character at a time.
"""

from __future__ import annotations


def reverse_string(text: str) -> str:
    """Return ``text`` with its characters in the opposite order."""
    # TODO: walk the string from one end and build the result.
    raise NotImplementedError
