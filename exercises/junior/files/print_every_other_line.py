"""Read a text file and print every other line: the 1st, 3rd, 5th, ... line.

    >>> every_other_line("poem.txt")        # poem.txt holds the lines a, b, c, d, e
    ['a', 'c', 'e']

``every_other_line(path)`` returns those lines without their line endings ('\\n' or '\\r\\n'),
but otherwise unchanged: leading and trailing spaces stay. A blank line is a line like any
other and counts in the alternation. The last line may lack a final newline; an empty file has
no lines. The file is UTF-8; a missing file raises FileNotFoundError. Read it line by line:
it may be big.

``main(argv)`` makes it a script: ``python print_every_other_line.py FILE`` prints those
lines, one per line, and returns 0. A missing file prints an error message to stderr and
returns 1; anything other than exactly one argument prints a usage line to stderr and returns 2
(argparse, which exits with SystemExit(2) instead, is fine too).
"""

from __future__ import annotations

import os
import sys


def every_other_line(path: str | os.PathLike) -> list[str]:
    """Return lines 1, 3, 5, ... of the file, without their line endings."""
    # TODO
    raise NotImplementedError


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: ``print_every_other_line.py FILE``; returns the exit status."""
    if argv is None:
        argv = sys.argv[1:]
    # TODO
    raise NotImplementedError


if __name__ == "__main__":
    sys.exit(main())
