"""Parse a CSV file lazily with a generator, one row at a time, and sum a column of a huge file."""

from __future__ import annotations

import csv
import os
from typing import Iterator


def iter_rows(path: str | os.PathLike, *, delimiter: str = ",",
              encoding: str = "utf-8") -> Iterator[dict[str, str]]:
    """Yield each data row of the CSV file at ``path`` as a dict {column name: field}.

    Being a generator, nothing happens until the first next(); then the file is read a buffer
    at a time, so memory stays flat however big the file is. The ``with`` block closes the file
    when the rows run out, or when the caller stops early and the generator is discarded.
    """
    # newline="" hands line endings to the csv module, which needs them to read quoted newlines
    with open(path, newline="", encoding=encoding) as f:
        reader = csv.reader(f, delimiter=delimiter)
        header = next((fields for fields in reader if fields), None)  # the first non-blank line
        if header is None:
            return  # an empty file has no rows
        width = len(header)
        for fields in reader:
            if not fields:  # csv.reader gives [] for a blank line
                continue
            if len(fields) != width:
                raise ValueError(f"line {reader.line_num}: expected {width} fields like the header, "
                                 f"got {len(fields)}")
            yield dict(zip(header, fields))


def sum_column(path: str | os.PathLike, column: str, *, delimiter: str = ",") -> float:
    """The sum of the numbers in ``column`` over every row of the file; empty cells are skipped."""
    total = 0.0
    for row in iter_rows(path, delimiter=delimiter):
        cell = row[column]  # KeyError for a column the file doesn't have
        if cell.strip():
            total += float(cell)
    return total
