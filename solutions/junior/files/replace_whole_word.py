"""Replace every occurrence of a whole word in a text file with another word."""

from __future__ import annotations

import os
import re


def replace_word(src: str | os.PathLike, dst: str | os.PathLike, word: str, replacement: str) -> int:
    """Write ``src`` to ``dst`` with every whole ``word`` replaced; return the count."""
    if not word:
        raise ValueError("word must not be empty")
    # re.escape: the word is literal text. The lookarounds say "no word character right before
    # or right after"; unlike \b they also work for words that start or end with '+' or '.'.
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
    with open(src, encoding="utf-8", newline="") as fh:  # read it all first: dst may be src
        text = fh.read()
    # A function as the replacement is used verbatim; a string would have its backslashes
    # interpreted (r'C:\new' would become 'C:' + newline + 'ew').
    new_text, count = pattern.subn(lambda _match: replacement, text)
    with open(dst, "w", encoding="utf-8", newline="") as fh:
        fh.write(new_text)
    return count
