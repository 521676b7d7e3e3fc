"""A script that reads a text file and counts its lines, words and characters (like `wc`)."""

from __future__ import annotations

import sys
from pathlib import Path


def count_file(path: str | Path) -> tuple[int, int, int]:
    """Return ``(lines, words, characters)`` for the UTF-8 text file at ``path``."""
    lines = words = chars = 0
    # Iterating over the file reads one line at a time, so even a file larger than memory works.
    # Say the encoding: the default depends on the machine's locale.
    with open(path, encoding="utf-8") as f:
        for line in f:
            lines += 1  # a last line without "\n" is still a line
            words += len(line.split())  # split() with no argument: any run of whitespace
            chars += len(line)  # the "\n" is part of `line`, so newlines are counted
    return lines, words, chars


def main(argv: list[str] | None = None) -> int:
    """Print the counts for the file named in ``argv`` (default: sys.argv[1:])."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: text_file_stats.py FILE", file=sys.stderr)
        return 2
    try:
        lines, words, chars = count_file(args[0])
    except (OSError, UnicodeDecodeError) as exc:
        print(f"text_file_stats.py: cannot read {args[0]}: {exc}", file=sys.stderr)
        return 1
    print(f"lines: {lines}")
    print(f"words: {words}")
    print(f"characters: {chars}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
