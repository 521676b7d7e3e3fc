"""Read an image file (JPEG, PNG, ...) and save a grayscale version of it, using Pillow (PIL).

    >>> to_grayscale("photo.jpg", "photo_gray.png")     # returns the image size (width, height)
    (640, 480)

``to_grayscale(src, dst)`` opens ``src`` with Pillow, converts it to grayscale and saves it to
``dst`` (``str`` or ``pathlib.Path`` both):

- the result is a true grayscale image: Pillow mode "L" (one 0-255 brightness per pixel), not
  an RGB image whose channels happen to be equal;
- the brightness is Pillow's own, the ITU-R 601-2 luma L = R*299/1000 + G*587/1000 + B*114/1000.
  That is not the plain average (R+G+B)/3: the eye sees green as much brighter than blue;
- it works whatever the source's mode: RGB, RGBA (transparency is dropped), palette, or
  already grayscale;
- the format follows ``dst``'s extension: '.png' saves a PNG (lossless), '.jpg' a JPEG;
- the size stays the same; return it as (width, height); ``src`` is not changed;
- a missing ``src`` raises FileNotFoundError; a file that is not an image raises
  PIL.UnidentifiedImageError (Pillow's own error; let it through).

``main(argv)`` makes it a script: ``python grayscale_image.py SRC DST`` converts, prints
``saved WIDTHxHEIGHT grayscale image to DST`` and returns 0; a missing or unreadable source
prints an error to stderr and returns 1; wrong arguments return 2 (argparse's SystemExit(2)
is fine too).
"""

from __future__ import annotations

import os
import sys


def to_grayscale(src: str | os.PathLike, dst: str | os.PathLike) -> tuple[int, int]:
    """Save a grayscale ("L" mode) copy of image ``src`` as ``dst``; return (width, height)."""
    # TODO: from PIL import Image
    raise NotImplementedError


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: ``grayscale_image.py SRC DST``."""
    if argv is None:
        argv = sys.argv[1:]
    # TODO
    raise NotImplementedError


if __name__ == "__main__":
    sys.exit(main())
