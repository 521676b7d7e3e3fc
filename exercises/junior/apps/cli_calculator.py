"""A command-line calculator: `python cli_calculator.py 2 + 3 x 4` prints 14.

    $ python cli_calculator.py 2 + 3 x 4
    14
    $ python cli_calculator.py 7 / 2
    3.5
    $ python cli_calculator.py --precision 2 10 / 3
    3.33
    $ python cli_calculator.py 1 / 0
    error: cannot divide by zero                  <- on stderr, exit code 1
    $ python cli_calculator.py 2 +
    error: the expression ends with an operator   <- on stderr, exit code 2

Each number and each operator is its own command-line argument. The operators are + - * /
and also x for multiplication, because a shell turns a bare * into a list of file names.
Multiplication and division come before addition and subtraction, and operators of the same
level work left to right: 8 / 2 / 2 is 2.0 and 10 - 2 - 3 is 5, as in Python.

evaluate(tokens) computes the value:
- a number is what int() accepts ("12", "-3"), giving an int, or else what float() accepts
  ("2.5", "1e3"), giving a float; but "inf" and "nan" are not numbers here;
- the result has Python's type: int arithmetic stays int, "/" gives a float;
- ValueError (with a message saying what is wrong) for an empty expression, a token that is
  neither a number nor an operator, two numbers or two operators in a row, or an expression
  that starts or ends with an operator;
- ZeroDivisionError("cannot divide by zero") when dividing by zero.

format_result(x, precision) is the printed text: with precision=None an int as it is, a
float that is a whole number without ".0" ("3"), any other float as Python shows it
("3.5"); with a precision, exactly that many decimal places ("3.33", "14.00").

main(argv) prints the result and returns 0; on an error it prints "error: ..." to stderr and
returns 1 for a division by zero, 2 for a bad expression or bad options (argparse's own
SystemExit(2) is fine). A negative --precision is a bad option.
"""

from __future__ import annotations

Number = int | float

OPERATORS = ("+", "-", "*", "x", "/")


def evaluate(tokens: list[str]) -> Number:
    """The value of an expression given as separate tokens, e.g. ["2", "+", "3", "x", "4"]."""
    # TODO: first turn the tokens into numbers and operators, checking that they alternate.
    raise NotImplementedError


def format_result(x: Number, precision: int | None = None) -> str:
    """The text to print for ``x``."""
    # TODO
    raise NotImplementedError


def main(argv: list[str] | None = None) -> int:
    """``[--precision N] TOKEN...``: print the value; return the exit code."""
    # TODO
    raise NotImplementedError


if __name__ == "__main__":
    raise SystemExit(main())
