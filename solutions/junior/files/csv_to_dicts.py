"""Read a CSV file into a list of dictionaries, one per row, keyed by the header."""

from __future__ import annotations

import csv
import json
import os
import sys


def read_csv_dicts(path: str | os.PathLike) -> list[dict[str, str]]:
    """Return the rows of the CSV file as dicts keyed by the header row."""
    # newline="": the csv module sees the raw line breaks, so a '\r\n' inside a quoted
    # field survives instead of being turned into '\n' by text mode.
    with open(path, encoding="utf-8", newline="") as fh:
        # restval="" fills in missing fields; too many fields land under the key None.
        reader = csv.DictReader(fh, restval="")
        header = reader.fieldnames or []  # None for an empty file
        if len(set(header)) != len(header):
            raise ValueError(f"duplicate column names in the header: {header}")
        rows = []
        for row in reader:  # DictReader skips blank lines by itself
            if None in row:
                raise ValueError(f"line {reader.line_num}: {len(header) + len(row[None])} fields, "
                                 f"but the header has {len(header)}")
            rows.append(row)
    return rows


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: ``csv_to_dicts.py FILE``; prints the rows as JSON."""
    if argv is None:
        argv = sys.argv[1:]
    if len(argv) != 1:
        print("usage: csv_to_dicts.py FILE", file=sys.stderr)
        return 2
    try:
        rows = read_csv_dicts(argv[0])
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(rows, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
