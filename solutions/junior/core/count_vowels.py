"""Count the vowels in a string."""

from __future__ import annotations

# A set makes each membership test O(1); both cases are listed so no conversion is needed.
VOWELS = frozenset("aeiouAEIOU")


def count_vowels(text: str) -> int:
    """Return how many characters of ``text`` are one of a, e, i, o, u (any case)."""
    # Summing booleans would work too, but counting 1 per match says what we mean.
    return sum(1 for ch in text if ch in VOWELS)
