"""Compare two files too big for memory, chunk by chunk: are they equal, where do they first differ,
and which blocks changed.

    >>> files_equal("backup.img", "disk.img")
    False
    >>> first_difference("old.csv", "new.csv")     # byte 1047 is on line 12, its 31st byte
    Difference(offset=1047, line=12, column=31)
    >>> changed_blocks("old.csv", "new.csv", block_size=1024)
    [(1024, 2048), (8192, 10240)]

``files_equal(a, b, *, chunk_size=256 KiB)`` tells whether the two files hold the same bytes.
Files of different sizes are never equal: answer that from their sizes (``os.stat``), without
opening them.

``first_difference(a, b, *, chunk_size=256 KiB)`` returns None for equal files, else a
``Difference(offset, line, column)`` for the first byte where they differ: ``offset`` counts
bytes from 0; ``line`` (from 1) is 1 + the number of b'\\n' before that byte, and ``column``
(from 1) is its place in that line, in bytes. The files agree up to there, so the line and the
column are the same in both. When one file is the start of the other, they differ at the end of
the shorter one: ``offset`` is its length (an empty file and a non-empty one differ at (0, 1, 1)).

``changed_blocks(a, b, *, block_size=4096)`` cuts both files into blocks of ``block_size`` bytes
(block k is bytes k*block_size up to (k+1)*block_size) and returns the byte ranges of the blocks
that differ, as half-open ``(start, end)`` tuples in order, with neighbouring changed blocks
merged into one range. A block that one file has and the other lacks (or has only part of) is
changed; the last range ends at the end of the longer file. Equal files give [].

All three stream: open the files in binary mode and read ``chunk_size`` (or a few blocks') bytes
from each at a time, never a whole file (no ``read()``, no ``mmap``, no ``readlines()``). The
files need not have any line breaks at all. The check compares two 80 MB files within a 64 MB
memory limit, and puts differences at offset 0, at the last byte and exactly at chunk
boundaries. A ``chunk_size`` or ``block_size`` below 1 is a ValueError; a missing file raises
FileNotFoundError.
"""

from __future__ import annotations

import os
from typing import NamedTuple

CHUNK = 256 * 1024  # bytes read from each file at a time


class Difference(NamedTuple):
    """Where two files first differ: a byte offset from 0, and its line and column from 1."""

    offset: int
    line: int
    column: int


def files_equal(a: str | os.PathLike, b: str | os.PathLike, *, chunk_size: int = CHUNK) -> bool:
    """True if the files hold the same bytes."""
    raise NotImplementedError


def first_difference(a: str | os.PathLike, b: str | os.PathLike, *,
                     chunk_size: int = CHUNK) -> Difference | None:
    """Where the files first differ, or None if they are equal."""
    raise NotImplementedError


def changed_blocks(a: str | os.PathLike, b: str | os.PathLike, *,
                   block_size: int = 4096) -> list[tuple[int, int]]:
    """The (start, end) byte ranges of the blocks that differ, neighbours merged."""
    raise NotImplementedError
