"""Read a JSON list of records, add a key-value pair to each, and write the result to a new file."""

from __future__ import annotations

import argparse
import copy
import json
import os
import sys
from typing import Any


def add_field(src: str | os.PathLike, dst: str | os.PathLike, key: str, value: Any,
              overwrite: bool = False) -> int:
    """Write ``src``'s records to ``dst`` with ``key`` set to ``value``; return how many changed."""
    with open(src, encoding="utf-8") as fh:
        records = json.load(fh)
    # Validate everything before writing anything: a bad input must leave no half-done dst.
    if not isinstance(records, list):
        raise ValueError(f"expected a JSON array at the top level, found {type(records).__name__}")
    for i, record in enumerate(records):
        if not isinstance(record, dict):
            raise ValueError(f"entry {i} is not an object: {record!r}")
    changed = 0
    for record in records:
        if overwrite or key not in record:
            # A copy each, so a list or dict value is not one shared object in every record.
            record[key] = copy.deepcopy(value)
            changed += 1
    with open(dst, "w", encoding="utf-8") as fh:
        json.dump(records, fh, indent=2, ensure_ascii=False)
        fh.write("\n")
    return changed


def parse_value(text: str) -> Any:
    """'30' -> 30, 'true' -> True, '[1]' -> [1]; anything that isn't JSON stays a string."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: ``json_add_field.py SRC DST KEY VALUE [--overwrite]``."""
    parser = argparse.ArgumentParser(description="Add a key to every object of a JSON array.")
    parser.add_argument("src")
    parser.add_argument("dst")
    parser.add_argument("key")
    parser.add_argument("value", type=parse_value)
    parser.add_argument("--overwrite", action="store_true", help="replace existing values too")
    args = parser.parse_args(argv)
    try:
        changed = add_field(args.src, args.dst, args.key, args.value, overwrite=args.overwrite)
        with open(args.dst, encoding="utf-8") as fh:
            total = len(json.load(fh))
    except (OSError, ValueError) as exc:  # JSONDecodeError is a ValueError
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"updated {changed} of {total} entries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
