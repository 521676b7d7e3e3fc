"""Read a CSV file from anywhere into typed records, and report every bad row by its line number.

Real CSV files come from spreadsheets in many countries: commas or semicolons or tabs, a byte
order mark from Excel, quoted fields that span lines. ``read_records(path, schema)`` reads one
into a list of dicts with each field converted to its type, and instead of stopping at the first
bad row it collects a ``RowError`` for each problem and goes on:

    >>> # stock.csv (semicolons, decimal commas, a BOM):
    >>> #   id;name;price;in_stock
    >>> #   1;Tea;3,50;yes
    >>> #   2;"Cake,
    >>> #   big";4,25;maybe
    >>> #   3;Jam;;TRUE
    >>> price = lambda s: Decimal(s.replace(",", "."))
    >>> rows, errors = read_records("stock.csv", {"id": int, "price": price, "in_stock": bool})
    >>> rows
    [{'id': 1, 'name': 'Tea', 'price': Decimal('3.50'), 'in_stock': True},
     {'id': 3, 'name': 'Jam', 'price': None, 'in_stock': True}]
    >>> errors          # the Cake record starts on line 3 (and ends on line 4)
    [RowError(line=3, column='in_stock', message="bad value 'maybe': ...")]

The file:
- is UTF-8, and may start with a byte order mark (BOM), which is not part of the first name;
- is delimited by commas, semicolons or tabs: find out which with ``csv.Sniffer`` from a sample
  at the start of the file, telling it to choose from those three only. If it cannot tell (a
  file with one column), the delimiter is a comma. Take only the delimiter from the Sniffer:
  it also guesses the quoting rules from the sample, and sometimes guesses them wrong;
- follows the usual quoting rules: a quoted field may hold delimiters, newlines, and ``""`` for
  a quote;
- has a header row of unique column names (a name twice is a ValueError). Every column in the
  schema must be in the header (ValueError otherwise); columns not in the schema stay strings.
  Blank lines are skipped; an empty file, or a header alone, gives ``([], [])``.

Converting:
- ``schema`` maps a column name to a converter: any callable taking a str (``int``, ``float``,
  ``Decimal``, ``date.fromisoformat``, a lambda). ``bool`` is special, because bool("no") is
  True: for ``bool`` the field must be true/yes/1 or false/no/0, in any case.
- The converter gets the field with surrounding whitespace stripped. An empty (or blank) field
  becomes None without calling the converter. ``str`` columns keep the field exactly as it is.
- A converter says a value is bad by raising ValueError (or an ArithmeticError, which is what
  ``Decimal("x")`` raises). Any other exception is a bug, not bad data: let it propagate.

Errors: a row with more or fewer fields than the header gets one ``RowError(line, None,
message)``, with both numbers in the message; a row with bad values gets one RowError per bad
field, in column order, whose message quotes the field (its repr). A row with any error is left
out of ``rows``, and reading goes on. ``line`` is the physical line where the record starts, as
an editor numbers it: the header is line 1, blank lines count, and a record with a quoted
newline takes up two lines. Errors come in the order of the file.

``main(argv)`` makes it a script: ``csv_typed_records.py FILE [COLUMN=TYPE ...]`` with TYPE one
of int, float, decimal, bool, date, str. It prints each good row as one line of JSON
(``json.dumps(row, ensure_ascii=False, default=str)``), prints each error to stderr as
``FILE:LINE: COLUMN: MESSAGE`` (just ``FILE:LINE: MESSAGE`` when the column is None), and
returns 0, or 1 if there was any error (a bad row, a missing file or column). An unknown TYPE, or
an argument that is not COLUMN=TYPE, is a usage error: return 2 (argparse's SystemExit(2) is
fine).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import Any, Callable, Mapping


@dataclass(frozen=True)
class RowError:
    """One problem in the file: the line its record starts on, the column (None for the whole
    row) and what is wrong."""

    line: int
    column: str | None
    message: str


def read_records(path: str | os.PathLike, schema: Mapping[str, Callable[[str], Any]],
                 ) -> tuple[list[dict[str, Any]], list[RowError]]:
    """Read the CSV file at ``path``; return (the good rows converted per ``schema``, the errors)."""
    # TODO: sniff the delimiter, read with csv.reader, convert each field, collect RowErrors.
    raise NotImplementedError


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: ``csv_typed_records.py FILE [COLUMN=TYPE ...]``."""
    if argv is None:
        argv = sys.argv[1:]
    # TODO
    raise NotImplementedError


if __name__ == "__main__":
    sys.exit(main())
