"""Find the most frequent words of a file too big for memory, reading it one chunk at a time."""

from __future__ import annotations

import heapq
import os
import re
from collections import Counter
from typing import Iterable

WORD = re.compile(r"\w+")  # letters and digits of any alphabet, and '_'


def top_words(path: str | os.PathLike, n: int = 10, stop_words: Iterable[str] = (),
              chunk_size: int = 65536) -> list[tuple[str, int]]:
    """The ``n`` most frequent words of the file, as (casefolded word, count), most frequent first."""
    if n < 0:
        raise ValueError(f"n must be 0 or more, not {n}")
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, not {chunk_size}")
    counts: Counter[str] = Counter()
    carry = ""  # the start of a word the previous chunk may have cut in two
    # text mode decodes UTF-8 incrementally: a chunk never ends inside a character
    with open(path, encoding="utf-8") as f:
        while chunk := f.read(chunk_size):
            text = carry + chunk
            words = WORD.findall(text)
            # a word touching the end of the text may go on in the next chunk: hold it back
            carry = words.pop() if words and WORD.match(text[-1]) else ""
            counts.update(map(str.casefold, words))
    if carry:
        counts[carry.casefold()] += 1
    for word in stop_words:
        counts.pop(word.casefold(), None)
    # the n smallest by (-count, word): highest counts first, ties alphabetical; O(d log n)
    return heapq.nsmallest(n, counts.items(), key=lambda item: (-item[1], item[0]))
