"""Remove all the punctuation from a sentence."""

from __future__ import annotations

import string

# str.maketrans("", "", chars) builds a table that deletes each of chars; translate() then does
# the whole string in one pass in C. Build the table once, not on every call.
_DELETE_PUNCTUATION = str.maketrans("", "", string.punctuation)


def remove_punctuation(sentence: str) -> str:
    """Return ``sentence`` without any of the characters in string.punctuation."""
    # The loop it replaces: "".join(ch for ch in sentence if ch not in string.punctuation)
    return sentence.translate(_DELETE_PUNCTUATION)
