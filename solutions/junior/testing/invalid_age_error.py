"""Raise a custom exception, `InvalidAgeError`, for invalid input, and handle it in `main()`."""

from __future__ import annotations

import sys

MIN_AGE, MAX_AGE = 0, 150


class InvalidAgeError(ValueError):
    """An age that is not a whole number in 0..150."""

    def __init__(self, value: str, reason: str) -> None:
        super().__init__(f"invalid age {value!r}: {reason}")  # what str(err) shows
        self.value = value
        self.reason = reason


def parse_age(text: str) -> int:
    if not isinstance(text, str):
        # a caller passing the wrong type is a bug in the program, not bad input
        raise TypeError(f"parse_age() needs a str, not {type(text).__name__}")
    try:
        age = int(text)
    except ValueError as err:
        # `from err` keeps int()'s error as __cause__, shown in the traceback as the reason
        raise InvalidAgeError(text, "not a whole number") from err
    if not MIN_AGE <= age <= MAX_AGE:
        raise InvalidAgeError(text, f"must be between {MIN_AGE} and {MAX_AGE}")
    return age


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: invalid_age_error AGE...", file=sys.stderr)
        return 2
    status = 0
    for text in args:
        try:
            age = parse_age(text)
        except InvalidAgeError as err:  # only the error we expect; anything else is a real bug
            print(f"error: {err}", file=sys.stderr)
            status = 1
        else:
            print(f"ok: {age}")
    return status


if __name__ == "__main__":
    sys.exit(main())
