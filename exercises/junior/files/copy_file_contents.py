"""Copy one file's contents to another, byte for byte, without shutil.

    >>> copy_file("photo.jpg", "backup.jpg")    # returns how many bytes it copied
    48213

The copy must be identical for any file: text, images, bytes that are not valid UTF-8,
'\\r\\n' line endings. Rules:

- ``src`` and ``dst`` may be ``str`` or ``pathlib.Path``.
- An existing ``dst`` is overwritten.
- A missing ``src`` raises FileNotFoundError, and no ``dst`` is created.
- Copying a file onto itself raises ValueError and leaves the file untouched
  (opening it for writing would empty it before you read a byte).
- Stream: read and write in chunks (64 KiB is a good size), so a file larger than your
  memory still copies. Do it yourself with open(): no shutil.

Also write ``main(argv)``, so it works as a script: ``python copy_file_contents.py SRC DST``
copies, prints ``copied N bytes`` and returns 0. A missing source prints an error message to
stderr and returns 1; the wrong number of arguments prints a usage line to stderr and returns 2
(argparse, which exits with SystemExit(2) instead, is fine too).
"""

from __future__ import annotations

import os
import sys

CHUNK_SIZE = 64 * 1024


def copy_file(src: str | os.PathLike, dst: str | os.PathLike) -> int:
    """Copy ``src`` to ``dst`` in chunks; return the number of bytes copied."""
    # TODO: open both files in binary mode and copy chunk by chunk.
    raise NotImplementedError


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: ``copy_file_contents.py SRC DST``; returns the exit status."""
    if argv is None:
        argv = sys.argv[1:]
    # TODO: check the arguments, call copy_file, report the result.
    raise NotImplementedError


if __name__ == "__main__":
    sys.exit(main())
