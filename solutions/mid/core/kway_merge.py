"""A lazy k-way merge: a balanced tree of lazy two-way merges.

Every item climbs ceil(log2 k) levels of the tree and costs at most one comparison per level,
so n items cost at most n * ceil(log2 k) comparisons. Each two-way merge holds one item from
each side, so the tree holds at most one item per input.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator

_DONE = object()  # marks an exhausted side (None could be a real item)


def merge(*iterables: Iterable, key: Callable[[Any], Any] | None = None, reverse: bool = False) -> Iterator:
    """Return an iterator over the items of the sorted ``iterables``, in one sorted order."""
    sources = [_keyed(iter(it), key) for it in iterables]  # iter() here: TypeError at the call
    return _unkeyed(_tree(sources, reverse))


def _keyed(items: Iterator, key: Callable[[Any], Any] | None) -> Iterator[tuple[Any, Any]]:
    """(key, item) pairs, the key computed once per item."""
    for item in items:
        yield (item if key is None else key(item)), item


def _unkeyed(pairs: Iterator[tuple[Any, Any]]) -> Iterator:
    for _key, item in pairs:
        yield item


def _tree(sources: list[Iterator], reverse: bool) -> Iterator[tuple[Any, Any]]:
    """Merge sources[:half] and sources[half:] recursively: a tree ceil(log2 k) levels deep."""
    if not sources:
        return iter(())
    if len(sources) == 1:
        return sources[0]
    half = len(sources) // 2
    return _merge_two(_tree(sources[:half], reverse), _tree(sources[half:], reverse), reverse)


def _merge_two(left: Iterator, right: Iterator, reverse: bool) -> Iterator[tuple[Any, Any]]:
    """Merge two sorted streams of (key, item) pairs. Ties go to the left side: stable."""
    a = next(left, _DONE)
    b = next(right, _DONE)
    while a is not _DONE and b is not _DONE:
        # one comparison of keys only (never of items); take b only if it must come strictly first
        if (b[0] > a[0]) if reverse else (b[0] < a[0]):
            yield b
            b = next(right, _DONE)
        else:
            yield a
            a = next(left, _DONE)
    # one side is exhausted: the rest of the other needs no comparison at all
    if a is not _DONE:
        yield a
        yield from left
    if b is not _DONE:
        yield b
        yield from right
