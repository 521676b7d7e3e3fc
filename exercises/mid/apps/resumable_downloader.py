"""Download files with requests the way a real downloader does: streamed, resumable, verified, atomic.

    >>> download("https://example.com/iso/big.iso", Path("big.iso"), sha256="9f86d08...")
    Result(path=PosixPath('big.iso'), size=83886080, sha256='9f86d08...', requests=2)

download(url, dest, *, sha256=None, chunk_size=65536, retries=3, timeout=10.0) -> Result:
- Streams: requests.get(..., stream=True, timeout=timeout) and iter_content(chunk_size),
  writing each chunk as it comes. The file may be bigger than memory (the check downloads
  100 MB within an 80 MB memory limit).
- Writes to DEST.part (the name with ".part" added, in the same folder) and, only when the file
  is complete and verified, os.replace()s it over DEST. So DEST is never half a file: an old
  DEST stays as it was until the new one is ready.
- Resumes: if DEST.part exists (an earlier run was interrupted, or this one was), ask only for
  the rest with the header "Range: bytes=N-", N the bytes the .part holds. A server that
  supports it answers 206 Partial Content: append. One that ignores Range answers 200 with the
  whole file: start the .part again from zero. A 416 (range not satisfiable) carries
  "Content-Range: bytes */TOTAL": if TOTAL is the .part's size the .part is already complete;
  otherwise the server's file is shorter than the .part, so delete it and start again.
- Retries: a broken connection, a timeout (`timeout` seconds without data) or a 5xx answer is
  tried again, up to `retries` more times, resuming each time. Then it gives up with a
  DownloadError and keeps the .part for a later call to continue. Any other status (a 4xx
  such as 404) is a DownloadError at once, with the status in its message and no file written.
  (A real downloader would also wait a little longer before each retry.)
- Verifies: the SHA-256 of the whole file (hex, in any case) must equal `sha256` if given.
  A mismatch is a DownloadError that deletes the .part (resuming a corrupt file keeps it
  corrupt) and leaves DEST as it was.
- Every failure is a DownloadError saying why: a URL requests cannot use (no server, not a
  URL, not http) too.
- Returns Result(path=DEST, size=its size, sha256=its lowercase hex digest, requests=the HTTP
  requests this call made).

file_name(url) is the last segment of the URL's path, as it is (the query and fragment left
out, nothing decoded), or "download" when that is empty, "." or "..".

main(argv) takes `[URL ...] [-i FILE] [-o DIR]`: the URLs given, then those listed in FILE, one
per line as "URL [SHA256]" (blank lines and lines starting with # skipped). Each goes to
DIR/file_name(url) (DIR defaults to the current directory) and gets one line:

    OK   https://example.com/a.iso -> dl/a.iso (83886080 bytes)
    FAIL https://example.com/b.iso: checksum mismatch: expected 9f86d08..., got 60303ae2...

It returns 0 if every download worked, 1 if any failed, and 2 (with a message on stderr) if
there was no URL at all or FILE cannot be read.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import requests

CHUNK = 64 * 1024


class DownloadError(Exception):
    """The file could not be downloaded (or did not match its checksum)."""


@dataclass(frozen=True)
class Result:
    path: Path
    size: int
    sha256: str
    requests: int  # HTTP requests this call made


def download(url: str, dest: str | os.PathLike, *, sha256: str | None = None, chunk_size: int = CHUNK,
             retries: int = 3, timeout: float = 10.0) -> Result:
    """Download ``url`` to ``dest`` through ``dest.part``, resuming after failures; verify it; rename it."""
    # TODO
    raise NotImplementedError


def file_name(url: str) -> str:
    """The last segment of the URL's path, or 'download' if there is none."""
    # TODO
    raise NotImplementedError


def main(argv: list[str] | None = None) -> int:
    """Download the URLs given on the command line and/or listed in a file; return the exit code."""
    # TODO
    raise NotImplementedError


if __name__ == "__main__":
    raise SystemExit(main())
