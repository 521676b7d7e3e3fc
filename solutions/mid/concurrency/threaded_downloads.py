"""Download many URLs at once with a pool of threads, one requests.Session per thread."""

from __future__ import annotations

import argparse
import os
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable
from urllib.parse import unquote, urlsplit

import requests

CHUNK = 64 * 1024  # bytes written per step: memory stays flat whatever the file's size


@dataclass
class Report:
    """What download_all did: the files it wrote, and why the other URLs failed."""

    saved: dict[str, Path] = field(default_factory=dict)  # url -> the file written
    failed: dict[str, str] = field(default_factory=dict)  # url -> a reason a person can read


def file_name(url: str) -> str:
    """The last segment of the URL's path, percent-decoded; ``index.html`` for a path ending in /."""
    return unquote(urlsplit(url).path.rpartition("/")[2]) or "index.html"


def _fetch(session: requests.Session, url: str, dest: Path, timeout: float) -> Path:
    target = dest / file_name(url)
    part = target.with_name(target.name + ".part")
    # stream=True: the body is read chunk by chunk as we write it, never held whole in memory
    with session.get(url, stream=True, timeout=timeout) as resp:
        resp.raise_for_status()
        try:
            with open(part, "wb") as fh:
                for chunk in resp.iter_content(CHUNK):
                    fh.write(chunk)
            os.replace(part, target)  # the real name appears only once the file is complete
        finally:
            part.unlink(missing_ok=True)  # still there only if the transfer broke
    return target


def _reason(exc: Exception) -> str:
    if isinstance(exc, requests.HTTPError):  # raised by raise_for_status(): it has the response
        return f"HTTP {exc.response.status_code} {exc.response.reason}"
    return f"{type(exc).__name__}: {exc}"


def download_all(urls: Iterable[str], dest: str | os.PathLike, *, max_workers: int = 8,
                 timeout: float = 10.0) -> Report:
    """Download every URL into ``dest`` with ``max_workers`` threads; report each URL's outcome."""
    if max_workers < 1:
        raise ValueError(f"max_workers must be at least 1, not {max_workers}")
    urls = list(dict.fromkeys(urls))  # a URL listed twice is fetched once
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)

    # requests.Session is not thread-safe, but it is worth keeping: it reuses connections.
    # So each worker thread gets its own, made once when the pool starts that thread.
    local = threading.local()
    sessions: list[requests.Session] = []
    sessions_lock = threading.Lock()

    def open_session() -> None:
        local.session = requests.Session()
        with sessions_lock:
            sessions.append(local.session)

    def work(url: str) -> Path:
        return _fetch(local.session, url, dest, timeout)

    report = Report()
    try:
        with ThreadPoolExecutor(max_workers=max_workers, initializer=open_session) as pool:
            futures = {url: pool.submit(work, url) for url in urls}
            for url, future in futures.items():  # in input order
                try:
                    report.saved[url] = future.result()
                except Exception as exc:  # noqa: BLE001 - one URL's failure is reported, not raised
                    report.failed[url] = _reason(exc)
    finally:
        for session in sessions:
            session.close()
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Download URLs concurrently with threads.")
    parser.add_argument("dest", help="directory to save the files in")
    parser.add_argument("urls", nargs="+", metavar="URL")
    parser.add_argument("-w", "--workers", type=int, default=8, help="threads downloading at once")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for a server")
    args = parser.parse_args(argv)
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    report = download_all(args.urls, args.dest, max_workers=args.workers, timeout=args.timeout)
    for url in args.urls:
        if url in report.saved:
            print(f"saved {url} -> {report.saved[url]}")
        else:
            print(f"failed {url}: {report.failed[url]}")
    print(f"{len(report.saved)} saved, {len(report.failed)} failed")
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
