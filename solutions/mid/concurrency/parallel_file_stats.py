"""Parse many web-server log files in parallel with a multiprocessing.Pool."""

from __future__ import annotations

import collections
import multiprocessing
import os
import re
from dataclasses import dataclass, field
from typing import Iterable

# 127.0.0.1 - frank [10/Oct/2024:13:55:36 +0000] "GET /index.html HTTP/1.1" 200 2326
LINE = re.compile(r'\S+ \S+ \S+ \[[^\]]*\] "\S+ (\S+) \S+" (\d{3}) (\d+|-)')


@dataclass
class LogStats:
    """Totals for one log file, or for many added together."""

    requests: int = 0  # lines that parsed
    bad_lines: int = 0  # non-blank lines that did not
    bytes_sent: int = 0  # sum of the size field ("-" counts as 0)
    statuses: collections.Counter = field(default_factory=collections.Counter)  # status -> count

    def __add__(self, other: LogStats) -> LogStats:
        if not isinstance(other, LogStats):
            return NotImplemented
        return LogStats(self.requests + other.requests, self.bad_lines + other.bad_lines,
                        self.bytes_sent + other.bytes_sent, self.statuses + other.statuses)


def parse_line(line: str) -> tuple[str, int, int] | None:
    """(path, status, size) from one log line, or None if it is not a well-formed line."""
    m = LINE.fullmatch(line.rstrip("\r\n"))
    if m is None:
        return None
    path, status, size = m.groups()
    return path, int(status), 0 if size == "-" else int(size)


def file_stats(path: str | os.PathLike) -> LogStats:
    """Read one log file, a line at a time, and count what is in it."""
    stats = LogStats()
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:  # one line in memory at a time, however big the file
            if not line.strip():
                continue
            parsed = parse_line(line)
            if parsed is None:
                stats.bad_lines += 1
                continue
            _path, status, size = parsed
            stats.requests += 1
            stats.bytes_sent += size
            stats.statuses[status] += 1
    return stats


def _work(path: str) -> tuple[str, LogStats]:
    # runs in a worker process: only the path goes there and only the small totals come back
    return path, file_stats(path)


def parallel_stats(paths: Iterable[str | os.PathLike], *, processes: int | None = None) -> dict[str, LogStats]:
    """file_stats of every path, computed in ``processes`` worker processes; keys in input order."""
    if processes is not None and processes < 1:
        raise ValueError(f"processes must be at least 1, not {processes}")
    paths = [os.fspath(p) for p in paths]
    if not paths:
        return {}
    done: dict[str, LogStats] = {}
    with multiprocessing.Pool(processes) as pool:
        # imap_unordered hands out one path at a time and yields each result as soon as any
        # worker finishes it: a slow file never holds up the others
        for path, stats in pool.imap_unordered(_work, paths):
            done[path] = stats
    return {path: done[path] for path in paths}


def combine(stats: Iterable[LogStats]) -> LogStats:
    """All the stats added together (LogStats() for none)."""
    return sum(stats, LogStats())
