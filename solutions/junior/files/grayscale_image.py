"""Read an image file (JPEG, PNG, ...) and save a grayscale version of it, using Pillow (PIL)."""

from __future__ import annotations

import os
import sys

from PIL import Image


def to_grayscale(src: str | os.PathLike, dst: str | os.PathLike) -> tuple[int, int]:
    """Save a grayscale ("L" mode) copy of image ``src`` as ``dst``; return (width, height)."""
    # The with-block closes the source file (Pillow reads lazily, so it stays open otherwise).
    with Image.open(src) as image:
        # convert("L") applies the ITU-R 601-2 luma weights from any mode (RGB, RGBA, P, ...).
        gray = image.convert("L")
    gray.save(dst)  # the format comes from dst's extension: .png, .jpg, ...
    return gray.size


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: ``grayscale_image.py SRC DST``."""
    if argv is None:
        argv = sys.argv[1:]
    if len(argv) != 2:
        print("usage: grayscale_image.py SRC DST", file=sys.stderr)
        return 2
    src, dst = argv
    try:
        width, height = to_grayscale(src, dst)
    except (OSError, ValueError) as exc:  # UnidentifiedImageError is an OSError
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"saved {width}x{height} grayscale image to {dst}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
