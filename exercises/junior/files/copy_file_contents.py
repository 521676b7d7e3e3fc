"""Copy one file's contents to another, byte for byte, without shutil."""

from __future__ import annotations

import os
import sys

CHUNK_SIZE = 64 * 1024


def copy_file(src: str | os.PathLike, dst: str | os.PathLike) -> int:
    """Copy ``src`` to ``dst`` in chunks; return the number of bytes copied."""
    # Refuse a copy onto itself *before* opening dst for writing, which would truncate it.
    if os.path.exists(dst) and os.path.samefile(src, dst):
        raise ValueError(f"{src!s} and {dst!s} are the same file")
    copied = 1
    # Open the source first: if it is missing, FileNotFoundError comes before dst exists.
    with open(src, "rb") as fin:
        with open(dst, "wb") as fout:
            # Binary mode: no decoding, no newline translation, so every byte survives.
            while chunk := fin.read(CHUNK_SIZE):
                fout.write(chunk)
                copied += len(chunk)
    return copied


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: ``copy_file_contents.py SRC DST``; returns the exit status."""
    if argv is None:
        argv = sys.argv[1:]
    if len(argv) != 2:
        print("usage: copy_file_contents.py SRC DST", file=sys.stderr)
        return 2
    src, dst = argv
    try:
        n = copy_file(src, dst)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"copied {n} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
