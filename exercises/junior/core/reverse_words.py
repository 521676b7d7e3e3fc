"""Reverse the order of the words in a sentence.

    >>> reverse_words("the quick brown fox")
    'fox brown quick the'
    >>> reverse_words("  Hello,   world!  ")
    'world! Hello,'

Words are separated by any run of whitespace (spaces, tabs, newlines). The result has the
words joined by single spaces, with no space at either end. Each word keeps its own
letters and punctuation: only the order of the words changes.
"""

from __future__ import annotations


def reverse_words(sentence: str) -> str:
    """Return the words of ``sentence`` in reverse order, separated by single spaces."""
    # TODO: split into words, reverse their order, join them back.
    raise NotImplementedError
