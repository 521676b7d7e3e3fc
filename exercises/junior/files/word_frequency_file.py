"""Count how often each word occurs in a text file.

    >>> word_counts("story.txt")        # story.txt: "The cat saw the other cat."
    {'the': 2, 'cat': 2, 'saw': 1, 'other': 1}

What counts as a word:

- a run of letters and digits (str.isalnum()), in any alphabet: 'café', 'straße' and '66'
  are words;
- an apostrophe (') between two such characters is part of the word: "don't", "rock'n'roll";
  at the start or end of a word it is just punctuation ('quoted' is the word quoted);
- everything else separates words: spaces, newlines, punctuation, hyphens, underscores
  ('well-known' is two words, 'snake_case' too);
- case does not matter: count the lowercased word (str.lower()), so 'The' and 'the' are one.

Return a dict mapping each word to its count (the order does not matter; a Counter is fine).
The file is UTF-8 and ``path`` may be ``str`` or ``pathlib.Path``. An empty file gives {}.
A missing file raises FileNotFoundError.
"""

from __future__ import annotations

import os


def word_counts(path: str | os.PathLike) -> dict[str, int]:
    """Return {word: number of occurrences} for the file at ``path``."""
    # TODO
    raise NotImplementedError
