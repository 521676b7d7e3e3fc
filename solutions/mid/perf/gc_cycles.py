"""Garbage collection in practice: find reference cycles with gc.get_referents, report what
the cycle collector would have to clean up after a function, and avoid cycles in the first place
with weak references."""

from __future__ import annotations

import gc
import weakref
from collections import Counter
from typing import Any, Callable, Hashable, Iterable

# References are followed through these (an instance's __dict__, a list of children...).
_CONTAINERS = (dict, list, tuple, set, frozenset)


def _edges(obj: Any, index: dict[int, int]) -> list[int]:
    """The positions (in ``index``: id -> position) of the objects ``obj`` refers to."""
    found, seen = [], set()
    pending = list(gc.get_referents(obj))
    while pending:
        ref = pending.pop()
        if id(ref) in index:
            found.append(index[id(ref)])
        elif type(ref) in _CONTAINERS and id(ref) not in seen:
            seen.add(id(ref))
            pending.extend(gc.get_referents(ref))
    return found


def find_cycles(objects: Iterable[Any]) -> list[list[Any]]:
    """The reference cycles among ``objects`` (strongly connected groups, by identity)."""
    nodes: list[Any] = []
    index: dict[int, int] = {}  # id(obj) -> position: identity, and works for unhashable objects
    for obj in objects:
        if id(obj) not in index:
            index[id(obj)] = len(nodes)
            nodes.append(obj)
    graph = [_edges(obj, index) for obj in nodes]

    # Tarjan's strongly connected components, iteratively (a long chain would overflow the
    # recursion limit). low[v] is the smallest discovery number reachable from v's subtree.
    order = [-1] * len(nodes)
    low = [0] * len(nodes)
    on_stack = [False] * len(nodes)
    stack: list[int] = []
    groups: list[list[int]] = []
    counter = 0
    for start in range(len(nodes)):
        if order[start] != -1:
            continue
        work = [(start, 0)]
        while work:
            v, i = work.pop()
            if i == 0:
                order[v] = low[v] = counter
                counter += 1
                stack.append(v)
                on_stack[v] = True
            if i < len(graph[v]):
                work.append((v, i + 1))
                w = graph[v][i]
                if order[w] == -1:
                    work.append((w, 0))
                elif on_stack[w]:
                    low[v] = min(low[v], order[w])
                continue
            if low[v] == order[v]:  # v is the root of a component: pop it off
                group = []
                while True:
                    w = stack.pop()
                    on_stack[w] = False
                    group.append(w)
                    if w == v:
                        break
                groups.append(group)
            if work:  # hand v's low link back to the node that discovered it
                parent = work[-1][0]
                low[parent] = min(low[parent], low[v])

    cycles = [sorted(group) for group in groups if len(group) > 1 or group[0] in graph[group[0]]]
    cycles.sort()
    return [[nodes[i] for i in group] for group in cycles]


def garbage_report(fn: Callable[[], object]) -> Counter:
    """Type names of the cyclic garbage ``fn()`` leaves behind, counted; gc state restored."""
    was_enabled, flags = gc.isenabled(), gc.get_debug()
    gc.collect()  # older garbage is not fn's: clear it out first
    gc.disable()  # and let no automatic collection free fn's garbage before we look
    before = len(gc.garbage)
    try:
        fn()
        gc.set_debug(flags | gc.DEBUG_SAVEALL)  # keep what is found in gc.garbage instead of freeing it
        gc.collect()
        return Counter(type(obj).__name__ for obj in gc.garbage[before:])
    finally:
        del gc.garbage[before:]  # our references were the only ones left...
        gc.set_debug(flags)
        gc.collect()  # ...so this collection really frees the objects
        if was_enabled:
            gc.enable()


class TreeNode:
    """A tree node whose children are held strongly and whose parent weakly."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.children: list[TreeNode] = []
        self._parent: weakref.ref[TreeNode] | None = None

    @property
    def parent(self) -> TreeNode | None:
        """The parent node, or None for a root or a parent that no longer exists."""
        # Calling a weak reference gives the object, or None once it has been freed.
        return self._parent() if self._parent is not None else None

    def add_child(self, name: str) -> TreeNode:
        """Create a child called ``name``, attach it to this node and return it."""
        child = TreeNode(name)
        child._parent = weakref.ref(self)  # no cycle: only the downward links are strong
        self.children.append(child)
        return child

    def path(self) -> list[str]:
        """The names from the highest living ancestor down to this node."""
        names, node = [], self
        while node is not None:
            names.append(node.name)
            node = node.parent
        return names[::-1]


class WeakCache:
    """A cache that hands out live values but never keeps one alive by itself."""

    def __init__(self, factory: Callable[[Hashable], Any]) -> None:
        self._factory = factory
        # An entry disappears by itself when its value is freed.
        self._values: weakref.WeakValueDictionary = weakref.WeakValueDictionary()

    def get(self, key: Hashable) -> Any:
        """The live value for ``key``, made with ``factory(key)`` if there is none."""
        # One lookup: `if key in cache: return cache[key]` could see the value die in between.
        value = self._values.get(key)
        if value is None:
            value = self._factory(key)
            self._values[key] = value
        return value

    def __contains__(self, key: Hashable) -> bool:
        return key in self._values

    def __len__(self) -> int:
        return len(self._values)
