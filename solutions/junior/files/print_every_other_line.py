"""Read a text file and print every other line: the 1st, 3rd, 5th, ... line."""

from __future__ import annotations

import os
import sys


def every_other_line(path: str | os.PathLike) -> list[str]:
    """Return lines 1, 3, 5, ... of the file, without their line endings."""
    kept = []
    with open(path, encoding="utf-8") as fh:
        # enumerate from 0: the 1st line has index 0, so keep the even indexes.
        for index, line in enumerate(fh):
            if index % 2 == 0:
                # Strip only the line ending; rstrip() would also eat trailing spaces.
                # (Text mode has already turned '\r\n' into '\n'.)
                kept.append(line.removesuffix("\n"))
    return kept


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: ``print_every_other_line.py FILE``; returns the exit status."""
    if argv is None:
        argv = sys.argv[1:]
    if len(argv) != 1:
        print("usage: print_every_other_line.py FILE", file=sys.stderr)
        return 2
    try:
        lines = every_other_line(argv[0])
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for line in lines:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
