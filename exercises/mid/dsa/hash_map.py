"""Build a hash map (a dictionary) from scratch: a table of slots of your own, collisions
resolved by chaining or by open addressing, growing as it fills.

    >>> m = HashMap({"apple": 3})
    >>> m["pear"] = 5
    >>> m["apple"] += 1
    >>> m["apple"], len(m), "pear" in m
    (4, 2, True)
    >>> del m["pear"]
    >>> m
    HashMap({'apple': 4})

``HashMap`` subclasses ``collections.abc.MutableMapping``: write ``__getitem__``,
``__setitem__``, ``__delitem__``, ``__iter__`` and ``__len__``, and the mixin gives you ``in``,
``get``, ``pop``, ``setdefault``, ``update``, ``keys``/``values``/``items`` and ``==``.

- ``HashMap(items)`` takes what ``dict()`` takes: a mapping, or an iterable of (key, value) pairs.
- Keys are found the way dict finds them: by ``hash(key)`` and then ``==``. Keys that are equal
  are one key, even of different types: ``1``, ``1.0`` and ``True`` share one entry, and (as in
  dict) the first key stays while the value changes. A missing key raises ``KeyError(key)``.
- Call ``hash(key)`` once per operation, and store each entry's hash with it: growing the table
  re-places the entries by their stored hashes, without hashing any key again. Compare a stored
  key with ``==`` only when its hash equals the one you look for, and try ``is`` first (that is
  how dict finds a NaN key, which is not equal to itself).
- Collisions are the normal case: keys with equal hashes, or hashes equal in the low bits you
  take (``hash(-1) == hash(-2)``; multiples of 2**32 all end in 32 zero bits), must all work,
  and keys that differ only in their high bits must still spread out over the table.
- O(1) on average per operation: grow the table by a constant factor (double it, say) before it gets too full, so 300,000
  keys go in, are found and are deleted in a second or two.
- With open addressing, a deleted entry leaves a tombstone (a slot that says "keep probing");
  set it to empty and the keys behind it are lost. Reuse tombstones, and drop them when you
  rebuild the table: inserting and deleting a key 100,000 times must neither slow down nor
  leave a big table behind.
- ``clear()`` in one step (the mixin's pops items one at a time, each a scan from the start).
- ``repr(m)`` is ``HashMap({...})`` with the items in iteration order, like a dict's repr.
  Iteration order is up to you; every key comes out once.

The storage is yours: no dict or set anywhere (no ``dict()``, ``{}``, ``{k: v}``, set, frozenset,
defaultdict, Counter, OrderedDict, and no objects' ``__dict__`` or ``setattr`` to hide them in).
Lists and tuples are fine.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, MutableMapping
from typing import Any, Hashable


class HashMap(MutableMapping):
    """A mutable mapping from hashable keys to values, stored in a table of its own."""

    def __init__(self, items: Mapping | Iterable[tuple[Hashable, Any]] = (), /) -> None:
        # TODO: a list of slots (a power of two long is handy), the count of entries, then add items.
        raise NotImplementedError

    def __getitem__(self, key: Hashable) -> Any:
        """The value for ``key``; KeyError(key) if it is missing."""
        raise NotImplementedError

    def __setitem__(self, key: Hashable, value: Any) -> None:
        """Add ``key`` or change its value (keeping the key that is already there)."""
        raise NotImplementedError

    def __delitem__(self, key: Hashable) -> None:
        """Remove ``key``; KeyError(key) if it is missing."""
        raise NotImplementedError

    def __iter__(self) -> Iterator:
        """Every key, once."""
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError

    def clear(self) -> None:
        """Remove every entry at once."""
        raise NotImplementedError

    def __repr__(self) -> str:
        raise NotImplementedError
