"""Flatten nested iterables lazily, with an explicit stack of iterators instead of recursion."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Iterator

ATOMIC_ITERABLES = (str, bytes, bytearray)  # iterables that are values, not containers


def flatten(items: Iterable, *, depth: int | None = None) -> Iterator[Any]:
    """Return an iterator over the atoms of ``items``, flattening ``depth`` levels (None: all)."""
    # Check here, in a plain function: the generator below would only run at the first next().
    if depth is not None:
        if not isinstance(depth, int):
            raise TypeError(f"depth must be an int or None, not {type(depth).__name__}")
        if depth < 0:
            raise ValueError(f"depth must be at least 0, not {depth}")
    return _walk(items, iter(items), depth)  # iter() raises TypeError now if items is not iterable


def _is_container(item: Any) -> bool:
    return isinstance(item, Iterable) and not isinstance(item, ATOMIC_ITERABLES)


def _walk(items: Iterable, top: Iterator, depth: int | None) -> Iterator[Any]:
    # stack[-1] is the iterator being walked; path[i] is the container stack[i] walks. The path
    # keeps those containers alive, so their ids (in on_path) cannot be reused while we look.
    stack = [top]
    path = [items]
    on_path = {id(items)}
    while stack:
        for item in stack[-1]:
            # len(stack) is the level `item` sits at: 1 for the items of `items` themselves
            if (depth is None or len(stack) <= depth) and _is_container(item):
                if id(item) in on_path:
                    raise ValueError("the nesting contains itself: a container is inside itself")
                stack.append(iter(item))
                path.append(item)
                on_path.add(id(item))
                break  # walk the inner iterator now; this one resumes where it stopped
            yield item
        else:  # the innermost iterator is exhausted: back to its parent
            stack.pop()
            on_path.discard(id(path.pop()))
