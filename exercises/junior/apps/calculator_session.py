"""Simulate a pocket calculator: it reads lines like "12 + 3" and shows each result.

    >>> calculate(7, "/", 2)
    3.5
    >>> list(session(["2 * 21", "ans - 2", "1 / 0", "", "quit", "5 + 5"]))
    ['42', '40', 'error: cannot divide by zero']

The pieces:
- calculate(a, op, b) does one operation: "+", "-", "*" or "/". It returns what Python's
  own operator gives (so 2 + 3 is the int 5 and 6 / 2 is the float 3.0). Dividing by zero
  raises ZeroDivisionError("cannot divide by zero"); any other operator raises ValueError.
- parse_line(line, ans) turns "NUMBER OP NUMBER" into a tuple. Spaces are optional
  ("3-2", " 7 /2 "); a number is an optional sign and digits with an optional decimal part
  ("42", "-7", "3.25"), an int if it has no ".", else a float. The word "ans" (any case)
  stands for the previous result. Anything else ("2 +", "two + 3", "1 + 2 + 3") raises
  ValueError with a message saying what is wrong.
- format_number(x) is what the display shows: ints as they are, floats with at most 10
  significant digits and no trailing zeros ("3", "0.3333333333", "1e+20"), and never "-0".
- session(lines) is the calculator itself. It yields one output line per input line, as
  soon as that line is computed (so it works interactively): the formatted result, or
  "error: " plus the error's message. Blank lines are skipped; "quit" or "exit" (any case)
  switches the calculator off: it must not read any line after that. `ans` starts at 0 and
  is the last successful result (an error leaves it unchanged).
- main(argv) runs the session on standard input, printing each output line, and returns 0
  if every line worked, 1 if any line was an error.
"""

from __future__ import annotations

from typing import Iterable, Iterator

Number = int | float


def calculate(a: Number, op: str, b: Number) -> Number:
    """Return ``a op b`` for op in + - * /."""
    # TODO
    raise NotImplementedError


def parse_line(line: str, ans: Number = 0) -> tuple[Number, str, Number]:
    """Split ``"12 + 3"`` into ``(12, "+", 3)``; "ans" stands for ``ans``."""
    # TODO: a regular expression with three groups is one good way.
    raise NotImplementedError


def format_number(x: Number) -> str:
    """The calculator's display for ``x``."""
    # TODO
    raise NotImplementedError


def session(lines: Iterable[str]) -> Iterator[str]:
    """Yield the calculator's output for each input line, until "quit" or "exit"."""
    # TODO: a generator (a function that uses `yield`).
    raise NotImplementedError


def main(argv: list[str] | None = None) -> int:
    """Run the calculator on standard input; 0 if every line worked, else 1."""
    # TODO
    raise NotImplementedError


if __name__ == "__main__":
    raise SystemExit(main())
