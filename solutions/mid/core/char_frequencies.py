"""Character frequencies: one normal form, real case folding, first-seen order, stable ranking."""

from __future__ import annotations

import unicodedata
from typing import Mapping

NORMAL_FORMS = (None, "NFC", "NFD", "NFKC", "NFKD")


def char_frequencies(text: str, *, ignore_case: bool = False, normalize: str | None = "NFC") -> dict[str, int]:
    """Return {character: count} for ``text``, in order of first appearance."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    # unicodedata.normalize() checks the form only when there is text to normalize: check it here
    if normalize not in NORMAL_FORMS:
        raise ValueError(f"normalize must be one of {NORMAL_FORMS}, not {normalize!r}")
    if normalize is not None:
        text = unicodedata.normalize(normalize, text)
    if ignore_case:
        # casefold() is lower() made for comparing: "ß" -> "ss", "ς" -> "σ". It may leave the
        # normal form ("ǰ" folds to "j" + U+030C), so normalize once more after folding.
        text = text.casefold()
        if normalize is not None:
            text = unicodedata.normalize(normalize, text)

    counts: dict[str, int] = {}  # a dict remembers insertion order: first appearance comes free
    for ch in text:
        counts[ch] = counts.get(ch, 0) + 1
    return counts


def most_common(freqs: Mapping[str, int], k: int | None = None) -> list[tuple[str, int]]:
    """Return the ``k`` highest (character, count) pairs, ties in the order of ``freqs``."""
    if k is not None and k < 0:
        raise ValueError(f"k must be at least 0, not {k}")
    # sorted() is stable, also with reverse=True: equal counts keep the order of freqs
    ranked = sorted(freqs.items(), key=lambda pair: pair[1], reverse=True)
    return ranked if k is None else ranked[:k]
