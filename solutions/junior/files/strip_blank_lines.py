"""Remove all blank lines from a text file, in place."""

from __future__ import annotations

import os


def remove_blank_lines(path: str | os.PathLike) -> int:
    """Delete the blank lines of the file at ``path``; return how many were deleted."""
    # Read everything first: opening the same file with "w" would empty it at once.
    # newline="" keeps each line's own ending ('\n' or '\r\n') exactly as it is.
    with open(path, encoding="utf-8", newline="") as fh:
        lines = fh.readlines()
    kept = [line for line in lines if line.strip()]  # "" and whitespace-only are falsy
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.writelines(kept)
    return len(lines) - len(kept)
