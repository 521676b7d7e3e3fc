"""Write a script that downloads many URLs concurrently with threads, each thread with its own requests.Session.

Downloading is mostly waiting for the network, and a waiting thread releases the GIL, so
threads overlap the waits: 16 files that take 0.3 s each arrive in about 0.6 s with 8 threads.

    >>> report = download_all(["http://127.0.0.1:8080/a.txt", "http://127.0.0.1:8080/gone.txt"],
    ...                       "out", max_workers=4)
    >>> report.saved
    {'http://127.0.0.1:8080/a.txt': PosixPath('out/a.txt')}
    >>> report.failed
    {'http://127.0.0.1:8080/gone.txt': 'HTTP 404 Not Found'}

    $ python threaded_downloads.py out http://127.0.0.1:8080/a.txt http://127.0.0.1:8080/gone.txt -w 4
    saved http://127.0.0.1:8080/a.txt -> out/a.txt
    failed http://127.0.0.1:8080/gone.txt: HTTP 404 Not Found
    1 saved, 1 failed

The rules:
- ``file_name(url)`` is the last segment of the URL's path, percent-decoded
  (``/docs/caf%C3%A9.txt`` -> ``café.txt``), or ``index.html`` when the path ends in ``/``.
  You may assume the URLs you are given have different file names.
- ``download_all(urls, dest, *, max_workers=8, timeout=10.0)`` saves each URL's body as
  ``dest / file_name(url)`` (creating ``dest`` if needed) and returns a ``Report``: ``saved``
  maps each URL that worked to the Path written; ``failed`` maps every other URL to a reason:
  ``"HTTP 404 Not Found"`` (status and reason) for an error status, and for a refused
  connection, a timeout or a transfer cut short the exception's type name and text, as in
  ``"ReadTimeout: ..."``. One URL failing never stops the others; a URL listed twice is
  downloaded once.
- Exactly ``max_workers`` downloads run at once when there is enough work, never more (the
  check's server counts them). ``max_workers < 1`` is a ValueError, raised before anything
  else is done.
- ``requests.Session`` is not thread-safe, but it keeps connections open for the next request:
  give each worker thread its own Session, reuse it for every URL that thread downloads, and
  close them all when done.
- Stream each body to disk in chunks (the check downloads 20 MB with little memory), and never
  leave a partial file under the real name: a failed download leaves no new file behind, and
  a file that was already there keeps its old contents.
- ``main(argv)``: ``DEST URL... [-w/--workers N] [--timeout S]`` (defaults 8 and 10.0); prints
  one line per URL in the order given, then the totals, as above; returns 0 if every URL was
  saved, else 1. ``-w`` below 1 is a usage error (exit code 2).
"""

from __future__ import annotations

import argparse  # noqa: F401 - you will need these
import os
import sys
import threading  # noqa: F401
from concurrent.futures import ThreadPoolExecutor  # noqa: F401
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable
from urllib.parse import unquote, urlsplit  # noqa: F401

import requests  # noqa: F401


@dataclass
class Report:
    """What download_all did: the files it wrote, and why the other URLs failed."""

    saved: dict[str, Path] = field(default_factory=dict)  # url -> the file written
    failed: dict[str, str] = field(default_factory=dict)  # url -> a reason a person can read


def file_name(url: str) -> str:
    """The last segment of the URL's path, percent-decoded; ``index.html`` for a path ending in /."""
    raise NotImplementedError


def download_all(urls: Iterable[str], dest: str | os.PathLike, *, max_workers: int = 8,
                 timeout: float = 10.0) -> Report:
    """Download every URL into ``dest`` with ``max_workers`` threads; report each URL's outcome."""
    # TODO: a ThreadPoolExecutor whose initializer gives each thread a requests.Session
    #       (threading.local); session.get(url, stream=True, timeout=timeout) + iter_content.
    raise NotImplementedError


def main(argv: list[str] | None = None) -> int:
    """Command line: DEST URL... [-w N] [--timeout S]; 0 if every URL was saved, else 1."""
    raise NotImplementedError


if __name__ == "__main__":
    sys.exit(main())
