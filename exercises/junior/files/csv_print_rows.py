"""Read a CSV file and print its rows, one by one.

    >>> print_csv_rows("people.csv")
    ['name', 'city', 'age']
    ['Ada Lovelace', 'London, UK', '36']
    ['Grace "Amazing" Hopper', 'New York', '85']
    3

Each row is printed as the list of its fields (just ``print(row)``), the header like any other
row, and the function returns how many rows it printed.

Real CSV is trickier than splitting lines on commas, which is why Python has the csv module:

- a field in double quotes may contain commas, doubled quotes ('""' stands for one '"') and
  even line breaks: ``"London, UK"`` is one field, and a quoted field can span two lines;
- blank lines are skipped (they are not rows);
- spaces are part of fields: ``a, b`` has the fields 'a' and ' b';
- ``delimiter`` lets you read files that use another separator, such as ';' (common where
  the comma is the decimal mark) or '\\t'.

The file is UTF-8; ``path`` may be ``str`` or ``pathlib.Path``. An empty file prints nothing and
returns 0; a missing file raises FileNotFoundError.
"""

from __future__ import annotations

import os


def print_csv_rows(path: str | os.PathLike, delimiter: str = ",") -> int:
    """Print every row of the CSV file as a list of fields; return the number of rows."""
    # TODO
    raise NotImplementedError
