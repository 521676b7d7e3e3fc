"""Count the vowels in a string.

    >>> count_vowels("Hello World")
    3
    >>> count_vowels("rhythm")
    0

The vowels are the five letters a, e, i, o and u, in upper or lower case ("A" counts as well
as "a"). The letter y is not a vowel here, and neither are accented letters such as é.
"""

from __future__ import annotations


def count_vowels(text: str) -> int:
    """Return how many characters of ``text`` are one of a, e, i, o, u (any case)."""
    # TODO: look at each character and count the vowels.
    raise NotImplementedError
