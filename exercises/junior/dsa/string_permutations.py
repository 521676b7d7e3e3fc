"""Generate all the permutations of a string.

    >>> permutations("abc")
    ['abc', 'acb', 'bac', 'bca', 'cab', 'cba']
    >>> permutations("aab")
    ['aab', 'aba', 'baa']

A permutation is an ordering of all the string's characters. Return every *distinct*
permutation exactly once, as a list of strings in sorted (alphabetical) order: a string with
repeated characters has fewer distinct permutations ("aab" has 3, not 6).

The empty string has exactly one permutation, the empty string itself: permutations("") == [""].

Build them yourself, recursively: no itertools.
"""

from __future__ import annotations


def permutations(text: str) -> list[str]:
    """Return the sorted list of the distinct permutations of ``text``."""
    # TODO: each permutation is some character of text, followed by a permutation of the rest.
    raise NotImplementedError
