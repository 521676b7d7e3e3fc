"""Count how many times a character appears in a string, without str.count()."""

from __future__ import annotations


def count_char(text: str, char: str, *, ignore_case: bool = False) -> int:
    """Return how many characters of ``text`` equal ``char``.

    With ``ignore_case=True``, upper- and lower-case forms count together (compare the
    ``.lower()`` of each). Raise ValueError if ``char`` is not a single character.
    """
    if len(char) != 1:
        raise ValueError(f"char must be a single character, got {char!r}")
    if ignore_case:
        # Lower both sides once, then it is the same count as before.
        text, char = text.lower(), char.lower()
    count = 0
    for ch in text:
        if ch == char:
            count += 1
    return count
