"""Read a JSON list of records, add a key-value pair to each, and write the result to a new file.

    >>> add_field("users.json", "users_v2.json", "active", True)    # returns the entries changed
    3

``add_field(src, dst, key, value, overwrite=False)`` reads ``src``, which must hold a JSON array
of objects, e.g. ``[{"name": "Ada"}, {"name": "Alan", "active": false}]``, and writes to ``dst``
the same array with ``key`` set to ``value`` in every object. Rules:

- an object that already has ``key`` keeps its own value, unless ``overwrite=True``;
- return how many objects got the new value (added or overwritten);
- the other keys keep their order and values, and a new key goes last;
- ``dst`` is written as UTF-8 with ``indent=2`` and non-ASCII characters as themselves
  (``ensure_ascii=False``); ``src`` is not changed (``dst`` may be the same file, though);
- invalid JSON raises json.JSONDecodeError; a top level that is not an array, or an entry that
  is not an object, raises ValueError; a missing ``src`` raises FileNotFoundError. In all these
  cases no ``dst`` is written.

``main(argv)`` makes it a script: ``python json_add_field.py SRC DST KEY VALUE [--overwrite]``.
VALUE is read as JSON when it is valid JSON (``30`` is the number 30, ``true`` is True, ``null``
is None, ``[1, 2]`` a list) and as a plain string otherwise (``hello`` is "hello"). It prints
``updated N of M entries`` and returns 0; any error above prints a message to stderr and returns
1; wrong arguments return 2 (argparse's SystemExit(2) is fine too).
"""

from __future__ import annotations

import os
import sys
from typing import Any


def add_field(src: str | os.PathLike, dst: str | os.PathLike, key: str, value: Any,
              overwrite: bool = False) -> int:
    """Write ``src``'s records to ``dst`` with ``key`` set to ``value``; return how many changed."""
    # TODO
    raise NotImplementedError


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: ``json_add_field.py SRC DST KEY VALUE [--overwrite]``."""
    if argv is None:
        argv = sys.argv[1:]
    # TODO
    raise NotImplementedError


if __name__ == "__main__":
    sys.exit(main())
