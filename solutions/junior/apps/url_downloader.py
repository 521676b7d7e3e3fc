"""Download the content of every URL in a list, saving each one as a file."""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import requests


@dataclass
class DownloadResult:
    url: str
    path: Path | None = None
    status: int | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


def filename_for(url: str) -> str:
    """The safe file name for ``url`` (before any -1, -2 for names already taken)."""
    last = urlsplit(url).path.rsplit("/", 1)[-1]  # split BEFORE decoding: %2F is not a folder
    name = _UNSAFE.sub("_", unquote(last))       # ...and a decoded "/" becomes "_"
    return "index.html" if name in ("", ".", "..") else name


def _free_path(dest_dir: Path, name: str) -> Path:
    path = dest_dir / name
    n = 0
    while path.exists():
        n += 1
        path = dest_dir / f"{Path(name).stem}-{n}{Path(name).suffix}"
    return path


def _download(url: str, dest_dir: Path, timeout: float) -> DownloadResult:
    try:
        with requests.get(url, timeout=timeout, stream=True) as response:
            if not 200 <= response.status_code < 300:
                return DownloadResult(url, status=response.status_code, error=f"HTTP {response.status_code}")
            # Read the whole body before creating the file: a failure then leaves nothing behind.
            # (For huge files write to a temporary name while streaming, then rename.)
            body = b"".join(response.iter_content(64 * 1024))
            path = _free_path(dest_dir, filename_for(response.url))
            path.write_bytes(body)  # bytes, never text: a PDF or a PNG must stay intact
            return DownloadResult(url, path=path, status=response.status_code)
    except requests.Timeout:
        return DownloadResult(url, error="timed out")
    except requests.RequestException as exc:
        return DownloadResult(url, error=f"{type(exc).__name__}: {exc}")


def download_all(urls: list[str], dest_dir: Path, *, timeout: float = 10.0) -> list[DownloadResult]:
    """Download every URL into ``dest_dir``; one result per URL, in order."""
    dest_dir = Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    return [_download(url, dest_dir, timeout) for url in urls]


def read_url_list(path: Path) -> list[str]:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.strip().startswith("#")]


def main(argv: list[str] | None = None) -> int:
    """Download the URLs named on the command line and/or in a file; return the exit code."""
    parser = argparse.ArgumentParser(prog="download", description="Download a list of URLs.")
    parser.add_argument("urls", nargs="*", metavar="URL")
    parser.add_argument("-i", "--input", type=Path, help="a file with one URL per line")
    parser.add_argument("-o", "--output", type=Path, default=Path("."), help="where to save the files")
    parser.add_argument("--timeout", type=float, default=10.0)
    args = parser.parse_args(argv)
    urls = list(args.urls)
    if args.input:
        try:
            urls += read_url_list(args.input)
        except OSError as exc:
            print(f"error: cannot read {args.input}: {exc}", file=sys.stderr)
            return 2
    if not urls:
        print("error: no URLs to download", file=sys.stderr)
        return 2
    all_ok = True
    for r in download_all(urls, args.output, timeout=args.timeout):
        if r.ok:
            print(f"OK   {r.url} -> {r.path} ({r.path.stat().st_size} bytes)")
        else:
            print(f"FAIL {r.url} ({r.error})")
            all_ok = False
    return 0 if all_ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
