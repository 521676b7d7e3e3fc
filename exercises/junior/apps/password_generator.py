"""Generate strong random passwords with the `secrets` module, as a function and a CLI tool.

    >>> pw = generate_password(16)
    >>> len(pw), any(c.isdigit() for c in pw)
    (16, True)

    $ python password_generator.py 20 --no-symbols -n 3
    (three 20-character passwords, one per line)

generate_password(length, *, lowercase=True, uppercase=True, digits=True, symbols=True):
- returns exactly `length` characters, each from an enabled class (the constants below);
- has at least one character of every enabled class;
- every password that meets these rules is possible (characters may repeat), and every
  position is equally random: the guaranteed digit must not always come first;
- uses `secrets`, never `random`: the `random` module's generator is predictable, so its
  passwords can be guessed. Importing `random` anywhere in this file fails the check.
- raises TypeError if length is not an int, ValueError if no class is enabled or if length is
  too short to hold one character of every enabled class.

main(argv) takes `[LENGTH] [-n COUNT] [--no-lowercase] [--no-uppercase] [--no-digits]
[--no-symbols]` (LENGTH defaults to 16, COUNT to 1), prints COUNT passwords one per line and
returns 0. Impossible requests (length too short, COUNT below 1, every class switched off)
print "error: ..." to stderr and return 2 (argparse's own SystemExit(2) is fine too).
"""

from __future__ import annotations

import string

LOWERCASE = string.ascii_lowercase
UPPERCASE = string.ascii_uppercase
DIGITS = string.digits
SYMBOLS = "!#$%&*+-.:;=?@^_~"


def generate_password(length: int = 16, *, lowercase: bool = True, uppercase: bool = True,
                      digits: bool = True, symbols: bool = True) -> str:
    """A random password of ``length`` characters with one of each enabled class at least."""
    # TODO
    raise NotImplementedError


def main(argv: list[str] | None = None) -> int:
    """Print passwords as the command line asks; return the exit code."""
    # TODO
    raise NotImplementedError


if __name__ == "__main__":
    raise SystemExit(main())
