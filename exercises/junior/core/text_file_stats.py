"""A script that reads a text file and counts its lines, words and characters (like `wc`).

    >>> count_file("poem.txt")       # a file holding "roses are red\\nviolets are blue\\n"
    (2, 6, 31)

- lines: the number of lines. A last line without a newline at its end still counts, and an
  empty file has 0 lines.
- words: runs of non-whitespace characters, separated by any whitespace.
- characters: every character of the text, newlines included. Characters, not bytes: "é" is
  one character, though it takes two bytes in UTF-8.

The file is UTF-8 text. A file that does not exist raises FileNotFoundError.

Run as a script, it takes the file name as its one argument and prints:

    $ python text_file_stats.py poem.txt
    lines: 2
    words: 6
    characters: 31

main() returns 0 on success. If the file can't be read it prints a message to stderr and
returns 1; if the argument is missing or there is more than one, it prints a usage message to
stderr and returns 2.
"""

from __future__ import annotations

import sys
from pathlib import Path


def count_file(path: str | Path) -> tuple[int, int, int]:
    """Return ``(lines, words, characters)`` for the UTF-8 text file at ``path``."""
    # TODO: open the file (with the right encoding) and count.
    raise NotImplementedError


def main(argv: list[str] | None = None) -> int:
    """Print the counts for the file named in ``argv`` (default: sys.argv[1:])."""
    # TODO: check the arguments, call count_file(), print the three lines.
    raise NotImplementedError


if __name__ == "__main__":
    sys.exit(main())
