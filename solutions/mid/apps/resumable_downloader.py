"""Download files with requests: streamed to a .part file, resumed after a broken connection,
verified by SHA-256, and renamed into place only when complete."""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import requests

CHUNK = 64 * 1024

# worth another try: the network or the server failed, not the request
RETRYABLE = (requests.ConnectionError, requests.Timeout, requests.exceptions.ChunkedEncodingError)


class DownloadError(Exception):
    """The file could not be downloaded (or did not match its checksum)."""


@dataclass(frozen=True)
class Result:
    path: Path
    size: int
    sha256: str
    requests: int  # HTTP requests this call made


class _ServerError(Exception):
    """A 5xx answer: retried like a broken connection."""


def _file_sha256(path: Path, chunk_size: int) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(chunk_size):
            digest.update(block)
    return digest.hexdigest()


def _fetch(session: requests.Session, url: str, part: Path, *, chunk_size: int, timeout: float) -> None:
    """One request: append the rest of the file to ``part`` (or start it again)."""
    have = part.stat().st_size if part.exists() else 0
    headers = {"Range": f"bytes={have}-"} if have else {}
    with session.get(url, headers=headers, stream=True, timeout=timeout) as response:
        if response.status_code == 416 and have:
            # "range not satisfiable": we asked to start at or past the end of the file
            total = re.fullmatch(r"bytes \*/(\d+)", response.headers.get("Content-Range", ""))
            if total and int(total[1]) == have:
                return  # the .part already holds the whole file
            part.unlink()  # the file on the server is shorter than our part: start again
            raise _ServerError("the partial file does not match the server's file")
        if response.status_code >= 500:
            raise _ServerError(f"HTTP {response.status_code}")
        if response.status_code not in (200, 206):
            raise DownloadError(f"HTTP {response.status_code}")
        # 206 continues where we stopped; a 200 is the whole file again (the server ignored Range)
        mode = "ab" if response.status_code == 206 and have else "wb"
        with open(part, mode) as f:
            for chunk in response.iter_content(chunk_size):  # a chunk at a time: memory stays flat
                f.write(chunk)


def download(url: str, dest: str | os.PathLike, *, sha256: str | None = None, chunk_size: int = CHUNK,
             retries: int = 3, timeout: float = 10.0) -> Result:
    """Download ``url`` to ``dest`` through ``dest.part``, resuming after failures; verify it; rename it."""
    dest = Path(dest)
    part = dest.with_name(dest.name + ".part")
    made = 0
    with requests.Session() as session:  # one session: the retries reuse its connection pool
        while True:
            made += 1
            try:
                _fetch(session, url, part, chunk_size=chunk_size, timeout=timeout)
                break
            except (*RETRYABLE, _ServerError) as exc:
                if made > retries:
                    # the .part stays: the next call carries on from where this one stopped
                    raise DownloadError(f"gave up after {made} attempts: {exc}") from exc
            except requests.RequestException as exc:  # not a URL requests can fetch: no use retrying
                raise DownloadError(f"cannot download {url}: {exc}") from exc
    digest = _file_sha256(part, chunk_size)
    if sha256 is not None and digest != sha256.lower():
        part.unlink()  # corrupt: resuming from it would only keep the corruption
        raise DownloadError(f"checksum mismatch: expected {sha256.lower()}, got {digest}")
    size = part.stat().st_size
    os.replace(part, dest)  # atomic: dest is the old file or the complete new one, never half of one
    return Result(dest, size, digest, made)


def file_name(url: str) -> str:
    """The last segment of the URL's path, or 'download' if there is none."""
    name = urlsplit(url).path.rsplit("/", 1)[-1]
    return "download" if name in ("", ".", "..") else name


def main(argv: list[str] | None = None) -> int:
    """Download the URLs given on the command line and/or listed in a file; return the exit code."""
    parser = argparse.ArgumentParser(description="Download files, resuming and verifying them.")
    parser.add_argument("urls", nargs="*", metavar="URL")
    parser.add_argument("-i", "--input", type=Path, help="a file of lines 'URL [SHA256]'")
    parser.add_argument("-o", "--output", type=Path, default=Path("."))
    args = parser.parse_args(argv)

    jobs: list[tuple[str, str | None]] = [(url, None) for url in args.urls]
    if args.input is not None:
        try:
            lines = args.input.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            print(f"error: cannot read {args.input}: {exc}", file=sys.stderr)
            return 2
        for line in lines:
            fields = line.split()
            if fields and not fields[0].startswith("#"):
                jobs.append((fields[0], fields[1] if len(fields) > 1 else None))
    if not jobs:
        print("error: no URLs given", file=sys.stderr)
        return 2

    failed = 0
    for url, checksum in jobs:
        try:
            result = download(url, args.output / file_name(url), sha256=checksum)
        except (DownloadError, OSError) as exc:
            failed += 1
            print(f"FAIL {url}: {exc}")
        else:
            print(f"OK   {url} -> {result.path} ({result.size} bytes)")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
