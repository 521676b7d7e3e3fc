"""List all the files and subdirectories in a directory, optionally all the way down."""

from __future__ import annotations

import argparse
import os
import sys


def _walk(directory: str, prefix: str, recursive: bool, out: list[str]) -> None:
    # os.scandir raises FileNotFoundError / NotADirectoryError for us.
    with os.scandir(directory) as entries:
        for entry in entries:
            # follow_symlinks=False: a link to a directory is reported as "not a directory",
            # so it is listed like a file and never entered.
            if entry.is_dir(follow_symlinks=False):
                out.append(f"{prefix}{entry.name}/")
                if recursive:
                    _walk(entry.path, f"{prefix}{entry.name}/", recursive, out)
            else:
                out.append(prefix + entry.name)


def list_entries(path: str | os.PathLike, recursive: bool = False) -> list[str]:
    """Return the sorted entries of directory ``path``; directories end with '/'."""
    found: list[str] = []
    _walk(os.fspath(path), "", recursive, found)
    return sorted(found)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: ``list_directory_tree.py [-r] DIRECTORY``."""
    parser = argparse.ArgumentParser(description="List the entries of a directory.")
    parser.add_argument("directory")
    parser.add_argument("-r", "--recursive", action="store_true", help="include subdirectories")
    args = parser.parse_args(argv)
    try:
        entries = list_entries(args.directory, recursive=args.recursive)
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for entry in entries:
        print(entry)
    return 0


if __name__ == "__main__":
    sys.exit(main())
