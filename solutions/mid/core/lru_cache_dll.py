"""An LRU cache from scratch: a dict for O(1) lookup, a doubly linked list for O(1) reordering."""

from __future__ import annotations

from typing import Any, Hashable


class _Node:
    """One entry of the list. __slots__ keeps a node small: the cache may hold many."""

    __slots__ = ("key", "value", "prev", "next")

    def __init__(self, key: Any = None, value: Any = None) -> None:
        self.key = key
        self.value = value
        self.prev: _Node = self
        self.next: _Node = self


class LRUCache:
    """A fixed-capacity cache that evicts the least recently used entry when full.

    The list runs from the least recently used node (just after the sentinel) to the most
    recently used one (just before it). One sentinel node closes the list into a ring, so
    there is never a None to test for when linking or unlinking.
    """

    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError(f"capacity must be at least 1, not {capacity!r}")
        self._capacity = capacity
        self._nodes: dict[Hashable, _Node] = {}
        self._ring = _Node()  # sentinel: _ring.next is the LRU node, _ring.prev the MRU node

    # -- the two list operations everything else is made of ------------------------------------
    @staticmethod
    def _unlink(node: _Node) -> None:
        node.prev.next = node.next
        node.next.prev = node.prev

    def _append(self, node: _Node) -> None:
        """Put ``node`` at the most recently used end."""
        last = self._ring.prev
        last.next = node
        node.prev = last
        node.next = self._ring
        self._ring.prev = node

    # -- the public interface -----------------------------------------------------------------
    def get(self, key: Hashable, default: Any = None) -> Any:
        node = self._nodes.get(key)
        if node is None:
            return default
        self._unlink(node)
        self._append(node)
        return node.value

    def put(self, key: Hashable, value: Any) -> None:
        node = self._nodes.get(key)
        if node is not None:  # an update is a use too: refresh its place
            node.value = value
            self._unlink(node)
            self._append(node)
            return
        if len(self._nodes) == self._capacity:
            oldest = self._ring.next
            self._unlink(oldest)
            del self._nodes[oldest.key]
        node = _Node(key, value)
        self._nodes[key] = node
        self._append(node)

    def __len__(self) -> int:
        return len(self._nodes)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._nodes

    def keys(self) -> list:
        out = []
        node = self._ring.next
        while node is not self._ring:
            out.append(node.key)
            node = node.next
        return out
