"""Append text to a file, creating the file if it does not exist yet.

    >>> append_text("diary.txt", "Monday: rain.\\n")      # returns the characters written
    14
    >>> append_line("app.log", "started")                # adds 'started\\n' on a line of its own
    8

``append_text(path, text)`` adds ``text`` to the end of the file exactly as given. What the file
held before stays byte for byte as it was (even bytes that are not valid UTF-8): open the file
in append mode instead of reading it and writing it back. A missing file is created; a missing
*directory* is not: then FileNotFoundError is raised and no directory is made.

``append_line(path, line)`` adds ``line`` followed by '\\n'. If the file is not empty and does
not end with '\\n', it first adds a '\\n', so the new line never glues onto the last one. Find
that out by looking at the file's last byte only: the file may be a huge log.

Both take ``path`` as a ``str`` or a ``pathlib.Path``, write UTF-8, and return the number of
characters they wrote (including any '\\n' they added).
"""

from __future__ import annotations

import os


def append_text(path: str | os.PathLike, text: str) -> int:
    """Append ``text`` to the file at ``path`` (created if missing); return the characters written."""
    # TODO
    raise NotImplementedError


def append_line(path: str | os.PathLike, line: str) -> int:
    """Append ``line`` and a newline, starting a new line first if the file needs one."""
    # TODO
    raise NotImplementedError
