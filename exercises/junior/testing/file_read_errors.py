"""Write a program that uses try/except to handle the errors that reading a file can raise.

    >>> try_read("notes.txt")
    ('remember the milk\\n', None)
    >>> try_read("no-such-file.txt")
    (None, 'not found')
    >>> try_read("/tmp")
    (None, 'is a directory')

`try_read(path)` opens the file as UTF-8 text and returns `(content, None)`, or, when reading
fails, `(None, message)` with one of these messages:

    FileNotFoundError   -> "not found"
    IsADirectoryError   -> "is a directory"
    PermissionError     -> "permission denied"
    UnicodeDecodeError  -> "not valid UTF-8 text"    (the bytes are not UTF-8)
    any other OSError   -> "cannot read: " + the error's strerror (or str(err) if it has none)

Ask forgiveness, not permission: just try to open the file and handle what goes wrong. Don't
check first with os.path.exists(), isfile(), Path.is_file() or os.access(): the file can change
between the check and the open, and the checks don't tell you about every error anyway.
Errors that are not about reading the file (a bug in your code, KeyboardInterrupt) must not be
caught. An empty file is not an error: its content is "".

`main(argv)` is a small `cat`: it writes the content of each file to stdout, exactly as read;
for a file it can't read it prints "PATH: MESSAGE" to stderr and carries on. It returns 0 when
every file was read, 1 otherwise, and 2 after printing "usage: file_read_errors FILE..." to
stderr when there are no arguments.
"""

from __future__ import annotations

import os
import sys


def try_read(path: str | os.PathLike) -> tuple[str | None, str | None]:
    """Return ``(content, None)``, or ``(None, message)`` if the file can't be read."""
    raise NotImplementedError


def main(argv: list[str] | None = None) -> int:
    """Print each file in ``argv`` (default: sys.argv[1:]); 0 if all were read, 1 if not, 2 if none given."""
    raise NotImplementedError


if __name__ == "__main__":
    sys.exit(main())
