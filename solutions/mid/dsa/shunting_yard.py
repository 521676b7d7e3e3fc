"""Shunting-yard: infix text to Reverse Polish Notation, then RPN evaluated with a stack.

The parser tracks one bit of state, whether it expects an operand (a number, "(" or unary minus)
or an operator (a binary operator or ")"). That bit is what tells unary from binary minus, and
it turns every malformed input into a precise error at the token where the expectation fails.
"""

from __future__ import annotations

import operator
import re
from typing import Iterator


class ExpressionError(ValueError):
    """Malformed expression text; ``position`` is the index in the text where it goes wrong."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(f"{message} (at position {position})")
        self.position = position


_NUMBER = re.compile(r"[0-9]+(\.[0-9]+)?", re.ASCII)
_BINARY = {"+": 1, "-": 1, "*": 2, "/": 2, "^": 4}  # precedence; "neg" (unary minus) sits at 3
_NEG = 3


def _tokens(text: str) -> Iterator[tuple[str, int]]:
    """(token, position) pairs; numbers, operators and parentheses."""
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in " \t":
            i += 1
        elif ch in "+-*/^()":
            yield ch, i
            i += 1
        elif ch in "0123456789":  # not str.isdigit(): that accepts '²' and '٣'
            end = _NUMBER.match(text, i).end()
            if text.startswith(".", end):  # "5." or "5.x": the digits after the point are missing
                raise ExpressionError("expected a digit after the decimal point", end + 1)
            yield text[i:end], i
            i = end
        else:
            raise ExpressionError(f"unexpected character {ch!r}", i)


def _precedence(op: str) -> int:
    return _NEG if op == "neg" else _BINARY[op]


def to_rpn(text: str) -> list[str]:
    """The tokens of ``text`` in Reverse Polish Notation (unary minus as "neg")."""
    out: list[str] = []
    stack: list[tuple[str, int]] = []  # operators and "(" waiting, with their positions
    want_operand = True
    for token, pos in _tokens(text):
        if want_operand:
            if token == "(":
                stack.append((token, pos))
            elif token == "-":
                # A prefix operator has no left operand, so nothing on the stack can be popped yet.
                stack.append(("neg", pos))
            elif token in _BINARY or token == ")":
                raise ExpressionError(f"expected a number, '(' or '-', found {token!r}", pos)
            else:
                out.append(token)
                want_operand = False
        elif token == ")":
            while stack and stack[-1][0] != "(":
                out.append(stack.pop()[0])
            if not stack:
                raise ExpressionError("')' without a matching '('", pos)
            stack.pop()
        elif token in _BINARY:
            # Pop what binds tighter, and what binds as tightly when the new one is
            # left-associative; "^" is right-associative, so "2 ^ 3 ^ 2" keeps the first waiting.
            mine = _BINARY[token]
            while stack and stack[-1][0] != "(":
                top = _precedence(stack[-1][0])
                if top < mine or (top == mine and token == "^"):
                    break
                out.append(stack.pop()[0])
            stack.append((token, pos))
            want_operand = True
        else:  # a number or "(" right after an operand
            raise ExpressionError(f"expected an operator or ')', found {token!r}", pos)
    if want_operand:
        raise ExpressionError("the expression ends where a number was expected", len(text))
    while stack:
        token, pos = stack.pop()
        if token == "(":
            raise ExpressionError("'(' is never closed", pos)
        out.append(token)
    return out


def _power(base: float, exponent: float) -> float:
    if base < 0 and not exponent.is_integer():
        raise ValueError(f"{base} ^ {exponent} is not a real number")
    return base**exponent  # ZeroDivisionError for 0 ^ -1, OverflowError when too big


_APPLY = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv, "^": _power}


def eval_rpn(tokens: list[str]) -> float:
    """Evaluate RPN tokens with a stack of floats."""
    stack: list[float] = []
    for i, token in enumerate(tokens):
        if token in _APPLY:
            if len(stack) < 2:
                raise ValueError(f"token {i}: {token!r} needs two operands")
            right = stack.pop()  # the right operand is on top
            stack.append(_APPLY[token](stack.pop(), right))
        elif token == "neg":
            if not stack:
                raise ValueError(f"token {i}: 'neg' needs an operand")
            stack.append(-stack.pop())
        elif isinstance(token, str) and _NUMBER.fullmatch(token):
            stack.append(float(token))
        else:
            raise ValueError(f"token {i}: {token!r} is not a number or an operator")
    if len(stack) != 1:
        raise ValueError(f"RPN should leave exactly one value, it leaves {len(stack)}")
    return stack.pop()


def evaluate(text: str) -> float:
    """Evaluate an infix expression."""
    return eval_rpn(to_rpn(text))
