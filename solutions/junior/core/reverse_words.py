"""Reverse the order of the words in a sentence."""

from __future__ import annotations


def reverse_words(sentence: str) -> str:
    """Return the words of ``sentence`` in reverse order, separated by single spaces."""
    # split() with no argument splits on any run of whitespace and drops empty strings at the
    # ends; split(" ") would keep empty "words" between double spaces.
    return " ".join(reversed(sentence.split()))
