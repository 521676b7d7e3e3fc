"""Count each letter in a file, then print the 5 most common letters.

    >>> letter_counts("abc.txt")              # abc.txt: "Abba, cab!"
    {'a': 3, 'b': 3, 'c': 1}
    >>> print_top_letters("abc.txt", 2)
    a: 3
    b: 3
    [('a', 3), ('b', 3)]

``letter_counts(path)`` counts every character for which str.isalpha() is true, in any
alphabet ('é' is a letter, and not the same one as 'e'), ignoring case: count ``ch.lower()``.
Digits, spaces and punctuation are not letters. Return a dict (a Counter is fine).

``print_top_letters(path, n=5)`` prints the ``n`` most common letters, one per line as
``letter: count``, and returns them as a list of (letter, count) tuples in the same order:
most common first, and letters with equal counts in alphabetical order, as sorted() orders
strings (so 'a' before 'b' above, whichever came first in the file). Fewer than ``n`` different letters: all of them.
``n`` must be at least 1, else ValueError.

The file is UTF-8; ``path`` may be ``str`` or ``pathlib.Path``; a missing file raises
FileNotFoundError.
"""

from __future__ import annotations

import os


def letter_counts(path: str | os.PathLike) -> dict[str, int]:
    """Return {lowercase letter: count} for the file at ``path``."""
    # TODO
    raise NotImplementedError


def print_top_letters(path: str | os.PathLike, n: int = 5) -> list[tuple[str, int]]:
    """Print and return the ``n`` most common letters (ties alphabetical)."""
    # TODO
    raise NotImplementedError
