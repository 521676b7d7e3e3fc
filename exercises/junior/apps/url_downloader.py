"""Download the content of every URL in a list, saving each one as a file.

    >>> for r in download_all(["https://example.com/files/report.pdf",
    ...                        "https://example.com/nope"], Path("downloads")):
    ...     print(r)
    DownloadResult(url='https://example.com/files/report.pdf', path=PosixPath('downloads/report.pdf'), status=200, error=None)
    DownloadResult(url='https://example.com/nope', path=None, status=404, error='HTTP 404')

download_all(urls, dest_dir, *, timeout=10.0) uses `requests` and returns one
DownloadResult per URL, in the same order:
- redirects are followed; a 2xx response's body is saved, byte for byte, in dest_dir
  (create the directory if it is missing) and `path` is where it went;
- the file name is the last segment of the final URL's path (after redirects; the query
  string is ignored), then %-decoded (segment first, decoding second: a %2F is part of
  the name, not a folder), with every character other than ASCII letters, digits, "-",
  "_" and "." replaced by "_". An empty name, "." or ".." becomes "index.html". So
  .../my%20report.pdf?v=2 is saved as my_report.pdf, and a hostile
  .../..%2F..%2Fetc%2Fpasswd as .._.._etc_passwd, safely inside dest_dir;
- never overwrite: if the name is taken (an older file, or an earlier URL in this run),
  add -1, -2, ... before the extension: report-1.pdf, README-1 (use Path.stem and suffix);
- one failing URL does not stop the others, and a failure saves no file: a non-2xx
  answer gives status=<code>, error="HTTP <code>"; no answer within `timeout` seconds
  gives status=None, error="timed out"; any other failure (no connection, not a URL)
  gives status=None and a short error message.

main(argv) takes `[URL...] [-i FILE] [-o DIR] [--timeout SECONDS]`: the URLs from the
command line, then those in FILE (one per line; blank lines and lines starting with #
are skipped). DIR defaults to the current directory. It prints one line per URL:

    OK   https://example.com/files/report.pdf -> downloads/report.pdf (48213 bytes)
    FAIL https://example.com/nope (HTTP 404)

and returns 0 if every download worked, 1 if any failed, 2 if there were no URLs at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class DownloadResult:
    url: str
    path: Path | None = None
    status: int | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def filename_for(url: str) -> str:
    """The safe file name for ``url`` (before any -1, -2 for names already taken)."""
    # TODO
    raise NotImplementedError


def download_all(urls: list[str], dest_dir: Path, *, timeout: float = 10.0) -> list[DownloadResult]:
    """Download every URL into ``dest_dir``; one result per URL, in order."""
    # TODO
    raise NotImplementedError


def main(argv: list[str] | None = None) -> int:
    """Download the URLs named on the command line and/or in a file; return the exit code."""
    # TODO
    raise NotImplementedError


if __name__ == "__main__":
    raise SystemExit(main())
