"""Find the middle element of a linked list: first simulated with a Python list, then with real nodes.

    >>> middle([1, 2, 3, 4, 5])
    3
    >>> middle([1, 2, 3, 4, 5, 6])
    4
    >>> head = Node(1, Node(2, Node(3)))
    >>> middle_node(head).value
    2

With an odd number of elements the middle one is clear. With an even number there are two
middles; return the *second* of them (in 1 2 3 4 5 6 that is 4). An empty list has no middle:
raise ValueError.

Two versions:
- ``middle(values)``: the linked list simulated by a Python list of its values, head first
  (``[1, 2, 3]`` stands for 1 -> 2 -> 3). Return the middle *value*.
- ``middle_node(head)``: a real singly linked list made of the ``Node`` class below; ``head`` is
  its first node, or None for an empty list. You can't ask a linked list for its length or its
  i-th node, only follow ``.next``. Return the middle *node* itself. Use O(1) extra memory
  (don't copy the nodes into a Python list) and don't change the nodes. Lists may be long
  (100,000 nodes), so walk them with a loop, not recursion.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass(eq=False)
class Node:
    """One node of a singly linked list (given: you don't need to change it)."""

    value: Any
    next: Node | None = None


def middle(values: list[T]) -> T:
    """Return the middle value of the linked list simulated by ``values`` (the second middle if
    the length is even); raise ValueError if it is empty."""
    # TODO: where is the middle index, for odd and for even lengths?
    raise NotImplementedError


def middle_node(head: Node | None) -> Node:
    """Return the middle node of the linked list starting at ``head`` (the second middle if the
    length is even); raise ValueError if the list is empty."""
    # TODO: two pointers: one moves a node at a time, the other two nodes at a time.
    raise NotImplementedError
