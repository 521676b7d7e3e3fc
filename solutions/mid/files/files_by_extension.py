"""List the files under a directory with given extensions, and their sizes, safely on any tree."""

from __future__ import annotations

import argparse
import os
import stat
import sys
from typing import Iterable

UNITS = ["KiB", "MiB", "GiB", "TiB", "PiB"]


def find_files(root: str | os.PathLike, extensions: Iterable[str] = (), *,
               follow_links: bool = False) -> list[tuple[str, int]]:
    """The regular files under ``root`` with one of ``extensions``, as sorted (relative path, size)."""
    top = os.stat(root)  # FileNotFoundError for a missing root (os.scandir refuses a file: NotADirectoryError)
    suffixes = tuple("." + ext.lstrip(".").lower() for ext in extensions)
    found: list[tuple[str, int]] = []

    def walk(folder: str, prefix: str, ancestors: frozenset[tuple[int, int]]) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                try:
                    # stat() never opens the file, so a FIFO cannot block us; without following,
                    # a link stats as a link and is neither a file nor a directory below
                    info = entry.stat(follow_symlinks=follow_links)
                except OSError:  # a broken link, or one that points to itself (ELOOP)
                    continue
                path = prefix + entry.name
                if stat.S_ISDIR(info.st_mode):
                    here = (info.st_dev, info.st_ino)
                    if here not in ancestors:  # else a link led back up the tree: a loop
                        walk(entry.path, path + "/", ancestors | {here})
                elif stat.S_ISREG(info.st_mode) and (not suffixes or entry.name.lower().endswith(suffixes)):
                    found.append((path, info.st_size))

    walk(os.fspath(root), "", frozenset({(top.st_dev, top.st_ino)}))
    return sorted(found)


def format_size(n: int) -> str:
    """``n`` bytes for people: '1023 B', '1.5 KiB', '1.0 MiB', ..."""
    if n < 0:
        raise ValueError(f"a size cannot be negative: {n}")
    if n < 1024:
        return f"{n} B"
    value = float(n)
    for unit in UNITS:  # the last, PiB, is kept however big the number
        value /= 1024
        # compare the *rounded* value, or 1048575 bytes would print as '1024.0 KiB'
        if round(value, 1) < 1024:
            break
    return f"{value:.1f} {unit}"


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: ``files_by_extension.py ROOT [-e EXT]... [-L] [--sort {name,size}]``."""
    parser = argparse.ArgumentParser(description="List files by extension, with their sizes.")
    parser.add_argument("root")
    parser.add_argument("-e", "--ext", action="append", default=[], help="an extension to list (repeatable)")
    parser.add_argument("-L", "--follow-links", action="store_true", help="follow symbolic links")
    parser.add_argument("--sort", choices=["name", "size"],
                        default="name", help="by path (the default), or largest first")
    args = parser.parse_args(argv)
    try:
        files = find_files(args.root, args.ext, follow_links=args.follow_links)
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.sort == "size":
        files.sort(key=lambda item: item[1], reverse=True)  # stable, even reversed: ties stay by path
    for path, size in files:
        print(f"{format_size(size):>10}  {path}")
    total = sum(size for _path, size in files)
    print(f"{len(files)} file{'' if len(files) == 1 else 's'}, {format_size(total)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
