"""A hash map with open addressing, the way CPython's dict does it.

The table is a list whose length is a power of two. Each slot is empty (None), a tombstone
(a deleted entry), or an entry (hash, key, value). A key's probe sequence starts at
``hash & mask`` and jumps around by a recurrence that mixes in the hash's higher bits, so keys
whose hashes differ only at the top still spread out. A lookup walks the sequence until it finds
the key or an empty slot; a deletion leaves a tombstone so the keys further along stay findable.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, MutableMapping
from typing import Any, Hashable

_DELETED = object()  # a tombstone: "keep probing", and a slot a new key may reuse
_UNSIGNED = (1 << 64) - 1  # hashes are signed 64-bit; perturbing needs them non-negative


class HashMap(MutableMapping):
    """A mutable mapping from hashable keys to values, stored in a table of its own."""

    _MIN_SLOTS = 8

    def __init__(self, items: Mapping | Iterable[tuple[Hashable, Any]] = (), /) -> None:
        self._slots: list = [None] * self._MIN_SLOTS
        self._used = 0  # live entries
        self._filled = 0  # live entries + tombstones: what makes probe sequences long
        self.update(items)

    def _find(self, key: Hashable, h: int) -> tuple[int, bool]:
        """The slot holding ``key`` and True, or the slot a new entry for it should take and False."""
        slots = self._slots
        mask = len(slots) - 1
        i = h & mask
        perturb = h & _UNSIGNED
        free = -1  # the first tombstone on the way: reused on insert, so tombstones don't pile up
        while True:
            entry = slots[i]
            if entry is None:
                return (i if free < 0 else free), False
            if entry is _DELETED:
                if free < 0:
                    free = i
            elif entry[0] == h and (entry[1] is key or entry[1] == key):
                return i, True  # hashes first: == runs only on a real candidate, `is` first, as in dict
            # CPython's recurrence: once perturb is 0 it is i = 5i + 1 (mod 2**k), which visits every slot
            perturb >>= 5
            i = (5 * i + perturb + 1) & mask

    def __getitem__(self, key: Hashable) -> Any:
        i, found = self._find(key, hash(key))
        if not found:
            raise KeyError(key)
        return self._slots[i][2]

    def __setitem__(self, key: Hashable, value: Any) -> None:
        h = hash(key)
        i, found = self._find(key, h)
        if found:
            self._slots[i] = (h, self._slots[i][1], value)  # the first key stays, as in dict
            return
        if self._slots[i] is None:
            self._filled += 1  # reusing a tombstone doesn't lengthen anyone's probe sequence
        self._slots[i] = (h, key, value)
        self._used += 1
        if 3 * self._filled >= 2 * len(self._slots):
            self._resize()

    def __delitem__(self, key: Hashable) -> None:
        i, found = self._find(key, hash(key))
        if not found:
            raise KeyError(key)
        self._slots[i] = _DELETED
        self._used -= 1

    def _resize(self) -> None:
        """Rebuild the table for the live entries at most a third full: it grows when they are
        many, and stays small (tombstones dropped) when most of the filling was deletions."""
        size = self._MIN_SLOTS
        while size < 3 * self._used:
            size *= 2
        old = self._slots
        self._slots = [None] * size
        self._filled = self._used
        mask = size - 1
        for entry in old:
            if entry is None or entry is _DELETED:
                continue
            h = entry[0]  # the stored hash: keys are never hashed again
            i, perturb = h & mask, h & _UNSIGNED
            while self._slots[i] is not None:
                perturb >>= 5
                i = (5 * i + perturb + 1) & mask
            self._slots[i] = entry

    def __iter__(self) -> Iterator:
        for entry in self._slots:
            if entry is not None and entry is not _DELETED:
                yield entry[1]

    def __len__(self) -> int:
        return self._used

    def clear(self) -> None:
        # MutableMapping's clear() pops one item at a time, each a scan from the table's start
        self._slots = [None] * self._MIN_SLOTS
        self._used = self._filled = 0

    def __repr__(self) -> str:
        inside = ", ".join(f"{key!r}: {value!r}" for key, value in self.items())
        return f"{type(self).__name__}({{{inside}}})"
