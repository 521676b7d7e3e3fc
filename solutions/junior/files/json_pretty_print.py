"""Read a JSON file and pretty-print it: indented, one item per line, readable."""

from __future__ import annotations

import argparse
import json
import os
import sys


def pretty_json(path: str | os.PathLike, indent: int = 2, sort_keys: bool = False) -> str:
    """Print the JSON file's data indented; return the printed text."""
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)  # raises json.JSONDecodeError for invalid (or empty) input
    # ensure_ascii=False keeps 'café' readable instead of escaping it to 'caf\u00e9'.
    text = json.dumps(data, indent=indent, sort_keys=sort_keys, ensure_ascii=False)
    print(text)
    return text


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: ``json_pretty_print.py [--indent N] [--sort-keys] FILE``."""
    parser = argparse.ArgumentParser(description="Pretty-print a JSON file.")
    parser.add_argument("file")
    parser.add_argument("--indent", type=int, default=2, help="spaces per level (default 2)")
    parser.add_argument("--sort-keys", action="store_true", help="sort the keys of every object")
    args = parser.parse_args(argv)
    try:
        pretty_json(args.file, indent=args.indent, sort_keys=args.sort_keys)
    except json.JSONDecodeError as exc:
        print(f"error: {args.file}: line {exc.lineno}, column {exc.colno}: {exc.msg}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
