"""Convert a string to title case: the first character of each word upper case, the rest lower.

    >>> title_case("hello wORLD")
    'Hello World'
    >>> title_case("they're 3rd")
    "They're 3rd"

A word is a run of characters that are not whitespace. Keep the whitespace exactly as it is
(double spaces, tabs, newlines). Don't use str.title() or string.capwords(): str.title()
turns "they're" into "They'Re" and "3rd" into "3Rd", which is what this exercise fixes.
"""

from __future__ import annotations


def title_case(text: str) -> str:
    """Return ``text`` with each word's first character upper-cased and the rest lower-cased."""
    # TODO: decide, character by character, whether it starts a word.
    raise NotImplementedError
