"""Evaluate the arithmetic a user types without eval(): parse it with ast, allow a whitelist, set limits.

eval() is never safe on user input, not even with empty builtins:
().__class__.__base__.__subclasses__() walks from a tuple to every class in the process, os
among them. And even pure arithmetic can take the server down: 9**9**9 has 370 million digits,
'a'*10**10 wants ten gigabytes. So parse with ast.parse(text, mode="eval"), refuse every node
that is not on the whitelist, and evaluate the tree yourself, refusing anything too big before
computing it.

    >>> safe_eval("2 * (3 + 4) ** 2")
    98
    >>> safe_eval("max(a, b) / 2", {"a": 3, "b": 5})
    2.5
    >>> safe_eval("().__class__")
    Traceback (most recent call last):
    UnsafeExpression: Attribute is not allowed

What is allowed (everything else raises UnsafeExpression, a ValueError):
- constants: int, float, str, True and False (not None, bytes, complex numbers or ...)
- variables from the ``variables`` mapping, and calls of the five functions in FUNCTIONS, by
  name and with positional arguments only (a bare `abs`, a keyword or *args is refused)
- binary + - * / // % **, unary + - not, comparisons < <= > >= == != (chained, as Python does:
  1 < x < 3 evaluates x once and stops at the first false one), `and`/`or` (short-circuit,
  returning an operand as Python does), and `x if condition else y` (only one branch runs)
- names starting with "_" are refused outright. The whole tree is checked before any of it is
  evaluated: `1 if True else __import__("os")` is refused although that branch would not run.
Within that, every result is exactly Python's: the same value and type, and the same error for
1/0 (ZeroDivisionError), "a" + 1 (TypeError), an unknown name (NameError), sqrt(-1)
(ValueError), 2.0 ** 5000 (OverflowError). Text that is not one expression is a SyntaxError.
Leading and trailing whitespace is ignored.

Limits (UnsafeExpression, raised before the expensive work is done):
- MAX_LENGTH: the text, as given, is at most 1000 characters.
- MAX_NODES: at most 200 expression nodes (instances of ast.expr) in the tree.
- MAX_DEPTH: expression nodes nest at most 32 deep: `1` has depth 1, `-1` depth 2, `(1 + 2) * 3`
  depth 3 (parentheses are not nodes).
- MAX_INT_BITS: no int result is wider than 4096 bits: 2**4095 is fine, 2**4096 is not, and
  9**9**9 is refused at once, without trying. A huge exponent is fine when the result is small:
  (-1) ** 10**100 is 1.
- MAX_STR_LENGTH: no string result is longer than 10,000 characters: "ab" * 5000 is fine,
  "ab" * 5001 is not, and "a" * 10**10 is refused at once.
- `%` with a str on the left (printf formatting: "%0999999999d" % 1 is a gigabyte) is refused.
- round(x, ndigits) with abs(ndigits) > MAX_NDIGITS (100) is refused: round(1, -10**9)
  computes 10**1000000000 inside.

``variables`` maps names to int, float, str or bool values (another type is a TypeError); a name
that is not an identifier, starts with "_" or is one of FUNCTIONS is a ValueError.
"""

from __future__ import annotations

import ast
import math
from typing import Mapping

MAX_LENGTH = 1000
MAX_NODES = 200
MAX_DEPTH = 32
MAX_INT_BITS = 4096
MAX_STR_LENGTH = 10_000
MAX_NDIGITS = 100

FUNCTIONS = {"abs": abs, "min": min, "max": max, "round": round, "sqrt": math.sqrt}

Value = int | float | str | bool


class UnsafeExpression(ValueError):
    """The expression uses something outside the whitelist, or breaks a limit."""


def safe_eval(expression: str, variables: Mapping[str, Value] | None = None) -> Value:
    """Evaluate ``expression`` with the whitelist and limits above."""
    raise NotImplementedError
