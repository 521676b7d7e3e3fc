"""Longest common prefix of strings, in one pass over any iterable; and the longest common
prefix of paths, compared component by component.

    >>> longest_common_prefix(["interview", "internet", "interval"])
    'inter'
    >>> longest_common_prefix(w for w in ["flow", "flower", "flight"])  # a one-shot generator
    'fl'
    >>> longest_common_prefix([])
    ''
    >>> longest_common_prefix(["/usr/lib/python3", "/usr/local/lib"])  # characters...
    '/usr/l'
    >>> common_path_prefix(["/usr/lib/python3", "/usr/local/lib"])     # ...or components
    '/usr'

``longest_common_prefix(strings)``:

- ``strings`` is any iterable of str: a list, or a generator that can be read only once. Read
  it once, item by item, keeping only the prefix found so far: the check streams a million
  strings through it and measures the memory you keep (no list of the strings, no sorting).
- Stop reading as soon as the prefix is empty, since nothing can make it longer again: an
  endless iterator must still return then.
- Time: O(total length of the strings you read). Mind the worst case: shortening a prefix of a
  million characters one character at a time copies it a million times.
- No iterable, no strings: ``""``.

``common_path_prefix(paths)``: the longest common sub-path of POSIX paths (str, or path objects
such as ``pathlib.PurePosixPath``), with the same answers and errors as ``os.path.commonpath``
on Linux:

- Paths are split at ``/`` and compared a whole component at a time. Empty components and
  ``.`` are ignored (``a//b/./c`` is a, b, c); ``..`` is a name like any other, not resolved.
- If the paths are absolute the result is ``/`` followed by the shared components (just ``/``
  if they share none); if they are relative, the shared components (``""`` if none).
- ValueError if there are no paths, or if absolute and relative paths are mixed.
- ``paths`` may be a generator too: read it once.

Writing these is the exercise: no ``os.path.commonprefix`` or ``commonpath``.
"""

from __future__ import annotations

import os
from typing import Iterable


def longest_common_prefix(strings: Iterable[str]) -> str:
    """The longest string that every item of ``strings`` starts with ("" if there are none)."""
    # TODO: take the first string as the prefix; let each later string shorten it.
    raise NotImplementedError


def common_path_prefix(paths: Iterable[str | os.PathLike]) -> str:
    """The longest common sub-path of ``paths``, as ``os.path.commonpath`` gives it on POSIX."""
    raise NotImplementedError
