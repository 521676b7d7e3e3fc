"""Build big strings and byte strings in linear time, and show the difference: a CSV renderer, a
length-prefixed binary encoder, and two ways to concatenate text, one quadratic and one linear."""

from __future__ import annotations

import re
from typing import Iterable, Sequence

_NEEDS_QUOTES = re.compile(r'[,"\r\n]')


def _field(value: object) -> str:
    text = str(value)
    if _NEEDS_QUOTES.search(text):
        return '"' + text.replace('"', '""') + '"'
    return text


def render_csv(rows: Iterable[Sequence[object]]) -> str:
    """The CSV text of ``rows``, quoting fields that need it; linear time, no csv module."""
    # Collect the pieces and join once at the end: join measures the total length first and
    # copies each character exactly once.
    lines = [",".join(_field(value) for value in row) + "\n" for row in rows]
    return "".join(lines)


def render_bytes(records: Iterable[bytes]) -> bytes:
    """Each record as a 4-byte big-endian length and its bytes, all concatenated."""
    # bytearray is the mutable byte string: += extends it in place (amortised O(1) per byte),
    # where bytes += would copy everything written so far every time.
    out = bytearray()
    for record in records:
        if len(record) >= 2**32:
            raise ValueError(f"a record of {len(record)} bytes does not fit a 4-byte length")
        out += len(record).to_bytes(4, "big")
        out += record
    return bytes(out)


def slow_concat(parts: list[str]) -> str:
    """``"".join(parts)``, built by copying the text so far at every step: O(n²) on purpose."""
    # Prepending can never be done in place: every step builds a new string of len(text) +
    # len(part) characters. (text += part on a local is resized in place by CPython, a trick no
    # code should rely on.)
    text = ""
    for part in reversed(parts):
        text = part + text
    return text


def fast_concat(parts: list[str]) -> str:
    """``"".join(parts)`` in O(n)."""
    return "".join(parts)
