"""Find a piece of text in a file and replace it everywhere, in place."""

from __future__ import annotations

import os
import tempfile


def replace_in_file(path: str | os.PathLike, old: str, new: str) -> int:
    """Replace every ``old`` with ``new`` in the file; return the number of replacements."""
    if not old:
        raise ValueError("old must not be empty")
    # newline="" keeps '\r\n' as it is, in both directions.
    with open(path, encoding="utf-8", newline="") as fh:
        text = fh.read()
    count = text.count(old)  # counts the same non-overlapping matches that replace() replaces
    if count == 0:
        return 0  # nothing to do: leave the file (and its modification time) alone
    # Write to a temporary file next to the original, then swap it in with os.replace():
    # a crash half-way through can never leave a half-written file behind.
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".replace-")
    try:
        with open(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text.replace(old, new))
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise
    return count
