"""Raise a custom exception, `InvalidAgeError`, for invalid input, and handle it in `main()`.

    >>> parse_age("42")
    42
    >>> parse_age("forty")
    Traceback (most recent call last):
    ...
    InvalidAgeError: invalid age 'forty': not a whole number

    $ python invalid_age_error.py 42 200 7        # main(["42", "200", "7"]) returns 1
    ok: 42
    error: invalid age '200': must be between 0 and 150      <- on stderr
    ok: 7

`InvalidAgeError` is a subclass of ValueError, so callers that only know "bad value" can still
catch it, while callers that care can catch exactly this. Complete it:
- `InvalidAgeError(value, reason)` keeps `value` (the text that was rejected, exactly as given)
  and `reason` as attributes; `str(err)` is "invalid age VALUE: REASON", VALUE shown with repr().

`parse_age(text)` turns text into an int age:
- surrounding spaces are fine (" 42 " is 42, as int() allows);
- text int() cannot read ("forty", "4.5", "") raises InvalidAgeError(text, "not a whole number"),
  raised *from* the ValueError that int() raised (`raise ... from err`), so the cause is kept;
- an age outside 0..150 raises InvalidAgeError(text, "must be between 0 and 150");
- something that is not a string at all is a programming error, not bad input: TypeError.

`main(argv)` handles the exception: for each argument it prints "ok: AGE" to stdout, or
"error: MESSAGE" to stderr and carries on with the next one. It returns 0 if every argument was
valid and 1 otherwise; with no arguments it prints "usage: invalid_age_error AGE..." to stderr and
returns 2. Catch only InvalidAgeError: any other exception is a bug and must not be hidden.
"""

from __future__ import annotations

import sys


class InvalidAgeError(ValueError):
    """An age that is not a whole number in 0..150."""

    def __init__(self, value: str, reason: str) -> None:
        # TODO: keep value and reason; give super().__init__ the message
        raise NotImplementedError


def parse_age(text: str) -> int:
    """Return the age in ``text``; raise InvalidAgeError if it is not a valid age."""
    raise NotImplementedError


def main(argv: list[str] | None = None) -> int:
    """Check each age in ``argv`` (default: sys.argv[1:]); return 0, 1 or 2 as described above."""
    raise NotImplementedError


if __name__ == "__main__":
    sys.exit(main())
