"""List all the files and subdirectories in a directory, optionally all the way down.

    >>> list_entries("project")
    ['.gitignore', 'README.md', 'src/', 'tests/']
    >>> list_entries("project", recursive=True)
    ['.gitignore', 'README.md', 'src/', 'src/app.py', 'tests/', 'tests/test_app.py']

``list_entries(path, recursive=False)`` returns the entries of the directory ``path``
(``str`` or ``pathlib.Path``):

- as names relative to ``path``, with '/' between the parts ('src/app.py');
- a directory ends with '/' ('src/'), so you can tell it from a file;
- hidden entries (names starting with '.') are included;
- with ``recursive=True`` the contents of every subdirectory are included too, at any depth;
- the list is sorted as plain strings (what sorted() gives);
- a symbolic link is listed like a file, without '/', even if it points to a directory, and
  is never followed. (A link to its own parent would otherwise loop forever.)

A missing ``path`` raises FileNotFoundError; a ``path`` that is a file raises
NotADirectoryError.

``main(argv)`` makes it a script: ``python list_directory_tree.py [-r] DIRECTORY`` prints
one entry per line and returns 0; a missing directory (or a file) prints an error to stderr
and returns 1; wrong arguments return 2 (argparse's SystemExit(2) is fine too).
"""

from __future__ import annotations

import os
import sys


def list_entries(path: str | os.PathLike, recursive: bool = False) -> list[str]:
    """Return the sorted entries of directory ``path``; directories end with '/'."""
    # TODO
    raise NotImplementedError


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: ``list_directory_tree.py [-r] DIRECTORY``."""
    if argv is None:
        argv = sys.argv[1:]
    # TODO
    raise NotImplementedError


if __name__ == "__main__":
    sys.exit(main())
