"""Read a CSV file into a list of dictionaries, one per row, keyed by the header.

    >>> read_csv_dicts("people.csv")      # name,age / Ada,36 / Alan,41
    [{'name': 'Ada', 'age': '36'}, {'name': 'Alan', 'age': '41'}]

``read_csv_dicts(path)`` uses the first row as the column names; every later row becomes a dict
{column: field}, with every field kept as a string, exactly as it is in the file. Rules:

- quoted fields may hold commas, quotes and line breaks; a line break inside a field is kept
  exactly, '\\r\\n' included (the csv docs tell you how to open the file for that);
- blank lines are skipped;
- a row with fewer fields than the header gets '' for the missing ones;
- a row with more fields than the header is an error: raise ValueError with a message that
  names the line number it is on (``reader.line_num`` counts lines for you);
- two columns with the same name are an error too: ValueError;
- an empty file, or one with only a header, gives [];
- the file is UTF-8 (``path`` is ``str`` or ``pathlib.Path``); a missing one raises
  FileNotFoundError.

``main(argv)`` makes it a script: ``python csv_to_dicts.py FILE`` prints the list as JSON
(``json.dumps(rows, indent=2, ensure_ascii=False)``) and returns 0; a missing file or a bad
row prints an error to stderr and returns 1; wrong arguments return 2 (argparse's SystemExit(2)
is fine too).
"""

from __future__ import annotations

import os
import sys


def read_csv_dicts(path: str | os.PathLike) -> list[dict[str, str]]:
    """Return the rows of the CSV file as dicts keyed by the header row."""
    # TODO
    raise NotImplementedError


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: ``csv_to_dicts.py FILE``; prints the rows as JSON."""
    if argv is None:
        argv = sys.argv[1:]
    # TODO
    raise NotImplementedError


if __name__ == "__main__":
    sys.exit(main())
