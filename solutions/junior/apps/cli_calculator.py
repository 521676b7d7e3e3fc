"""A command-line calculator: `python cli_calculator.py 2 + 3 x 4` prints 14."""

from __future__ import annotations

import argparse
import math
import sys

Number = int | float

OPERATORS = ("+", "-", "*", "x", "/")


def parse_number(token: str) -> Number:
    try:
        return int(token)
    except ValueError:
        pass
    try:
        value = float(token)
    except ValueError:
        raise ValueError(f"not a number or an operator: {token!r}") from None
    if not math.isfinite(value):  # float() happily accepts "inf" and "nan"
        raise ValueError(f"not a number: {token!r}")
    return value


def evaluate(tokens: list[str]) -> Number:
    """The value of an expression given as separate tokens, e.g. ["2", "+", "3", "x", "4"]."""
    if not tokens:
        raise ValueError("nothing to calculate")
    if tokens[0] in OPERATORS:
        raise ValueError("the expression starts with an operator")
    if tokens[-1] in OPERATORS:
        raise ValueError("the expression ends with an operator")
    # Even positions hold numbers, odd positions operators.
    numbers = []
    operators = []
    for i, token in enumerate(tokens):
        if i % 2 == 0:
            if token in OPERATORS:
                raise ValueError(f"two operators in a row: {tokens[i - 1]!r} {token!r}")
            numbers.append(parse_number(token))
        else:
            if token not in OPERATORS:
                parse_number(token)  # a bad token gets its own message...
                raise ValueError(f"two numbers in a row: {tokens[i - 1]!r} {token!r}")  # ...else this one
            operators.append(token)

    # Pass 1: * and / bind tighter, so fold them into the term they belong to.
    # Pass 2: add up the terms, each carrying the sign of the + or - before it.
    terms = [numbers[0]]
    for op, n in zip(operators, numbers[1:]):
        if op in ("*", "x"):
            terms[-1] = terms[-1] * n
        elif op == "/":
            if n == 0:
                raise ZeroDivisionError("cannot divide by zero")
            terms[-1] = terms[-1] / n
        elif op == "+":
            terms.append(n)
        else:
            terms.append(-n)
    result = terms[0]
    for t in terms[1:]:
        result = result + t
    return result


def format_result(x: Number, precision: int | None = None) -> str:
    """The text to print for ``x``."""
    if precision is not None:
        return f"{x:.{precision}f}"
    if isinstance(x, float) and x.is_integer():
        return str(int(x))
    return str(x)


def main(argv: list[str] | None = None) -> int:
    """``[--precision N] TOKEN...``: print the value; return the exit code."""
    parser = argparse.ArgumentParser(prog="calc", description="Evaluate an arithmetic expression.")
    parser.add_argument("--precision", type=int, help="decimal places to show")
    parser.add_argument("tokens", nargs="+", help="numbers and operators: + - x * /")
    args = parser.parse_args(argv)  # "-3" still counts as a number: argparse knows negatives
    if args.precision is not None and args.precision < 0:
        parser.error("--precision must not be negative")  # prints usage, SystemExit(2)
    try:
        value = evaluate(args.tokens)
    except ZeroDivisionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(format_result(value, args.precision))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
