"""Read a log file and extract the lines that contain a keyword, like a tiny grep."""

from __future__ import annotations

import argparse
import os
import sys


def find_lines(path: str | os.PathLike, keyword: str, ignore_case: bool = False) -> list[tuple[int, str]]:
    """Return (line number, line) for each line of the file containing ``keyword``."""
    if not keyword:
        raise ValueError("keyword must not be empty")
    needle = keyword.lower() if ignore_case else keyword
    matches = []
    # errors="replace": one corrupt byte becomes U+FFFD instead of a UnicodeDecodeError.
    with open(path, encoding="utf-8", errors="replace") as fh:
        for number, line in enumerate(fh, start=1):  # streams: one line in memory at a time
            line = line.rstrip("\n")
            haystack = line.lower() if ignore_case else line
            if needle in haystack:  # plain substring test: no regex surprises with '[' or '.'
                matches.append((number, line))
    return matches


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: ``log_keyword_search.py [-i] LOGFILE KEYWORD``."""
    parser = argparse.ArgumentParser(description="Print the lines of a log that contain a keyword.")
    parser.add_argument("logfile")
    parser.add_argument("keyword")
    parser.add_argument("-i", "--ignore-case", action="store_true", help="match regardless of case")
    args = parser.parse_args(argv)  # wrong arguments: argparse exits with status 2
    try:
        matches = find_lines(args.logfile, args.keyword, ignore_case=args.ignore_case)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for number, line in matches:
        print(f"{number}:{line}")
    return 0 if matches else 1


if __name__ == "__main__":
    sys.exit(main())
