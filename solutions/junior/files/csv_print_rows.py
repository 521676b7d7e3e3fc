"""Read a CSV file and print its rows, one by one."""

from __future__ import annotations

import csv
import os


def print_csv_rows(path: str | os.PathLike, delimiter: str = ",") -> int:
    """Print every row of the CSV file as a list of fields; return the number of rows."""
    count = 0
    # newline="" is what the csv module asks for: it handles line breaks itself, including
    # the ones inside quoted fields.
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter=delimiter):
            if not row:  # a blank line comes out as []
                continue
            print(row)
            count += 1
    return count
