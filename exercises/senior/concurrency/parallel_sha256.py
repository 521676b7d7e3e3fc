"""Calculate the SHA-256 of a large file: streamed in constant memory, and in parallel by splitting
the file into chunks and hashing them concurrently.

SHA-256 itself is sequential: each block's state depends on the one before, so one file's digest
can only be computed front to back. What *can* run in parallel is hashing separate chunks, which
is how large-file fingerprints (hash lists, Merkle trees: BitTorrent, cloud storage ETags) work.
Threads suit it: ``hashlib`` releases the GIL while it hashes a large buffer.

    >>> sha256_file("backup.tar")                 # == hashlib.sha256(<the whole file>).hexdigest()
    '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'
    >>> chunk_digests("backup.tar", 4 << 20)      # one 32-byte digest per 4 MiB piece, in order
    [b'\\x1f...', b'\\xa3...', b'\\x07...']
    >>> tree_hash("backup.tar", 4 << 20)          # sha256 of those digests joined, as hex
    '5d41402abc4b2a76b9719d911017c592ad1f8c2b5e3e1d6f9c0b8a7e6d5c4b3a'

The rules:
- ``sha256_file(path, *, chunk_size=1 << 20)`` returns the file's SHA-256 as hex, reading
  ``chunk_size`` bytes at a time: the check hashes a file bigger than the memory you are allowed.
- ``chunk_digests(path, chunk_size, *, workers=4)`` splits the file into pieces of ``chunk_size``
  bytes (the last one shorter, or none for an empty file) and returns each piece's
  ``hashlib.sha256(piece).digest()``, in file order. ``workers`` threads hash pieces at the same
  time, each reading its own piece with ``os.pread(fd, chunk_size, offset)`` on one shared file
  descriptor (pread does not move the file position, so threads need no lock; seek-then-read on a
  shared file object would let them read each other's pieces). Hold only about ``workers`` pieces
  in memory at once, never the whole file. Close the descriptor, whatever happens.
- ``tree_hash(path, chunk_size, *, workers=4)`` is the hex SHA-256 of all the chunk digests
  joined (``b"".join(...)``).
- ``chunk_size`` and ``workers`` must be ints >= 1: ValueError otherwise. A missing file raises
  FileNotFoundError.
"""

from __future__ import annotations

import hashlib  # noqa: F401 - you will need these
import os
from concurrent.futures import ThreadPoolExecutor  # noqa: F401


def sha256_file(path: str | os.PathLike, *, chunk_size: int = 1 << 20) -> str:
    """The file's SHA-256 hex digest, reading ``chunk_size`` bytes at a time."""
    raise NotImplementedError


def chunk_digests(path: str | os.PathLike, chunk_size: int, *, workers: int = 4) -> list[bytes]:
    """The SHA-256 digest of each ``chunk_size`` piece of the file, computed by ``workers`` threads."""
    raise NotImplementedError


def tree_hash(path: str | os.PathLike, chunk_size: int, *, workers: int = 4) -> str:
    """The hex SHA-256 of the concatenated chunk digests: a fingerprint that can be computed in parallel."""
    raise NotImplementedError
