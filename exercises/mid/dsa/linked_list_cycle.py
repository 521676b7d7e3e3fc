"""Detect a cycle in a singly linked list, find the node where it starts and how long it is,
with O(1) extra memory.

    >>> a, b, c, d = Node("a"), Node("b"), Node("c"), Node("d")
    >>> a.next, b.next, c.next, d.next = b, c, d, b   # a -> b -> c -> d -> back to b
    >>> has_cycle(a), cycle_start(a) is b, cycle_length(a)
    (True, True, 3)
    >>> d.next = None                                  # a -> b -> c -> d, and the end
    >>> has_cycle(a), cycle_start(a), cycle_length(a)
    (False, None, 0)

A list is given by its head node (None for the empty list). Every node has ``.value`` and
``.next``: the next node, or None at the end. Following ``.next`` from the head either reaches
None or goes round a cycle forever. A cycle may start anywhere: at the head (the whole list is
a ring), in the middle, or at the last node (which then points to itself).

- ``has_cycle(head)``: True if the list has a cycle.
- ``cycle_start(head)``: the first node of the cycle, i.e. the first node you would meet twice
  walking from the head; None if there is no cycle.
- ``cycle_length(head)``: how many nodes the cycle has; 0 if there is none.

Constraints (the check uses nodes of its own, which enforce them):

- O(1) extra memory, whatever the length of the list: no set or dict of the nodes you have
  seen (the check's nodes refuse to be hashed), nor of their ``id()``s, nor a list of them. The
  check measures the memory your functions allocate: about 1 KB is allowed.
- Read the list, don't change it: no marking nodes, no rewiring ``.next``, not even
  temporarily (the check's nodes refuse new attributes, and it compares every link after).
- O(n) time: lists have up to a million nodes. Walking again from the head for every node you
  reach is O(n**2).
- The check's nodes compare equal when their *values* are equal, as a dataclass's would. To ask
  whether two references are the very same node, use ``is``.
"""

from __future__ import annotations

from typing import Any


class Node:
    """One node of a singly linked list (for your own experiments; the check brings its own)."""

    __slots__ = ("value", "next")

    def __init__(self, value: Any, next: Node | None = None) -> None:
        self.value = value
        self.next = next


def has_cycle(head: Node | None) -> bool:
    """True if following ``.next`` from ``head`` never reaches None."""
    # TODO: two pointers, one moving one node per step, the other two nodes per step.
    raise NotImplementedError


def cycle_start(head: Node | None) -> Node | None:
    """The first node of the cycle (the first node met twice from ``head``), or None."""
    raise NotImplementedError


def cycle_length(head: Node | None) -> int:
    """The number of nodes in the cycle, or 0 if the list has none."""
    raise NotImplementedError
