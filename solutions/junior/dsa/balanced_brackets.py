"""Check whether the brackets in a string are balanced."""

from __future__ import annotations

# Which opening bracket each closing bracket needs.
PAIRS = {")": "(", "]": "[", "}": "{"}
OPENING = frozenset(PAIRS.values())


def is_balanced(text: str) -> bool:
    """Return True if the (), [] and {} brackets in ``text`` are balanced."""
    stack: list[str] = []  # the brackets opened and not yet closed, innermost last
    for ch in text:
        if ch in OPENING:
            stack.append(ch)
        elif ch in PAIRS:
            # A closer must match the most recently opened bracket; with nothing open, it can't.
            if not stack or stack.pop() != PAIRS[ch]:
                return False
        # anything else is not a bracket: ignore it
    return not stack  # brackets still open at the end are unbalanced too
