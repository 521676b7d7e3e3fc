"""Find the first bracket error in a small language, with its exact position.

One pass over the text with an explicit stack of the brackets still open. Strings and
comments are skipped as a whole, so nothing inside them is ever seen as a bracket.
"""

from __future__ import annotations

from typing import NamedTuple


class BracketError(NamedTuple):
    """What went wrong, and where: index is 0-based; line and col are 1-based."""

    kind: str  # "unmatched", "mismatched", "unterminated" or "unclosed"
    index: int
    line: int
    col: int


OPENER_OF = {")": "(", "]": "[", "}": "{"}
OPENERS = frozenset(OPENER_OF.values())
QUOTES = frozenset("\"'")


def find_bracket_error(src: str) -> BracketError | None:
    """The first bracket error in ``src``, or None if there is none."""
    open_at: list[int] = []  # indexes of the brackets still open, innermost last
    i, n = 0, len(src)
    while i < n:
        ch = src[i]
        if ch in OPENERS:
            open_at.append(i)
        elif ch in OPENER_OF:
            if not open_at:
                return _error("unmatched", src, i)
            if src[open_at[-1]] != OPENER_OF[ch]:
                return _error("mismatched", src, i)
            open_at.pop()
        elif ch == "#":
            end = src.find("\n", i)  # the comment runs to the end of the line
            if end < 0:
                break
            i = end  # the newline itself is ordinary text
        elif ch in QUOTES:
            end = _string_end(src, i)
            if end is None:
                return _error("unterminated", src, i)
            i = end
        i += 1
    if open_at:
        # only now is it known that nothing closes them; the innermost should have closed first
        return _error("unclosed", src, open_at[-1])
    return None


def _string_end(src: str, start: int) -> int | None:
    """The index of the quote closing the string that opens at ``start``, or None if the line
    (or the text) ends first."""
    quote = src[start]
    escaped = False
    for i in range(start + 1, len(src)):
        ch = src[i]
        if ch == "\n":
            return None  # even a backslash doesn't carry a string over to the next line
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == quote:
            return i
    return None


def _error(kind: str, src: str, index: int) -> BracketError:
    """Only an error needs a line and column, so they are counted here, once."""
    line_start = src.rfind("\n", 0, index) + 1  # 0 on the first line (rfind gives -1)
    return BracketError(kind, index, src.count("\n", 0, index) + 1, index - line_start + 1)
