"""Read a CSV file and print the rows that meet a condition, such as "age > 30".

    >>> print_rows_where("people.csv", "age", ">", 30)
    name,age,city
    Ada,36,London
    "Chen, Li",41,New York
    2

``rows_where(path, column, op, value)`` returns the matching rows as dicts (keyed by the header,
values as strings, in file order). ``op`` is one of ``>``, ``>=``, ``<``, ``<=``, ``==``, ``!=``.

- When ``value`` is a number (int or float), compare *numerically*: '100' > 30 is true,
  although the string '100' sorts before '30'. A cell that is not a number (empty, 'n/a')
  can't meet a numeric condition: skip that row, don't crash. Spaces around a number are fine.
- When ``value`` is a str, compare the cell as a string: ``("city", "==", "Paris")``.
- An unknown column or operator raises ValueError (say which columns exist).
- Files saved by Excel often start with an invisible byte-order mark, which would glue itself
  to the first column's name ('\\ufeffname'). Read the file with encoding "utf-8-sig", which
  drops it (and reads plain UTF-8 just as well).
- An empty file has no rows: []. A missing file raises FileNotFoundError.

``print_rows_where(...)`` takes the same arguments, prints the header and the matching rows
as CSV (with the csv module, so 'Chen, Li' comes out quoted), and returns how many rows matched.
"""

from __future__ import annotations

import os


def rows_where(path: str | os.PathLike, column: str, op: str, value: float | str) -> list[dict[str, str]]:
    """Return the rows of the CSV file whose ``column`` satisfies ``op value``."""
    # TODO
    raise NotImplementedError


def print_rows_where(path: str | os.PathLike, column: str, op: str, value: float | str) -> int:
    """Print the header and the matching rows as CSV; return the number of matching rows."""
    # TODO
    raise NotImplementedError
