"""Generate all the permutations of a string."""

from __future__ import annotations


def permutations(text: str) -> list[str]:
    """Return the sorted list of the distinct permutations of ``text``."""
    if len(text) <= 1:
        return [text]  # "" and one character each have exactly one ordering: themselves
    result = []
    # Choose the first character, then permute the rest. Choosing each *distinct* character once
    # (in sorted order) means no permutation is made twice, and the results come out sorted.
    for ch in sorted(set(text)):
        i = text.index(ch)
        rest = text[:i] + text[i + 1:]
        result.extend(ch + tail for tail in permutations(rest))
    return result
