"""Read a JSON file and pretty-print it: indented, one item per line, readable.

    >>> text = pretty_json("config.json")      # config.json: {"name":"app","ports":[80,443]}
    {
      "name": "app",
      "ports": [
        80,
        443
      ]
    }

``pretty_json(path, indent=2, sort_keys=False)`` prints the data formatted with ``indent``
spaces per level and returns the same text (without the final newline print() adds).
The format is exactly what json.dumps produces with that indent, with non-ASCII characters
written as themselves ('café', not 'caf\\u00e9'), and the keys sorted if ``sort_keys``.

The file is UTF-8; ``path`` is ``str`` or ``pathlib.Path``. Invalid JSON, and an empty file,
raise json.JSONDecodeError (let json's own error through); a missing file raises
FileNotFoundError.

``main(argv)`` makes it a script: ``python json_pretty_print.py [--indent N] [--sort-keys] FILE``
prints and returns 0. For invalid JSON it prints to stderr a message that names the line and
column of the mistake, like ``error: bad.json: line 3, column 5: Expecting ',' delimiter``
(a JSONDecodeError has ``.lineno``, ``.colno`` and ``.msg``), and returns 1; a missing file also
returns 1 with a message on stderr; wrong arguments return 2 (argparse's SystemExit(2) is fine).
"""

from __future__ import annotations

import os
import sys


def pretty_json(path: str | os.PathLike, indent: int = 2, sort_keys: bool = False) -> str:
    """Print the JSON file's data indented; return the printed text."""
    # TODO
    raise NotImplementedError


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: ``json_pretty_print.py [--indent N] [--sort-keys] FILE``."""
    if argv is None:
        argv = sys.argv[1:]
    # TODO
    raise NotImplementedError


if __name__ == "__main__":
    sys.exit(main())
