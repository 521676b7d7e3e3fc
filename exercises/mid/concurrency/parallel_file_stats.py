"""Parse many web-server log files in parallel with multiprocessing.Pool: CPU-bound work on a big data set.

Parsing text is CPU work, and CPU-bound Python code in threads runs one thread at a time (the
GIL). Worker *processes* each have their own interpreter, so they really run at once, on every
core. The price is that everything sent to a worker or back is pickled through a pipe: send
each worker a file *name* and get back small totals, never the file's contents.

A log line looks like this (the Common Log Format):

    127.0.0.1 - frank [10/Oct/2024:13:55:36 +0000] "GET /index.html HTTP/1.1" 200 2326

    >>> parse_line('1.2.3.4 - - [10/Oct/2024:13:55:36 +0000] "GET /a.png HTTP/1.1" 404 -')
    ('/a.png', 404, 0)
    >>> parse_line("not a log line") is None
    True
    >>> stats = parallel_stats(["day1.log", "day2.log"], processes=2)
    >>> stats["day1.log"]
    LogStats(requests=3, bad_lines=1, bytes_sent=5120, statuses=Counter({200: 2, 404: 1}))
    >>> combine(stats.values()).requests
    7

The rules:
- A well-formed line is ``HOST IDENT USER [TIME] "METHOD PATH PROTOCOL" STATUS SIZE``: single
  spaces between the parts; HOST, IDENT, USER, METHOD, PATH and PROTOCOL contain no spaces;
  TIME contains no ``]``; STATUS is three digits; SIZE is digits or ``-`` (which counts as 0).
  ``parse_line`` returns ``(PATH, STATUS, SIZE)`` with ints, or None for anything else (a
  trailing newline is fine).
- ``file_stats(path)`` counts one file: ``requests`` (well-formed lines), ``bad_lines`` (other
  lines, except blank ones, which are skipped), ``bytes_sent`` (the sum of SIZE) and
  ``statuses`` (a Counter of STATUS). Read it as UTF-8, replacing undecodable bytes, one line
  at a time: a file may be bigger than memory.
- ``LogStats + LogStats`` adds every field into a new LogStats (adding anything else is a
  TypeError: return NotImplemented); ``combine(stats)`` adds any number (LogStats() for none).
- ``parallel_stats(paths, *, processes=None)`` returns ``{path: file_stats(path)}`` for every
  path, keys as ``str`` in the order given. Use ``multiprocessing.Pool(processes)`` (None: one
  per core) and ``imap_unordered``, with each worker process calling ``file_stats`` on one path
  and returning only the totals. The parent does none of the reading or parsing: the check
  sees which processes call ``file_stats``, which files the parent opens, how many bytes go
  through the pool's pipes, and the CPU time of the parent and of the workers.
- ``processes < 1`` is a ValueError (checked first); a missing file raises FileNotFoundError;
  no paths gives {} without starting any process.
"""

from __future__ import annotations

import collections
import multiprocessing  # noqa: F401 - you will need it
import os
import re  # noqa: F401
from dataclasses import dataclass, field
from typing import Iterable


@dataclass
class LogStats:
    """Totals for one log file, or for many added together."""

    requests: int = 0  # lines that parsed
    bad_lines: int = 0  # non-blank lines that did not
    bytes_sent: int = 0  # sum of the size field ("-" counts as 0)
    statuses: collections.Counter = field(default_factory=collections.Counter)  # status -> count

    def __add__(self, other: LogStats) -> LogStats:
        """A new LogStats with every field of the two added."""
        raise NotImplementedError


def parse_line(line: str) -> tuple[str, int, int] | None:
    """(path, status, size) from one log line, or None if it is not a well-formed line."""
    raise NotImplementedError


def file_stats(path: str | os.PathLike) -> LogStats:
    """Read one log file, a line at a time, and count what is in it."""
    raise NotImplementedError


def parallel_stats(paths: Iterable[str | os.PathLike], *, processes: int | None = None) -> dict[str, LogStats]:
    """file_stats of every path, computed in ``processes`` worker processes; keys in input order."""
    # TODO: with multiprocessing.Pool(processes) as pool: for ... in pool.imap_unordered(...)
    raise NotImplementedError


def combine(stats: Iterable[LogStats]) -> LogStats:
    """All the stats added together (LogStats() for none)."""
    raise NotImplementedError
