"""Longest common prefixes in one pass: the prefix so far is all there is to remember."""

from __future__ import annotations

import os
from typing import Iterable, Sequence


def _shared_length(a: Sequence, b: Sequence) -> int:
    """How many leading items ``a`` and ``b`` have in common (works for strings and lists)."""
    n = min(len(a), len(b))
    for i in range(n):
        if a[i] != b[i]:
            return i
    return n


def longest_common_prefix(strings: Iterable[str]) -> str:
    """The longest string that every item of ``strings`` starts with ("" if there are none).

    The first string is the first candidate; every later one can only shorten it. Most strings
    just confirm it, which str.startswith checks in C. Only a string that doesn't is compared
    character by character, up to where they differ: that costs no more than its own length,
    so the whole pass is linear in what it reads.
    """
    it = iter(strings)
    prefix = next(it, "")
    if prefix:
        for s in it:
            if not s.startswith(prefix):
                prefix = prefix[:_shared_length(prefix, s)]
                if not prefix:
                    break  # nothing can make it longer again: stop reading
    return prefix


def _components(path: str) -> list[str]:
    """The names in ``path``: empty ones (from // or a trailing /) and "." say nothing."""
    return [part for part in path.split("/") if part and part != "."]


def common_path_prefix(paths: Iterable[str | os.PathLike]) -> str:
    """The longest common sub-path of ``paths``, as ``os.path.commonpath`` gives it on POSIX."""
    it = map(os.fspath, paths)
    first = next(it, None)
    if first is None:
        raise ValueError("common_path_prefix() needs at least one path")
    absolute = first.startswith("/")
    common = _components(first)
    for path in it:
        if path.startswith("/") != absolute:
            raise ValueError("can't mix absolute and relative paths")
        del common[_shared_length(common, _components(path)):]
    return ("/" if absolute else "") + "/".join(common)
