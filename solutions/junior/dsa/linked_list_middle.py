"""Find the middle element of a linked list: first simulated with a Python list, then with real nodes."""

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
    if not values:
        raise ValueError("an empty list has no middle")
    # Length 5 -> index 2 (the middle); length 6 -> index 3 (the second of the two middles).
    return values[len(values) // 2]


def middle_node(head: Node | None) -> Node:
    """Return the middle node of the linked list starting at ``head`` (the second middle if the
    length is even); raise ValueError if the list is empty."""
    if head is None:
        raise ValueError("an empty list has no middle")
    # Fast and slow pointers: `fast` moves two nodes for each one `slow` moves, so when `fast`
    # runs off the end, `slow` is halfway. One pass, two variables: O(n) time, O(1) memory.
    slow = fast = head
    while fast is not None and fast.next is not None:
        slow = slow.next
        fast = fast.next.next
    return slow
