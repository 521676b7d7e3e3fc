"""Read a log file and extract the lines that contain a keyword, like a tiny grep.

    >>> find_lines("app.log", "ERROR")
    [(2, '2024-05-01 10:00:03 ERROR disk full'), (7, '2024-05-01 10:02:11 ERROR retry failed')]

``find_lines(path, keyword, ignore_case=False)`` returns (line number, line) pairs for every
line that contains ``keyword``: numbers start at 1 and count every line, blank ones too; the
line comes without its line ending. Rules:

- ``keyword`` is plain text, not a pattern: '[ERROR]' or 'a.b' match only themselves.
- ``ignore_case=True`` matches regardless of case ('error' finds 'ERROR').
- An empty keyword raises ValueError (it would match every line).
- Logs are big: read line by line, never the whole file at once.
- Logs are messy: the file is UTF-8, but a line with a broken byte must not crash the search;
  decode with errors="replace" (the bad byte becomes '\\ufffd').
- A missing file raises FileNotFoundError.

``main(argv)`` makes it a script: ``python log_keyword_search.py [-i] LOGFILE KEYWORD``
(``-i`` or ``--ignore-case`` may also come last) prints each match as ``NUMBER:LINE`` and
returns, like grep, 0 when something matched, 1 when nothing did, and 2 on trouble: a missing
file (say so on stderr) or wrong arguments. (If you use argparse, its SystemExit(2) for bad
arguments is fine too.)
"""

from __future__ import annotations

import os
import sys


def find_lines(path: str | os.PathLike, keyword: str, ignore_case: bool = False) -> list[tuple[int, str]]:
    """Return (line number, line) for each line of the file containing ``keyword``."""
    # TODO
    raise NotImplementedError


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: ``log_keyword_search.py [-i] LOGFILE KEYWORD``."""
    if argv is None:
        argv = sys.argv[1:]
    # TODO
    raise NotImplementedError


if __name__ == "__main__":
    sys.exit(main())
