"""SHA-256 of large files: streamed in constant memory, and chunk by chunk in parallel threads."""

from __future__ import annotations

import hashlib
import os
from concurrent.futures import ThreadPoolExecutor


def sha256_file(path: str | os.PathLike, *, chunk_size: int = 1 << 20) -> str:
    """The file's SHA-256 hex digest, reading ``chunk_size`` bytes at a time."""
    _check_size(chunk_size)
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk_size):
            digest.update(block)
    return digest.hexdigest()


def chunk_digests(path: str | os.PathLike, chunk_size: int, *, workers: int = 4) -> list[bytes]:
    """The SHA-256 digest of each ``chunk_size`` piece of the file, computed by ``workers`` threads."""
    _check_size(chunk_size)
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers must be an int >= 1, not {workers!r}")
    fd = os.open(path, os.O_RDONLY)
    try:
        count = -(-os.fstat(fd).st_size // chunk_size)  # ceiling division: the last piece may be short

        def digest(index: int) -> bytes:
            # pread reads at an offset without moving the file position, so threads can share one
            # descriptor; hashlib releases the GIL while it hashes a large buffer, so they hash at once
            return hashlib.sha256(os.pread(fd, chunk_size, index * chunk_size)).digest()

        # map keeps the order, and holds at most about `workers` chunks in memory at a time
        with ThreadPoolExecutor(max_workers=workers) as pool:
            return list(pool.map(digest, range(count)))
    finally:
        os.close(fd)


def tree_hash(path: str | os.PathLike, chunk_size: int, *, workers: int = 4) -> str:
    """The hex SHA-256 of the concatenated chunk digests: a fingerprint that can be computed in parallel."""
    return hashlib.sha256(b"".join(chunk_digests(path, chunk_size, workers=workers))).hexdigest()


def _check_size(chunk_size: int) -> None:
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size < 1:
        raise ValueError(f"chunk_size must be an int >= 1, not {chunk_size!r}")
