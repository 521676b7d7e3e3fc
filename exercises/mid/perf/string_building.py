'''Build big strings and byte strings in linear time, and show the difference: a CSV renderer, a
length-prefixed binary encoder, and two ways to concatenate text, one quadratic and one linear.

Strings and bytes are immutable: ``s = s + part`` copies everything built so far into a new
object, so n steps copy O(n²) characters. ``"".join(parts)``, ``io.StringIO`` and ``bytearray``
grow in place or in one go: O(n). (CPython sometimes turns ``s += part`` on a local ``str`` variable
into an in-place resize, so that one can look fast; the trick is CPython's alone, and it is lost
as soon as the string is also held elsewhere, is an attribute, or is ``bytes``.)

    >>> render_csv([["name", "note"], ["Ada", "likes, commas"], ["Bob", 'says "hi"']])
    'name,note\\nAda,"likes, commas"\\nBob,"says ""hi"""\\n'
    >>> render_bytes([b"hi", b""])
    b'\\x00\\x00\\x00\\x02hi\\x00\\x00\\x00\\x00'
    >>> slow_concat(["ab", "c", "d"]) == fast_concat(["ab", "c", "d"]) == "abcd"
    True

- ``render_csv(rows)``: ``rows`` is an iterable of rows, each a sequence of fields; a field is
  written as ``str(field)``. Fields are separated by ``,`` and every row ends with ``\\n``. A
  field containing a comma, a double quote, ``\\n`` or ``\\r`` is wrapped in double quotes, with
  each double quote inside doubled. No rows give ``""``; a row with no fields is an empty line.
  Build the text yourself: no ``csv`` module. Linear: 100,000 rows take well under a second.
- ``render_bytes(records)``: each record (a ``bytes``) as its length in 4 bytes, big-endian,
  followed by the record itself, all in one ``bytes`` object. ValueError for a record of 2**32
  bytes or more. Linear: 300,000 records take well under a second.
- ``slow_concat(parts)``: the same text as ``"".join(parts)``, built the slow way on purpose: each
  step copies everything built so far, whatever Python you run on. The check times it at n and
  10n parts: it must take at least 50 times longer (quadratic: about 100x). A local ``s += part``
  is not enough here, because CPython's trick makes that one fast.
- ``fast_concat(parts)``: the same text, in linear time: at most 30 times longer for 10 times the
  parts (about 10x).
'''

from __future__ import annotations

from typing import Iterable, Sequence


def render_csv(rows: Iterable[Sequence[object]]) -> str:
    """The CSV text of ``rows``, quoting fields that need it; linear time, no csv module."""
    # TODO: collect the pieces in a list and join them once.
    raise NotImplementedError


def render_bytes(records: Iterable[bytes]) -> bytes:
    """Each record as a 4-byte big-endian length and its bytes, all concatenated."""
    raise NotImplementedError


def slow_concat(parts: list[str]) -> str:
    """``"".join(parts)``, built by copying the text so far at every step: O(n²) on purpose."""
    raise NotImplementedError


def fast_concat(parts: list[str]) -> str:
    """``"".join(parts)`` in O(n)."""
    raise NotImplementedError
