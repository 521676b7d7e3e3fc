"""Cycle detection in O(1) memory: Floyd's tortoise and hare, and what their meeting tells."""

from __future__ import annotations

from typing import Any


class Node:
    """One node of a singly linked list."""

    __slots__ = ("value", "next")

    def __init__(self, value: Any, next: Node | None = None) -> None:
        self.value = value
        self.next = next


def _meeting_node(head: Node | None) -> Node | None:
    """A node inside the cycle where the tortoise (1 step) meets the hare (2 steps), or None.

    Without a cycle the hare reaches the end. With one, once both are inside it the hare gains
    one node per step on the tortoise, so it catches up within one lap: O(n) steps in all.
    """
    slow = fast = head
    while fast is not None and fast.next is not None:
        slow = slow.next
        fast = fast.next.next
        if slow is fast:  # `is`: the same node, not merely an equal one
            return slow
    return None


def has_cycle(head: Node | None) -> bool:
    return _meeting_node(head) is not None


def cycle_start(head: Node | None) -> Node | None:
    meet = _meeting_node(head)
    if meet is None:
        return None
    # Say the cycle starts mu steps from the head and has length lam, and they met after m
    # steps. The hare walked 2m, so m is a whole number of laps (a multiple of lam). A pointer
    # walking mu more steps from the meeting point is then mu steps past a whole number of laps
    # from the head: exactly at the start. A second pointer from the head gets there in the
    # same mu steps. So walk both one step at a time; where they meet is the start.
    a, b = head, meet
    while a is not b:
        a, b = a.next, b.next
    return a


def cycle_length(head: Node | None) -> int:
    meet = _meeting_node(head)
    if meet is None:
        return 0
    # The meeting node is on the cycle: go round once and count.
    length, node = 1, meet.next
    while node is not meet:
        length, node = length + 1, node.next
    return length
