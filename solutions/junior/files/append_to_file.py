"""Append text to a file, creating the file if it does not exist yet."""

from __future__ import annotations

import os


def append_text(path: str | os.PathLike, text: str) -> int:
    """Append ``text`` to the file at ``path`` (created if missing); return the characters written."""
    # Mode "a" creates the file if needed and puts every write at the end; the old contents
    # are never read or rewritten.
    with open(path, "a", encoding="utf-8") as fh:
        return fh.write(text)


def _ends_with_newline(path: str | os.PathLike) -> bool:
    """True if the file is missing, empty, or ends with '\\n': no separator needed."""
    try:
        with open(path, "rb") as fh:
            if fh.seek(0, os.SEEK_END) == 0:
                return True
            fh.seek(-1, os.SEEK_END)  # only the last byte is read, however big the file is
            return fh.read(1) == b"\n"
    except FileNotFoundError:
        return True


def append_line(path: str | os.PathLike, line: str) -> int:
    """Append ``line`` and a newline, starting a new line first if the file needs one."""
    prefix = "" if _ends_with_newline(path) else "\n"
    return append_text(path, prefix + line + "\n")
