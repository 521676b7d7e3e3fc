"""Compare two files too big for memory, chunk by chunk: are they equal, where do they first differ,
and which blocks changed."""

from __future__ import annotations

import os
from typing import Iterator, NamedTuple

CHUNK = 256 * 1024  # bytes read from each file at a time


class Difference(NamedTuple):
    """Where two files first differ: a byte offset from 0, and its line and column from 1."""

    offset: int
    line: int
    column: int


def chunk_pairs(a: str | os.PathLike, b: str | os.PathLike, size: int) -> Iterator[tuple[bytes, bytes]]:
    """The two files side by side, ``size`` bytes of each at a time, until both have ended
    (the shorter one then gives b'')."""
    if size < 1:
        raise ValueError(f"the chunk size must be at least 1, not {size}")
    with open(a, "rb") as fa, open(b, "rb") as fb:
        while True:
            x, y = fa.read(size), fb.read(size)  # a buffered read gives all `size` bytes until the end
            if not x and not y:
                return
            yield x, y


def first_mismatch(x: bytes, y: bytes) -> int:
    """The index of the first byte where x and y differ, for x != y (min length if one is a prefix).

    A binary search on slices: each comparison runs at C speed, and there are only log2(len) of them.
    """
    lo, hi = 0, min(len(x), len(y))  # invariant: x[:lo] == y[:lo], and the answer is at most hi
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if x[lo:mid] == y[lo:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def files_equal(a: str | os.PathLike, b: str | os.PathLike, *, chunk_size: int = CHUNK) -> bool:
    """True if the files hold the same bytes."""
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, not {chunk_size}")
    if os.stat(a).st_size != os.stat(b).st_size:
        return False  # no need to read a byte
    return all(x == y for x, y in chunk_pairs(a, b, chunk_size))


def first_difference(a: str | os.PathLike, b: str | os.PathLike, *,
                     chunk_size: int = CHUNK) -> Difference | None:
    """Where the files first differ, or None if they are equal."""
    offset = 0      # where the current chunk starts in the files
    lines = 0       # b"\n" seen before the current chunk
    line_start = 0  # the offset just after the last b"\n" seen: where the current line began
    for x, y in chunk_pairs(a, b, chunk_size):
        same = x if x == y else x[:first_mismatch(x, y)]  # the part of this chunk both files share
        lines += same.count(b"\n")
        last = same.rfind(b"\n")
        if last >= 0:
            line_start = offset + last + 1
        if x != y:
            at = offset + len(same)
            return Difference(at, lines + 1, at - line_start + 1)
        offset += len(x)
    return None


def changed_blocks(a: str | os.PathLike, b: str | os.PathLike, *,
                   block_size: int = 4096) -> list[tuple[int, int]]:
    """The (start, end) byte ranges of the blocks that differ, neighbours merged."""
    if block_size < 1:
        raise ValueError(f"block_size must be at least 1, not {block_size}")
    per_read = block_size * max(1, CHUNK // block_size)  # whole blocks, about CHUNK bytes a read
    ranges: list[tuple[int, int]] = []
    offset = 0
    for x, y in chunk_pairs(a, b, per_read):
        if x != y:  # only then look at the blocks one by one
            for i in range(0, max(len(x), len(y)), block_size):
                bx, by = x[i:i + block_size], y[i:i + block_size]
                if bx != by:
                    start, end = offset + i, offset + i + max(len(bx), len(by))
                    if ranges and ranges[-1][1] == start:  # touches the previous range: extend it
                        ranges[-1] = (ranges[-1][0], end)
                    else:
                        ranges.append((start, end))
        offset += per_read
    return ranges
