"""Garbage collection in practice: find reference cycles with gc.get_referents, report what
the cycle collector would have to clean up after a function, and avoid cycles in the first place
with weak references (a tree whose children point at their parent, and a cache that does not keep
its values alive).

CPython frees most objects by reference counting, the moment the last reference goes. Objects in
a reference cycle keep each other's count above zero, so only the cycle collector (``gc``) frees
them, some time later; with ``gc.disable()`` never. A weak reference (``weakref``) lets you point
at an object without keeping it alive, which breaks the cycle.

    >>> class Box: pass
    >>> a, b, c = Box(), Box(), Box()
    >>> a.next, b.next, c.next = b, a, a            # a <-> b is a cycle; c only points into it
    >>> find_cycles([a, b, c]) == [[a, b]]
    True
    >>> root = TreeNode("root")
    >>> leaf = root.add_child("branch").add_child("leaf")
    >>> leaf.path(), leaf.parent.parent is root
    (['root', 'branch', 'leaf'], True)

- ``find_cycles(objects)``: the reference cycles among ``objects``: the largest groups in which
  every object can reach every other by following references. X refers to Y if Y is among
  ``gc.get_referents(X)``, directly or through built-in containers (objects whose type is exactly
  dict, list, tuple, set or frozenset) that are not in ``objects`` themselves, such as an
  instance's ``__dict__`` or a list held in an attribute. Objects are told apart by identity,
  never ``==`` (they may be unhashable). An object alone is a cycle only if it refers to itself.
  Each cycle is a list in the order its objects come in ``objects``; cycles are ordered by their
  first object. Objects in no cycle are left out. Hundreds of objects must take well under a
  second: no search from every object to every other.
- ``garbage_report(fn)``: call ``fn()`` and return a ``collections.Counter`` of the type names
  (``type(obj).__name__``) of the objects it left behind that only the cycle collector can free:
  exactly the objects a ``gc.collect()`` right after ``fn()`` would find unreachable. Garbage
  from before the call is not ``fn``'s. Leave ``gc`` as you found it: enabled or not, its debug
  flags, and ``gc.garbage``; and the garbage you found must really be freed afterwards. If
  ``fn()`` raises, the exception propagates and ``gc`` is still restored.
- ``TreeNode(name)``: a tree node with ``name``, ``children`` (a list, strong references) and a
  read-only ``parent`` property that holds its parent by weak reference: None for a root, or once
  the parent is gone. ``add_child(name)`` creates, attaches and returns a child; ``path()`` is the
  list of names from the highest ancestor still alive down to this node. Dropping the last
  reference to a root frees the whole tree at once, even with ``gc.disable()``.
- ``WeakCache(factory)``: ``get(key)`` returns the value cached for ``key`` if it is still alive
  somewhere, else makes one with ``factory(key)``, caches it and returns it. The cache never keeps
  a value alive on its own: once nobody else holds it, it is gone from the cache (``key in
  cache``, ``len(cache)`` only count live values). Values must support weak references.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Callable, Hashable, Iterable


def find_cycles(objects: Iterable[Any]) -> list[list[Any]]:
    """The reference cycles among ``objects`` (strongly connected groups, by identity)."""
    # TODO: build the graph with gc.get_referents, then find its strongly connected components.
    raise NotImplementedError


def garbage_report(fn: Callable[[], object]) -> Counter:
    """Type names of the cyclic garbage ``fn()`` leaves behind, counted; gc state restored."""
    raise NotImplementedError


class TreeNode:
    """A tree node whose children are held strongly and whose parent weakly."""

    def __init__(self, name: str) -> None:
        raise NotImplementedError

    @property
    def parent(self) -> TreeNode | None:
        """The parent node, or None for a root or a parent that no longer exists."""
        raise NotImplementedError

    def add_child(self, name: str) -> TreeNode:
        """Create a child called ``name``, attach it to this node and return it."""
        raise NotImplementedError

    def path(self) -> list[str]:
        """The names from the highest living ancestor down to this node."""
        raise NotImplementedError


class WeakCache:
    """A cache that hands out live values but never keeps one alive by itself."""

    def __init__(self, factory: Callable[[Hashable], Any]) -> None:
        raise NotImplementedError

    def get(self, key: Hashable) -> Any:
        """The live value for ``key``, made with ``factory(key)`` if there is none."""
        raise NotImplementedError

    def __contains__(self, key: Hashable) -> bool:
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError
