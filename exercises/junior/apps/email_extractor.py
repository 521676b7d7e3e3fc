"""Extract every email address from a text file with a regular expression.

    >>> extract_emails("Write to Ann.Lee+news@mail.example.co.uk, or (bob@example.org).")
    ['Ann.Lee+news@mail.example.co.uk', 'bob@example.org']
    >>> extract_emails("Bob@Example.org, bob@example.org; not john..doe@example.com or x@localhost")
    ['Bob@Example.org']

What counts as an address (a practical rule, not all of RFC 5322):
- the local part (before the @) is ASCII letters, digits and . _ % + - ; it does not start
  or end with a dot and has no two dots in a row;
- the domain (after the @) is two or more labels joined by single dots; a label is ASCII
  letters, digits and hyphens and does not start or end with a hyphen; the last label (the
  top-level domain) is two or more letters;
- an address stands on its own: the character just before it is not an address character
  (a letter, digit, one of . _ % + - or @), and the character just after it is not a
  letter, digit, _, - or @, nor a dot followed by a letter or digit. So punctuation
  around an address is not part of it ("(bob@example.org)." gives bob@example.org), but a
  broken address such as john..doe@example.com gives nothing at all, not doe@example.com.

The result lists each address once, in the order it first appears. Addresses that differ
only in upper/lower case are the same address: keep the spelling seen first.

extract_emails_from_file(path) does the same for a UTF-8 text file; a stray byte that is
not UTF-8 must not crash it.

main(argv) takes one FILE and prints the addresses, one per line. Like grep, it returns 0
if it found any, 1 if it found none, and 2 (with "error: ..." on stderr) if the file
cannot be read.
"""

from __future__ import annotations

import re
from pathlib import Path

# TODO: EMAIL_RE = re.compile(r"...")


def extract_emails(text: str) -> list[str]:
    """Every address in ``text``, once each, in order of first appearance."""
    # TODO
    raise NotImplementedError


def extract_emails_from_file(path: Path) -> list[str]:
    """Every address in the UTF-8 text file at ``path``."""
    # TODO
    raise NotImplementedError


def main(argv: list[str] | None = None) -> int:
    """Print the addresses in the file named on the command line; return the exit code."""
    # TODO
    raise NotImplementedError


if __name__ == "__main__":
    raise SystemExit(main())
