"""Extract every email address from a text file with a regular expression."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

_LOCAL = r"[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*"    # dots only between other characters
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"   # no hyphen at either end
EMAIL_RE = re.compile(
    r"(?<![A-Za-z0-9._%+@-])"                # nothing address-like glued on the left
    rf"{_LOCAL}@(?:{_LABEL}\.)+[A-Za-z]{{2,}}"
    r"(?![A-Za-z0-9_@-]|\.[A-Za-z0-9])"     # ...or on the right (a final "." is punctuation)
)


def extract_emails(text: str) -> list[str]:
    """Every address in ``text``, once each, in order of first appearance."""
    seen: set[str] = set()
    found: list[str] = []
    for match in EMAIL_RE.finditer(text):
        address = match.group()
        key = address.lower()  # Bob@Example.org and bob@example.org are one address
        if key not in seen:
            seen.add(key)
            found.append(address)
    return found


def extract_emails_from_file(path: Path) -> list[str]:
    """Every address in the UTF-8 text file at ``path``."""
    # errors="replace": one bad byte should not hide every address in the file.
    # Addresses never span lines, so reading line by line would work too, for huge files.
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    return extract_emails(text)


def main(argv: list[str] | None = None) -> int:
    """Print the addresses in the file named on the command line; return the exit code."""
    parser = argparse.ArgumentParser(prog="extract-emails", description="Print the email addresses in a file.")
    parser.add_argument("file", type=Path)
    args = parser.parse_args(argv)
    try:
        addresses = extract_emails_from_file(args.file)
    except OSError as exc:
        print(f"error: cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    for address in addresses:
        print(address)
    return 0 if addresses else 1


if __name__ == "__main__":
    raise SystemExit(main())
