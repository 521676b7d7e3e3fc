"""Use the logging module to log information, warnings and errors while processing sales data.

Each line of sales data is "item,quantity,unit_price", e.g. "apple,3,0.50".

    >>> summarize_sales(["apple,3,0.50", "pear,x,1.00", "apple,1,0.50", "tea,2,3.99"])
    {'apple': 2.0, 'tea': 7.98}

and, on the module's logger, these records:

    INFO     processing 4 lines
    DEBUG    line 1: 3 x apple at 0.50
    WARNING  line 2: skipped 'pear,x,1.00' (bad quantity)
    DEBUG    line 3: 1 x apple at 0.50
    DEBUG    line 4: 2 x tea at 3.99
    INFO     processed 3 records, skipped 1

`summarize_sales(lines)` returns the total (quantity × price, rounded to 2 decimals) per item, in
the order items first appear. Each line, and each field, is stripped of surrounding spaces first;
blank lines are ignored without a log record (but counted in "processing N lines"). A bad line is
skipped with a WARNING giving its number (from 1), the stripped line with repr(), and the reason:
    "expected 3 fields, got N"   the line doesn't split into exactly 3 parts at the commas
    "missing item name"          the item is empty
    "bad quantity"               the quantity is not a whole number of at least 1
    "bad price"                  the price is not a number, or is negative
(check them in this order, and report the first that applies).

`main(argv)` takes one file name, prints "ITEM: TOTAL" lines (2 decimals) and returns 0. If the
file cannot be read it logs an ERROR "cannot read PATH: REASON" (REASON is the OSError's strerror)
and returns 1, without a traceback. With no file name it prints "usage: sales_logging FILE" to
stderr and returns 2.

Logging rules, as a library should behave:
- log on a module-level logger, `logger = logging.getLogger(__name__)`, never on the root logger
  (logging.info(...) is the root logger);
- never print from summarize_sales(); don't configure logging when the module is imported (a
  `logging.basicConfig(...)` belongs in main(), which is the program's entry point);
- pass the values as arguments, `logger.warning("line %d: skipped %r (%s)", n, line, reason)`,
  not as an f-string: the message is then only built if the record is actually emitted.
"""

from __future__ import annotations

import logging
import sys
from typing import Iterable

# TODO: the module's logger


def summarize_sales(lines: Iterable[str]) -> dict[str, float]:
    """Total sales per item; log the progress and every skipped line."""
    raise NotImplementedError


def main(argv: list[str] | None = None) -> int:
    """Summarize the sales file named in ``argv`` (default: sys.argv[1:])."""
    raise NotImplementedError


if __name__ == "__main__":
    sys.exit(main())
