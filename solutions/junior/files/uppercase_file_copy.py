"""Read a text file, convert its contents to uppercase and write them to a new file."""

from __future__ import annotations

import os


def uppercase_copy(src: str | os.PathLike, dst: str | os.PathLike) -> int:
    """Write ``src``'s text in uppercase to ``dst``; return the number of characters written."""
    # newline="" turns off newline translation both ways, so '\r\n' stays '\r\n'.
    # Read everything before opening dst: a missing or undecodable src leaves no dst behind.
    with open(src, encoding="utf-8", newline="") as fin:
        text = fin.read()
    with open(dst, "w", encoding="utf-8", newline="") as fout:
        return fout.write(text.upper())
