"""List the files under a directory with given extensions, and their sizes, safely on any tree.

    >>> find_files("project", [".py"])
    [('app.py', 1536), ('tests/test_app.py', 312)]
    >>> format_size(1536)
    '1.5 KiB'

``find_files(root, extensions=(), *, follow_links=False)`` walks ``root`` (``str`` or
``pathlib.Path``) at any depth and returns a list of ``(path, size)`` tuples, sorted by path:
the path relative to ``root`` with '/' between parts, the size in bytes.

- Extensions may be given with or without the dot, in any case: 'py', '.py' and '.PY' all find
  'app.py' and 'SETUP.PY'. A name matches if it ends with '.' + the extension ('.gz' and
  '.tar.gz' both find 'logs.tar.gz'). No extensions at all means every file.
- Only regular files are listed. A FIFO (named pipe), a socket or a device is skipped, and never
  opened: opening a FIFO waits, forever, for someone to write to it. (``os.stat`` does not open
  anything.)
- With ``follow_links=False`` symbolic links are skipped: neither listed nor followed.
- With ``follow_links=True`` a link to a file is listed under the link's own path, with the size
  of the file it points to; a link to a directory is walked like a directory; a broken link (or
  one that points to itself) is skipped without an error. A link that leads back into one of its
  own ancestor directories is a loop: don't walk into it (``os.walk(..., followlinks=True)``
  would, until the path gets too long). A directory is the same one as an ancestor when it has
  the same ``st_dev`` and ``st_ino``. Two links to one directory elsewhere are no loop: list it
  under both.
- A missing ``root`` raises FileNotFoundError; a ``root`` that is a file, NotADirectoryError.

``format_size(n)`` writes a byte count for people: '0 B', '1023 B', then one decimal in the
largest binary unit that keeps the number below 1024 once rounded: '1.0 KiB', '1.5 KiB', and
1048575 is '1.0 MiB', never '1024.0 KiB'. The units are KiB, MiB, GiB, TiB and PiB (the largest:
2**60 is '1024.0 PiB'). Round as f'{x:.1f}' does. A negative n is a ValueError.

``main(argv)`` makes it a script: ``files_by_extension.py ROOT [-e EXT]... [-L] [--sort
{name,size}]`` (``-e`` may repeat; ``-L``/``--follow-links``; ``--sort size`` puts the largest
first, ties by path). It prints one line per file, the size right-aligned in 10 columns, two
spaces, the path; then a total line, and returns 0:

       1.5 KiB  app.py
         312 B  tests/test_app.py
    2 files, 1.8 KiB

('1 file, ...' for one; '0 files, 0 B' when nothing matches.) A missing ``ROOT``, or one that
is not a directory, prints an error to stderr and returns 1; wrong arguments return 2
(argparse's SystemExit(2) is fine).
"""

from __future__ import annotations

import os
import sys
from typing import Iterable


def find_files(root: str | os.PathLike, extensions: Iterable[str] = (), *,
               follow_links: bool = False) -> list[tuple[str, int]]:
    """The regular files under ``root`` with one of ``extensions``, as sorted (relative path, size)."""
    raise NotImplementedError


def format_size(n: int) -> str:
    """``n`` bytes for people: '1023 B', '1.5 KiB', '1.0 MiB', ..."""
    raise NotImplementedError


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: ``files_by_extension.py ROOT [-e EXT]... [-L] [--sort {name,size}]``."""
    if argv is None:
        argv = sys.argv[1:]
    raise NotImplementedError


if __name__ == "__main__":
    sys.exit(main())
