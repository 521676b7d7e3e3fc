"""Read a CSV file and print the rows that meet a condition, such as "age > 30"."""

from __future__ import annotations

import csv
import operator
import os
import sys

OPERATORS = {
    ">": operator.gt, ">=": operator.ge, "<": operator.lt,
    "<=": operator.le, "==": operator.eq, "!=": operator.ne,
}


def _read(path: str | os.PathLike, column: str, op: str, value: float | str) -> tuple[list[str], list[dict[str, str]]]:
    """The header and the matching rows."""
    if op not in OPERATORS:
        raise ValueError(f"unknown operator {op!r}; use one of {', '.join(OPERATORS)}")
    compare = OPERATORS[op]
    numeric = not isinstance(value, str)
    # utf-8-sig strips the byte-order mark Excel puts at the start of "CSV UTF-8" files.
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        header = reader.fieldnames or []
        if header and column not in header:
            raise ValueError(f"no column {column!r}; the columns are: {', '.join(header)}")
        matches = []
        for row in reader:
            cell = row[column] if row[column] is not None else ""
            if numeric:
                try:
                    cell = float(cell)  # float() ignores surrounding spaces
                except ValueError:
                    continue  # not a number: it can't be "> 30"
            if compare(cell, value):
                matches.append(row)
    return header, matches


def rows_where(path: str | os.PathLike, column: str, op: str, value: float | str) -> list[dict[str, str]]:
    """Return the rows of the CSV file whose ``column`` satisfies ``op value``."""
    return _read(path, column, op, value)[1]


def print_rows_where(path: str | os.PathLike, column: str, op: str, value: float | str) -> int:
    """Print the header and the matching rows as CSV; return the number of matching rows."""
    header, matches = _read(path, column, op, value)
    if header:
        # sys.stdout looked up now, not at import time, so redirected output is respected.
        writer = csv.DictWriter(sys.stdout, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(matches)
    return len(matches)
