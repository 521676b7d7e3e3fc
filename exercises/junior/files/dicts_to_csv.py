"""Write a list of dictionaries to a CSV file: a header row, then one row per dict.

    >>> write_dicts_csv([{"name": "Ada", "age": 36}, {"name": "Alan", "city": "Wilmslow"}], "people.csv")
    2

people.csv then reads (the csv module ends lines with '\\r\\n'; that is fine)::

    name,age,city
    Ada,36,
    Alan,,Wilmslow

``write_dicts_csv(rows, path, fieldnames=None)`` returns the number of data rows written.

- Columns: ``fieldnames`` if given; otherwise every key that appears in any row, in the
  order the keys are first seen (a key that only the last row has is still a column).
- A row without some column gets an empty field there. With ``fieldnames`` given, a row with
  a key that is not one of them raises ValueError.
- Values are written as str() would show them (36 → '36'), except None, which is written as
  an empty field.
- Fields holding commas, quotes or line breaks must be quoted properly, so any CSV reader
  gets the same values back. Use the csv module; don't join strings with ','.
- ``rows`` may be any iterable, a generator included: it can be walked only once.
- No rows: with ``fieldnames``, write just the header; without, write an empty file.
- The file is UTF-8 (``path`` is ``str`` or ``pathlib.Path``) and is replaced if it exists.
"""

from __future__ import annotations

import os
from typing import Any, Iterable, Mapping


def write_dicts_csv(rows: Iterable[Mapping[str, Any]], path: str | os.PathLike,
                    fieldnames: list[str] | None = None) -> int:
    """Write ``rows`` as CSV with a header row; return the number of rows written."""
    # TODO
    raise NotImplementedError
