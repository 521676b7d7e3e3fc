"""Count each letter in a file, then print the 5 most common letters."""

from __future__ import annotations

import os
from collections import Counter


def letter_counts(path: str | os.PathLike) -> dict[str, int]:
    """Return {lowercase letter: count} for the file at ``path``."""
    counts: Counter[str] = Counter()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            counts.update(ch.lower() for ch in line if ch.isalpha())
    return counts


def print_top_letters(path: str | os.PathLike, n: int = 5) -> list[tuple[str, int]]:
    """Print and return the ``n`` most common letters (ties alphabetical)."""
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    counts = letter_counts(path)
    # Counter.most_common() breaks ties by first appearance; sorting on (-count, letter)
    # puts the biggest counts first and equal counts in alphabetical order.
    top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:n]
    for letter, count in top:
        print(f"{letter}: {count}")
    return top
