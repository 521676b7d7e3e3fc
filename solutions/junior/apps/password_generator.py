"""Generate strong random passwords with the `secrets` module, as a function and a CLI tool."""

from __future__ import annotations

import argparse
import secrets
import string
import sys

LOWERCASE = string.ascii_lowercase
UPPERCASE = string.ascii_uppercase
DIGITS = string.digits
SYMBOLS = "!#$%&*+-.:;=?@^_~"

# One shared, OS-backed generator: secrets has choice() but no shuffle(), SystemRandom has both.
_rng = secrets.SystemRandom()


def generate_password(length: int = 16, *, lowercase: bool = True, uppercase: bool = True,
                      digits: bool = True, symbols: bool = True) -> str:
    """A random password of ``length`` characters with one of each enabled class at least."""
    if not isinstance(length, int) or isinstance(length, bool):
        raise TypeError(f"length must be an int, not {type(length).__name__}")
    classes = [chars for chars, wanted in
               [(LOWERCASE, lowercase), (UPPERCASE, uppercase), (DIGITS, digits), (SYMBOLS, symbols)]
               if wanted]
    if not classes:
        raise ValueError("enable at least one kind of character")
    if length < len(classes):
        raise ValueError(f"a password with {len(classes)} kinds of character needs length >= {len(classes)}")

    alphabet = "".join(classes)
    # One guaranteed character from each class, the rest from everything...
    chars = [secrets.choice(chars) for chars in classes]
    chars += [secrets.choice(alphabet) for _ in range(length - len(classes))]
    # ...then shuffle, or the guaranteed ones would always sit at the front.
    _rng.shuffle(chars)
    return "".join(chars)


def main(argv: list[str] | None = None) -> int:
    """Print passwords as the command line asks; return the exit code."""
    parser = argparse.ArgumentParser(prog="passgen", description="Generate random passwords.")
    parser.add_argument("length", nargs="?", type=int, default=16)
    parser.add_argument("-n", "--count", type=int, default=1, help="how many passwords")
    for kind in ("lowercase", "uppercase", "digits", "symbols"):
        parser.add_argument(f"--no-{kind}", dest=kind, action="store_false", help=f"no {kind}")
    args = parser.parse_args(argv)
    if args.count < 1:
        print("error: --count must be at least 1", file=sys.stderr)
        return 2
    try:
        passwords = [generate_password(args.length, lowercase=args.lowercase, uppercase=args.uppercase,
                                       digits=args.digits, symbols=args.symbols)
                     for _ in range(args.count)]
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print("\n".join(passwords))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
