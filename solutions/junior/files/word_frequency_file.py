"""Count how often each word occurs in a text file."""

from __future__ import annotations

import os
import re
from collections import Counter

# [^\W_] is "a word character but not '_'": exactly the characters for which str.isalnum()
# is true, in any alphabet. Apostrophes may join two such runs: don't, rock'n'roll.
WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def word_counts(path: str | os.PathLike) -> dict[str, int]:
    """Return {word: number of occurrences} for the file at ``path``."""
    counts: Counter[str] = Counter()
    with open(path, encoding="utf-8") as fh:
        for line in fh:  # one line at a time: the file may be big
            counts.update(word.lower() for word in WORD.findall(line))
    return counts
