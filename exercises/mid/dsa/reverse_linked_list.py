"""Reverse a singly linked list in place, two ways: with a loop, and with recursion.

    >>> c = Node(3)
    >>> head = Node(1, Node(2, c))            # 1 -> 2 -> 3
    >>> new_head = reverse_iterative(head)     # 3 -> 2 -> 1
    >>> new_head is c, new_head.value, new_head.next.value, new_head.next.next is head
    (True, 3, 2, True)
    >>> head.next is None                      # the old head is now the last node
    True
    >>> reverse_recursive(new_head) is head    # and back again: 1 -> 2 -> 3
    True

Both functions take the head of a list (None for the empty list) and return the new head,
which is the old last node. Every node has ``.value`` and ``.next`` (the next node or None).

Reverse *in place*: relink the ``.next`` pointers of the nodes you were given, so the very
same node objects come back in the opposite order. No new nodes, no moving values from node
to node (a value stays with its node), no Python list of the nodes. The old head ends up last,
with ``.next`` None.

- ``reverse_iterative(head)``: a loop. O(n) time and O(1) extra memory: it must reverse a
  million nodes while allocating (almost) nothing; the check measures it.
- ``reverse_recursive(head)``: recursion, really: the function (or a helper of yours) calls
  itself once per node, and the check watches how deep the calls go. It is meant for lists of
  up to 500 nodes: Python stops recursion at 1000 frames.
"""

from __future__ import annotations

from typing import Any


class Node:
    """One node of a singly linked list (given: you don't need to change it)."""

    __slots__ = ("value", "next")

    def __init__(self, value: Any, next: Node | None = None) -> None:
        self.value = value
        self.next = next


def reverse_iterative(head: Node | None) -> Node | None:
    """Reverse the list in place with a loop; return the new head."""
    # TODO: walk the list once, turning each node's .next around to point at the one before it.
    raise NotImplementedError


def reverse_recursive(head: Node | None) -> Node | None:
    """Reverse the list in place with recursion; return the new head."""
    # TODO: what is the reverse of a list of 0 or 1 nodes? And of head followed by a shorter list?
    raise NotImplementedError
