"""Remove all blank lines from a text file, in place.

    >>> remove_blank_lines("notes.txt")   # 'a\\n\\n  \\nb\\n' becomes 'a\\nb\\n'
    2

A line is blank when it is empty or holds only whitespace (spaces, tabs...): str.isspace()
or str.strip() tell you. Every other line is kept exactly as it was, its line ending and its
leading or trailing spaces included, and in the same order: a Windows file keeps its '\\r\\n'
endings, and a last line without a final newline stays without one.

``remove_blank_lines(path)`` rewrites the file (UTF-8; ``path`` is ``str`` or
``pathlib.Path``) and returns how many lines it removed. A file of only blank lines becomes
empty. A missing file raises FileNotFoundError (and is not created).
"""

from __future__ import annotations

import os


def remove_blank_lines(path: str | os.PathLike) -> int:
    """Delete the blank lines of the file at ``path``; return how many were deleted."""
    # TODO
    raise NotImplementedError
