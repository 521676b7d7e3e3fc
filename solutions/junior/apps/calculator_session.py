"""Simulate a pocket calculator: it reads lines like "12 + 3" and shows each result."""

from __future__ import annotations

import operator
import re
import sys
from typing import Iterable, Iterator

Number = int | float

OPERATIONS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}

# NUMBER OP NUMBER, where NUMBER is a signed decimal or the word "ans".
_OPERAND = r"[+-]?\d+(?:\.\d+)?|ans"
_LINE = re.compile(rf"\s*({_OPERAND})\s*([-+*/])\s*({_OPERAND})\s*", re.IGNORECASE)

QUIT_WORDS = {"quit", "exit"}


def calculate(a: Number, op: str, b: Number) -> Number:
    """Return ``a op b`` for op in + - * /."""
    try:
        func = OPERATIONS[op]
    except KeyError:
        raise ValueError(f"unknown operator: {op!r}") from None
    if op == "/" and b == 0:
        raise ZeroDivisionError("cannot divide by zero")
    return func(a, b)


def _operand(token: str, ans: Number) -> Number:
    if token.lower() == "ans":
        return ans
    return float(token) if "." in token else int(token)


def parse_line(line: str, ans: Number = 0) -> tuple[Number, str, Number]:
    """Split ``"12 + 3"`` into ``(12, "+", 3)``; "ans" stands for ``ans``."""
    match = _LINE.fullmatch(line)
    if match is None:
        raise ValueError(f"expected NUMBER OPERATOR NUMBER, got {line.strip()!r}")
    left, op, right = match.groups()
    return _operand(left, ans), op, _operand(right, ans)


def format_number(x: Number) -> str:
    """The calculator's display for ``x``."""
    if isinstance(x, int):
        return str(x)
    text = f"{x:.10g}"  # 10 significant digits, trailing zeros dropped
    return "0" if text == "-0" else text


def session(lines: Iterable[str]) -> Iterator[str]:
    """Yield the calculator's output for each input line, until "quit" or "exit"."""
    ans: Number = 0
    for line in lines:  # one line at a time: never read ahead of the user
        line = line.strip()
        if not line:
            continue
        if line.lower() in QUIT_WORDS:
            return
        try:
            result = calculate(*parse_line(line, ans))
        except (ValueError, ZeroDivisionError) as exc:
            yield f"error: {exc}"
        else:
            ans = result
            yield format_number(result)


def main(argv: list[str] | None = None) -> int:
    """Run the calculator on standard input; 0 if every line worked, else 1."""
    ok = True
    for out in session(sys.stdin):
        print(out, flush=True)
        ok = ok and not out.startswith("error:")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
