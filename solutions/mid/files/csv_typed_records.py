"""Read a CSV file from anywhere into typed records, and report every bad row by its line number."""

from __future__ import annotations

import argparse
import csv
import datetime
import decimal
import json
import os
import sys
from dataclasses import dataclass
from typing import Any, Callable, Mapping

SAMPLE_CHARS = 64 * 1024  # how much of the file the Sniffer looks at
DELIMITERS = ",;\t"
TRUE_WORDS = {"true", "yes", "1"}
FALSE_WORDS = {"false", "no", "0"}


@dataclass(frozen=True)
class RowError:
    """One problem in the file: the line its record starts on, the column (None for the whole
    row) and what is wrong."""

    line: int
    column: str | None
    message: str


def parse_bool(text: str) -> bool:
    word = text.lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError("expected true/yes/1 or false/no/0")


def sniff_delimiter(sample: str) -> str:
    """The delimiter the Sniffer sees in ``sample``, or a comma when it cannot tell."""
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:  # one column: there is no delimiter to see
        return ","


def convert(converter: Callable[[str], Any], field: str) -> Any:
    """One field converted: None when blank; ValueError/ArithmeticError when it is bad data."""
    if converter is str:
        return field
    text = field.strip()
    if not text:
        return None
    if converter is bool:
        return parse_bool(text)
    return converter(text)


def read_records(path: str | os.PathLike, schema: Mapping[str, Callable[[str], Any]],
                 ) -> tuple[list[dict[str, Any]], list[RowError]]:
    """Read the CSV file at ``path``; return (the good rows converted per ``schema``, the errors)."""
    rows: list[dict[str, Any]] = []
    errors: list[RowError] = []
    # utf-8-sig drops a BOM if there is one; newline="" lets csv see quoted newlines as they are
    with open(path, newline="", encoding="utf-8-sig") as f:
        delimiter = sniff_delimiter(f.read(SAMPLE_CHARS))
        f.seek(0)
        # only the delimiter comes from the Sniffer; the quoting rules are the standard ones
        reader = csv.reader(f, delimiter=delimiter)
        header = None
        lines_read = 0  # reader.line_num after the previous record: the next one starts below it
        for fields in reader:
            start, lines_read = lines_read + 1, reader.line_num
            if not fields:  # a blank line
                continue
            if header is None:
                header = fields
                if len(set(header)) != len(header):
                    raise ValueError("the header names a column more than once: "
                                     + ", ".join(sorted({name for name in header if header.count(name) > 1})))
                missing = [name for name in schema if name not in header]
                if missing:
                    raise ValueError(f"the header has no column {', '.join(map(repr, missing))}")
                converters = [schema.get(name, str) for name in header]
                continue
            if len(fields) != len(header):
                errors.append(RowError(start, None, f"expected {len(header)} fields, got {len(fields)}"))
                continue
            row: dict[str, Any] = {}
            bad = False
            for name, converter, field in zip(header, converters, fields):
                try:
                    row[name] = convert(converter, field)
                except (ValueError, ArithmeticError) as exc:
                    errors.append(RowError(start, name, f"bad value {field!r}: {exc}"))
                    bad = True  # keep going: every bad field of the row is reported
            if not bad:
                rows.append(row)
    return rows, errors


TYPES: dict[str, Callable[[str], Any]] = {
    "int": int, "float": float, "decimal": decimal.Decimal, "bool": bool,
    "date": datetime.date.fromisoformat, "str": str,
}


def column_type(text: str) -> tuple[str, Callable[[str], Any]]:
    """argparse type for COLUMN=TYPE."""
    name, sep, kind = text.partition("=")
    if not sep or not name or kind not in TYPES:
        raise argparse.ArgumentTypeError(f"{text!r} is not COLUMN=TYPE with TYPE one of {', '.join(TYPES)}")
    return name, TYPES[kind]


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: ``csv_typed_records.py FILE [COLUMN=TYPE ...]``."""
    parser = argparse.ArgumentParser(description="Read a CSV file into typed JSON records.")
    parser.add_argument("file")
    parser.add_argument("columns", nargs="*", type=column_type, metavar="COLUMN=TYPE")
    args = parser.parse_args(argv)
    try:
        rows, errors = read_records(args.file, dict(args.columns))
    except (OSError, ValueError) as exc:
        print(f"{args.file}: {exc}", file=sys.stderr)
        return 1
    for row in rows:
        print(json.dumps(row, ensure_ascii=False, default=str))
    for error in errors:
        where = f"{args.file}:{error.line}:" + (f" {error.column}:" if error.column is not None else "")
        print(f"{where} {error.message}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
