"""Count every character of a string, the Unicode-correct way, and rank the most common ones.

    >>> char_frequencies("hello")
    {'h': 1, 'e': 1, 'l': 2, 'o': 1}
    >>> char_frequencies("Straße", ignore_case=True)
    {'s': 3, 't': 1, 'r': 1, 'a': 1, 'e': 1}
    >>> most_common(char_frequencies("mississippi"), 2)
    [('i', 4), ('s', 4)]

A "character" is one code point (one item of the str). The same text can be spelled with
different code points: "é" is either U+00E9 or "e" followed by U+0301 (a combining acute
accent). So before counting, bring the text into one Unicode normal form:

- ``normalize="NFC"`` (the default) composes: both spellings of "é" count as one "é".
- ``"NFD"`` decomposes: "é" counts as an "e" plus a "\\u0301". ``"NFKC"``/``"NFKD"`` also fold
  compatibility characters ("ﬁ" becomes "f" and "i").
- ``None`` counts the code points exactly as given. Any other value raises ValueError, even for
  an empty text.

With ``ignore_case=True``, upper and lower case count together. Use ``str.casefold()``, which is
made for caseless matching, not ``.lower()``: "ß" folds to "ss" and the Greek "Σ", "σ" and "ς"
all fold to "σ". Case folding can undo the normal form ("ǰ" folds to "j" + U+030C), so the keys
must be in the requested normal form after folding too.

The result is a plain dict whose keys come in the order each character first appears (in the
normalized, folded text). ``text`` must be a str: anything else raises TypeError.

``most_common(freqs, k)`` returns the ``k`` most common ``(character, count)`` pairs, highest
count first (all of them when ``k`` is None). Equal counts keep the order of ``freqs``, so for
a result of char_frequencies the character seen first wins a tie, as with
collections.Counter.most_common. ``k`` of 0 gives [], a ``k`` larger than the number of
characters gives them all, and a negative ``k`` raises ValueError. It must not change ``freqs``.

Constraints: no collections.Counter and no str.count(): count in one pass over the text
(the check counts a 200,000-character text with 2,000 different characters).
"""

from __future__ import annotations

from typing import Mapping


def char_frequencies(text: str, *, ignore_case: bool = False, normalize: str | None = "NFC") -> dict[str, int]:
    """Return {character: count} for ``text``, in order of first appearance."""
    # TODO: check the arguments, normalize (and casefold), then count in one loop.
    raise NotImplementedError


def most_common(freqs: Mapping[str, int], k: int | None = None) -> list[tuple[str, int]]:
    """Return the ``k`` highest (character, count) pairs, ties in the order of ``freqs``."""
    # TODO: rank the pairs by count, keeping equal counts in their original order.
    raise NotImplementedError
