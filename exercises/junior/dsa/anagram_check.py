"""Check whether two strings are anagrams: the same characters, rearranged.

    >>> are_anagrams("listen", "silent")
    True
    >>> are_anagrams("Dormitory", "dirty room")
    True
    >>> are_anagrams("aab", "abb")
    False

The rules:
- Case does not matter: compare letters with ``str.lower()`` ("Listen" and "Silent" are anagrams).
- Whitespace (spaces, tabs, newlines) is ignored ("dirty room" has the letters of "dormitory").
- Every other character counts, punctuation and digits included, and each character must appear
  the same number of times in both strings ("aab" and "abb" are not anagrams).
- A string is an anagram of itself, and two empty strings are anagrams.
"""

from __future__ import annotations


def are_anagrams(first: str, second: str) -> bool:
    """Return True if ``first`` and ``second`` hold the same characters (ignoring case and
    whitespace), each the same number of times."""
    # TODO: normalise both strings, then compare what characters they contain and how often.
    raise NotImplementedError
