"""Use the logging module to log information, warnings and errors while processing sales data."""

from __future__ import annotations

import logging
import sys
from typing import Iterable

# Named after the module ("sales_logging"), so applications can tune or silence it by name.
logger = logging.getLogger(__name__)


class BadRecord(ValueError):
    """A line that is not a valid sales record; the message is the reason."""


def _parse(line: str) -> tuple[str, int, float]:
    fields = [f.strip() for f in line.split(",")]
    if len(fields) != 3:
        raise BadRecord(f"expected 3 fields, got {len(fields)}")
    item, quantity_text, price_text = fields
    if not item:
        raise BadRecord("missing item name")
    try:
        quantity = int(quantity_text)
    except ValueError:
        raise BadRecord("bad quantity") from None
    if quantity < 1:
        raise BadRecord("bad quantity")
    try:
        price = float(price_text)
    except ValueError:
        raise BadRecord("bad price") from None
    if not price >= 0:  # also rejects "nan"
        raise BadRecord("bad price")
    return item, quantity, price


def summarize_sales(lines: Iterable[str]) -> dict[str, float]:
    lines = list(lines)
    logger.info("processing %d lines", len(lines))
    totals: dict[str, float] = {}
    good = skipped = 0
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            continue
        try:
            item, quantity, price = _parse(line)
        except BadRecord as err:
            logger.warning("line %d: skipped %r (%s)", number, line, err)
            skipped += 1
            continue
        # %-style arguments: the string is only formatted if a handler wants DEBUG records
        logger.debug("line %d: %d x %s at %.2f", number, quantity, item, price)
        totals[item] = totals.get(item, 0) + quantity * price
        good += 1
    logger.info("processed %d records, skipped %d", good, skipped)
    return {item: round(total, 2) for item, total in totals.items()}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: sales_logging FILE", file=sys.stderr)
        return 2
    # the entry point, not the library code, decides where log records go
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    path = args[0]
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.readlines()
    except OSError as err:
        logger.error("cannot read %s: %s", path, err.strerror)
        return 1
    for item, total in summarize_sales(lines).items():
        print(f"{item}: {total:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
