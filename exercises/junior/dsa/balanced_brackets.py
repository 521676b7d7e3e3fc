"""Check whether the brackets in a string are balanced.

    >>> is_balanced("{[()()]}")
    True
    >>> is_balanced("([)]")
    False
    >>> is_balanced("print(xs[0])")
    True

Three kinds of bracket count: (), [] and {}. The string is balanced when every opening bracket
is closed by a closing bracket of the same kind, in the right order (the last one opened is the
first one closed), and no bracket is closed that was not opened. Every other character is
ignored, so a string without brackets (or an empty one) is balanced.

Counting is not enough: "([)]" has one of each but is not balanced. Strings can be long and
deeply nested (100,000 levels): a loop handles that, recursion would not.
"""

from __future__ import annotations


def is_balanced(text: str) -> bool:
    """Return True if the (), [] and {} brackets in ``text`` are balanced."""
    # TODO: push opening brackets on a stack; a closing bracket must match the top of the stack.
    raise NotImplementedError
