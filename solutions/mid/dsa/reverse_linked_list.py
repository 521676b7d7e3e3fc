"""Reversing a singly linked list in place: a loop with three pointers, and a recursion."""

from __future__ import annotations

from typing import Any


class Node:
    """One node of a singly linked list."""

    __slots__ = ("value", "next")

    def __init__(self, value: Any, next: Node | None = None) -> None:
        self.value = value
        self.next = next


def reverse_iterative(head: Node | None) -> Node | None:
    """Reverse the list in place with a loop; return the new head.

    ``prev`` is the reversed part so far, ``node`` the first node not yet turned. Each step turns
    one pointer around; the tuple assignment reads node.next before it is overwritten.
    """
    prev = None
    node = head
    while node is not None:
        node.next, prev, node = prev, node, node.next
    return prev


def reverse_recursive(head: Node | None) -> Node | None:
    """Reverse the list in place with recursion; return the new head.

    A list of 0 or 1 nodes is its own reverse. Otherwise reverse the rest of the list (from
    head.next); its old first node, head.next, is now its last, so hang head after it.
    One call per node: O(n) stack, so this is for short lists only.
    """
    if head is None or head.next is None:
        return head
    second = head.next
    new_head = reverse_recursive(second)
    second.next = head
    head.next = None  # head is the new tail; without this, head and second point at each other
    return new_head
