"""Binary tree traversals as generators: iterative with an explicit stack or queue, and recursive.

A generator does exactly the work needed for the next value, so all of these are lazy for free.
The recursive ones are the definitions written down; the iterative ones keep on a list what the
recursion would keep on the call stack, so their depth is limited only by memory.
"""

from __future__ import annotations

from collections import deque
from typing import Any, Iterator


class Node:
    """One node of a binary tree."""

    __slots__ = ("value", "left", "right")

    def __init__(self, value: Any, left: Node | None = None, right: Node | None = None) -> None:
        self.value = value
        self.left = left
        self.right = right


def preorder(root: Node | None) -> Iterator[Any]:
    """Values in pre-order (node, left, right), without recursion."""
    stack = [] if root is None else [root]
    while stack:
        node = stack.pop()
        yield node.value
        # the stack is last in, first out: push the right child first so the left comes out first
        if node.right is not None:
            stack.append(node.right)
        if node.left is not None:
            stack.append(node.left)


def inorder(root: Node | None) -> Iterator[Any]:
    """Values in in-order (left, node, right), without recursion."""
    stack: list[Node] = []  # nodes whose left subtree is being walked; their own turn comes next
    node = root
    while stack or node is not None:
        while node is not None:  # go down the left spine, remembering the way back
            stack.append(node)
            node = node.left
        node = stack.pop()
        yield node.value
        node = node.right  # then the right subtree, the same way


def postorder(root: Node | None) -> Iterator[Any]:
    """Values in post-order (left, right, node), without recursion."""
    # Each node is met twice: first to schedule its children, then (marked done) to yield it.
    stack = [] if root is None else [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if children_done:
            yield node.value
            continue
        stack.append((node, True))
        if node.right is not None:
            stack.append((node.right, False))
        if node.left is not None:
            stack.append((node.left, False))


def level_order(root: Node | None) -> Iterator[Any]:
    """Values level by level, top to bottom, each level left to right."""
    queue = deque() if root is None else deque([root])  # popleft is O(1); list.pop(0) is O(n)
    while queue:
        node = queue.popleft()
        yield node.value
        if node.left is not None:
            queue.append(node.left)
        if node.right is not None:
            queue.append(node.right)


def preorder_recursive(root: Node | None) -> Iterator[Any]:
    """Values in pre-order, by recursion."""
    if root is not None:
        yield root.value
        yield from preorder_recursive(root.left)
        yield from preorder_recursive(root.right)


def inorder_recursive(root: Node | None) -> Iterator[Any]:
    """Values in in-order, by recursion."""
    if root is not None:
        yield from inorder_recursive(root.left)
        yield root.value
        yield from inorder_recursive(root.right)


def postorder_recursive(root: Node | None) -> Iterator[Any]:
    """Values in post-order, by recursion."""
    if root is not None:
        yield from postorder_recursive(root.left)
        yield from postorder_recursive(root.right)
        yield root.value
