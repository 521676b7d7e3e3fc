"""Concatenate several text files, in order, into a single file."""

from __future__ import annotations

import os
from typing import Iterable

CHUNK_SIZE = 64 * 1024


def concatenate(paths: Iterable[str | os.PathLike], dst: str | os.PathLike) -> int:
    """Write the files in ``paths`` one after another into ``dst``; return the bytes written."""
    sources = list(paths)  # we walk them twice: once to check, once to copy
    for src in sources:
        if not os.path.isfile(src):
            raise FileNotFoundError(f"no such file: {os.fspath(src)!r}")
        if os.path.exists(dst) and os.path.samefile(src, dst):
            raise ValueError(f"the output {os.fspath(dst)!r} is also an input")
    written = 0
    # Binary mode copies the bytes exactly, whatever the encoding or line endings.
    with open(dst, "wb") as out:
        for src in sources:
            last = b""
            with open(src, "rb") as fh:
                while chunk := fh.read(CHUNK_SIZE):
                    written += out.write(chunk)
                    last = chunk[-1:]
            if last and last != b"\n":  # non-empty and no final newline: add one
                written += out.write(b"\n")
    return written
