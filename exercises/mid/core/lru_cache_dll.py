"""Build an LRU (least recently used) cache from scratch, with a dict and a doubly linked list.

The cache holds at most ``capacity`` entries. When it is full, putting a new key first evicts
the entry that was used least recently. Both ``get`` and ``put`` count as a "use", and both
must be O(1): the dict finds a key's node at once, and the linked list keeps the nodes in
order of use, so moving a node to the front or dropping the one at the back is a few pointer
changes.

    >>> cache = LRUCache(2)
    >>> cache.put("a", 1)
    >>> cache.put("b", 2)
    >>> cache.get("a")         # "a" is now the most recently used
    1
    >>> cache.put("c", 3)      # full: evicts "b", the least recently used
    >>> cache.get("b") is None
    True
    >>> cache.keys()           # least recently used first
    ['a', 'c']

Constraints:
- Write the linked list yourself: no collections.OrderedDict, no functools.lru_cache/cache,
  and don't lean on the dict's own insertion order either.
- ``capacity`` must be at least 1: raise ValueError otherwise.
- ``put`` on a key that is already there replaces its value and makes it the most recent.
"""

from __future__ import annotations

from typing import Any, Hashable


class LRUCache:
    """A fixed-capacity cache that evicts the least recently used entry when full."""

    def __init__(self, capacity: int) -> None:
        """Make an empty cache for up to ``capacity`` entries; ValueError if capacity < 1."""
        # TODO: a dict from key to node, plus sentinel head/tail nodes of a doubly linked list.
        raise NotImplementedError

    def get(self, key: Hashable, default: Any = None) -> Any:
        """Return the value for ``key`` and mark it most recently used; ``default`` if absent."""
        raise NotImplementedError

    def put(self, key: Hashable, value: Any) -> None:
        """Insert or replace ``key``; mark it most recently used; evict the LRU entry if over capacity."""
        raise NotImplementedError

    def __len__(self) -> int:
        """How many entries the cache holds now."""
        raise NotImplementedError

    def __contains__(self, key: Hashable) -> bool:
        """Whether ``key`` is cached. Only looks: it does not count as a use."""
        raise NotImplementedError

    def keys(self) -> list:
        """The cached keys in order of use: least recently used first, most recent last."""
        raise NotImplementedError
