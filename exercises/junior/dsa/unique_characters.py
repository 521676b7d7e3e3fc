"""Check whether a string contains only unique characters: no character appears twice.

    >>> has_unique_chars("python")
    True
    >>> has_unique_chars("hello")
    False

Every character counts, exactly as it is: case matters ("Aa" is all unique), and so do spaces,
digits, punctuation and any other Unicode character ("a b c" repeats the space). The empty
string has no repeated character, so it is unique.
"""

from __future__ import annotations


def has_unique_chars(text: str) -> bool:
    """Return True if no character occurs more than once in ``text``."""
    # TODO: remember the characters you have seen; a repeat means the answer is False.
    raise NotImplementedError
