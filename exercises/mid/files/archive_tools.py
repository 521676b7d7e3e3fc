"""Compress and extract files with gzip and zipfile: streaming, and safe against hostile archives.

    >>> gzip_file("access.log")                  # writes access.log.gz, returns its path
    PosixPath('access.log.gz')
    >>> gunzip_file("access.log.gz", "copy.log")
    PosixPath('copy.log')
    >>> zip_dir("project", "project.zip")        # the names it stored
    ['README.md', 'src/', 'src/app.py']
    >>> unzip_safe("download.zip", "out")        # refuses ../../etc/passwd and friends
    Traceback (most recent call last):
    UnsafeArchive: '../../etc/passwd' is not a plain relative name

``gzip_file(src, dst=None)`` compresses ``src`` to ``dst`` (default: ``src`` + '.gz') and
``gunzip_file(src, dst=None)`` decompresses it (default: ``src`` without its '.gz'; a ``src``
that does not end in '.gz' then is a ValueError). Both stream: the file may be far bigger than
memory, so copy a chunk at a time (``gzip.open`` and ``shutil.copyfileobj`` are your friends),
never ``read()`` it whole. Each returns the path it wrote, as a ``pathlib.Path``. A failed
gunzip (a corrupt or truncated file raises ``gzip.BadGzipFile`` or ``EOFError``: let it
propagate) leaves no trace: ``dst`` is as it was before, and no partial file is left beside it.

``zip_dir(src_dir, zip_path)`` writes every file and directory under ``src_dir`` into a
ZIP_DEFLATED archive, named relative to ``src_dir`` with '/' ('src/app.py'); a directory is an
entry of its own ending in '/' ('src/'), so empty directories survive. Symbolic links are
neither followed nor stored. The archive may be written inside ``src_dir``: it must not contain
itself. It returns the names stored, sorted (entries are written in that order too).

``unzip_safe(zip_path, dest, *, max_size=100 MiB, max_files=10_000)`` extracts an archive that
may have been made by an attacker into ``dest`` (created if missing) and returns the names it
extracted, in the archive's order. It first checks every entry and, if any is unsafe, raises
``UnsafeArchive`` *before writing anything*:
- a name that is absolute ('/etc/passwd'), has a drive ('C:evil'), a backslash, or a '..'
  part, or that would land outside ``dest`` for any other reason (``dest`` may already hold a
  symbolic link that points elsewhere: writing through it is escaping too);
- an entry that is a symbolic link (its Unix mode, ``info.external_attr >> 16``, says so);
- more than ``max_files`` entries, or sizes that add up to more than ``max_size`` bytes once
  uncompressed (a zip bomb: 100 KB that inflates to gigabytes).
Then it extracts, streaming each entry through ``ZipFile.open`` (an entry may be bigger than
memory). zipfile never gives more bytes than an entry declares, and raises ``BadZipFile`` when
the data does not match, so a header that lies about its size cannot get past ``max_size``.

The check gzips a 72 MB file, and unzips a 72 MB entry, within a 64 MB memory limit.
"""

from __future__ import annotations

import os
from pathlib import Path

MiB = 1024 * 1024


class UnsafeArchive(ValueError):
    """An archive that unzip_safe refuses to extract."""


def gzip_file(src: str | os.PathLike, dst: str | os.PathLike | None = None) -> Path:
    """Compress ``src`` to ``dst`` (default ``src`` + '.gz'), streaming; return dst's path."""
    raise NotImplementedError


def gunzip_file(src: str | os.PathLike, dst: str | os.PathLike | None = None) -> Path:
    """Decompress ``src`` to ``dst`` (default ``src`` without '.gz'), streaming; return dst's path."""
    raise NotImplementedError


def zip_dir(src_dir: str | os.PathLike, zip_path: str | os.PathLike) -> list[str]:
    """Zip everything under ``src_dir`` (no symlinks, not the archive itself); return the sorted names."""
    raise NotImplementedError


def unzip_safe(zip_path: str | os.PathLike, dest: str | os.PathLike, *, max_size: int = 100 * MiB,
               max_files: int = 10_000) -> list[str]:
    """Check every entry, then extract them all into ``dest``; return their names in archive order."""
    raise NotImplementedError
