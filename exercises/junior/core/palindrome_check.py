"""Check whether a string is a palindrome: it reads the same forwards and backwards.

    >>> is_palindrome("racecar")
    True
    >>> is_palindrome("A man, a plan, a canal: Panama!")
    True
    >>> is_palindrome("hello")
    False

Like a person reading it, ignore case and look only at letters and digits: spaces and
punctuation are skipped (str.isalnum() tells you which characters count). A string with
nothing left to compare, such as "" or "?!", is a palindrome.
"""

from __future__ import annotations


def is_palindrome(text: str) -> bool:
    """Return True if the letters and digits of ``text`` read the same both ways, ignoring case."""
    # TODO: keep only the characters that count, then compare the two directions.
    raise NotImplementedError
