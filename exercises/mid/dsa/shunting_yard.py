"""Evaluate arithmetic like "3 + (2 * 4) / 2" with two stacks: Dijkstra's shunting-yard turns the
text into Reverse Polish Notation, and one stack evaluates that.

    >>> to_rpn("3 + (2 * 4) / 2")
    ['3', '2', '4', '*', '2', '/', '+']
    >>> eval_rpn(['3', '2', '4', '*', '2', '/', '+'])
    7.0
    >>> evaluate("2 ^ 3 ^ 2"), evaluate("-2 ^ 2"), evaluate("2 ^ -1")
    (512.0, -4.0, 0.5)
    >>> to_rpn("3 + * 4")
    Traceback (most recent call last):
    ExpressionError: expected a number, '(' or '-', found '*' (at position 4)

The language:

- Numbers: ASCII digits 0-9, optionally a decimal point followed by more digits (``7``, ``2.5``,
  ``007``). ``.5``, ``5.`` and ``1e3`` are not numbers; neither are other scripts' digits (``٣``).
- Binary operators ``+ - * / ^`` and parentheses. Spaces and tabs may go anywhere between tokens.
- Precedence, loosest first: ``+ -``, then ``* /`` (all four left-associative: ``8 - 3 - 2``
  is ``(8 - 3) - 2``), then unary minus, then ``^`` (right-associative: ``2 ^ 3 ^ 2`` is
  ``2 ^ (3 ^ 2)``). As in Python's ``**``: ``-2 ^ 2`` is ``-(2 ^ 2)``, and ``2 ^ -1`` is fine.
- A ``-`` where a number is expected (at the start, after ``(`` or after an operator) is unary
  minus: ``--3``, ``2 * -3`` and ``-(1 + 2)`` are all valid. There is no unary plus.

``to_rpn(text)`` returns the tokens in RPN as a list of str: numbers exactly as written, the
operators as themselves, and unary minus as ``"neg"``; parentheses never appear.

``eval_rpn(tokens)`` evaluates such a list with a stack, in floats, and returns a float. ``/`` by
zero (and ``0 ^ -1``) raises ZeroDivisionError, a result too big for a float (``10 ^ 400``)
OverflowError, and a negative number to a fractional power (``(-8) ^ 0.5``, which is not a real
number) ValueError. A list that is not valid RPN (an operator without enough operands, operands
left over, nothing at all, a token that is not one of the above) raises ValueError.

``evaluate(text)`` is the two together.

Malformed text raises ``ExpressionError`` (a ValueError, defined below) from ``to_rpn``, with the
0-based ``position`` in ``text`` of the first character where the problem is found: an unexpected
character or token, an unmatched ``)``, the ``(`` that is never closed, or ``len(text)`` when the
text ends where more was needed (``"3 +"``, ``"2."``, ``""``). ExpressionError ends its message in
"(at position N)" for you: make the rest say what was expected.

Don't hand the work to Python's own parser: no eval(), exec(), compile() or the ast module.
"""

from __future__ import annotations


class ExpressionError(ValueError):
    """Malformed expression text; ``position`` is the index in the text where it goes wrong."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(f"{message} (at position {position})")
        self.position = position


def to_rpn(text: str) -> list[str]:
    """The tokens of ``text`` in Reverse Polish Notation (unary minus as "neg")."""
    # TODO: tokenize, then shunting-yard: an output list and a stack of operators and '('.
    raise NotImplementedError


def eval_rpn(tokens: list[str]) -> float:
    """Evaluate RPN tokens with a stack of floats."""
    raise NotImplementedError


def evaluate(text: str) -> float:
    """Evaluate an infix expression."""
    raise NotImplementedError
