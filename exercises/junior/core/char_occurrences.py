"""Count how many times a character appears in a string, without str.count().

    >>> count_char("banana", "a")
    3
    >>> count_char("Banana", "b", ignore_case=True)
    1

The search is case-sensitive unless ``ignore_case=True``. ``char`` must be exactly one
character: raise ValueError otherwise ("" or "ab"). Write the loop yourself: no str.count()
and no collections.Counter.
"""

from __future__ import annotations


def count_char(text: str, char: str, *, ignore_case: bool = False) -> int:
    """Return how many characters of ``text`` equal ``char``.

    With ``ignore_case=True``, upper- and lower-case forms count together (compare the
    ``.lower()`` of each). Raise ValueError if ``char`` is not a single character.
    """
    # TODO: check char, then count the matches in a loop.
    raise NotImplementedError
