"""Write a list of dictionaries to a CSV file: a header row, then one row per dict."""

from __future__ import annotations

import csv
import os
from typing import Any, Iterable, Mapping


def write_dicts_csv(rows: Iterable[Mapping[str, Any]], path: str | os.PathLike,
                    fieldnames: list[str] | None = None) -> int:
    """Write ``rows`` as CSV with a header row; return the number of rows written."""
    rows = list(rows)  # a generator can be read only once, and we may need two passes
    if fieldnames is None:
        # dict keys keep insertion order, so this is "every key, in first-seen order".
        columns = list(dict.fromkeys(key for row in rows for key in row))
    else:
        columns = list(fieldnames)
    # newline="" because the csv module writes its own line endings ('\r\n'); without it,
    # Windows would turn them into '\r\r\n' and readers would see blank lines.
    with open(path, "w", encoding="utf-8", newline="") as fh:
        if not columns:
            return 0  # no rows and no fieldnames: an empty file
        # restval="" fills missing columns; extrasaction="raise" (the default) refuses
        # unknown keys with ValueError. DictWriter already writes None as an empty field.
        writer = csv.DictWriter(fh, fieldnames=columns, restval="", extrasaction="raise")
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)
