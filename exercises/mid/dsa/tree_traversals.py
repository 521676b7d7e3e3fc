"""Walk a binary tree in pre-order, in-order, post-order and level order, as lazy generators:
iterative versions that work at any depth, and recursive ones for comparison.

    >>> tree = Node(1, Node(2, Node(4), Node(5)), Node(3, None, Node(6)))
    >>> # the tree:         1
    >>> #                 /   \\
    >>> #                2     3
    >>> #               / \\     \\
    >>> #              4   5     6
    >>> list(preorder(tree))      # node, then its left subtree, then its right subtree
    [1, 2, 4, 5, 3, 6]
    >>> list(inorder(tree))       # left subtree, node, right subtree
    [4, 2, 5, 1, 3, 6]
    >>> list(postorder(tree))     # left subtree, right subtree, node
    [4, 5, 2, 6, 3, 1]
    >>> list(level_order(tree))   # top to bottom, each level left to right
    [1, 2, 3, 4, 5, 6]
    >>> list(postorder_recursive(tree))
    [4, 5, 2, 6, 3, 1]

Every function takes the root (None for the empty tree) and returns a generator of the
*values* of the nodes. A node has ``.value``, ``.left`` and ``.right`` (a node or None).

- ``preorder``, ``inorder``, ``postorder``, ``level_order``: iterative, with an explicit stack
  (or, for level order, a queue): no recursion. A tree may be a chain 100,000 nodes deep, and
  they must handle it under Python's default recursion limit. Level order on a wide tree needs
  a queue that pops from the front in O(1): ``collections.deque``, not ``list.pop(0)``.
- ``preorder_recursive``, ``inorder_recursive``, ``postorder_recursive``: recursive (a
  generator can ``yield from`` itself on a subtree); the check watches that they really do
  recurse. They are for trees a few hundred levels deep.
- Lazy, all seven: each value is found only when the consumer asks for it. Taking the first
  ten values of a tree with a trillion nodes must return at once: never build the whole
  traversal first.
- Read the tree, don't change it, not even for a while: a Morris traversal re-links nodes, and
  a generator that is stopped halfway would leave them re-linked.
"""

from __future__ import annotations

from typing import Any, Iterator


class Node:
    """One node of a binary tree (given: you don't need to change it)."""

    __slots__ = ("value", "left", "right")

    def __init__(self, value: Any, left: Node | None = None, right: Node | None = None) -> None:
        self.value = value
        self.left = left
        self.right = right


def preorder(root: Node | None) -> Iterator[Any]:
    """Values in pre-order (node, left, right), without recursion."""
    # TODO: a stack of nodes still to visit; push the right child before the left one.
    raise NotImplementedError


def inorder(root: Node | None) -> Iterator[Any]:
    """Values in in-order (left, node, right), without recursion."""
    raise NotImplementedError


def postorder(root: Node | None) -> Iterator[Any]:
    """Values in post-order (left, right, node), without recursion."""
    raise NotImplementedError


def level_order(root: Node | None) -> Iterator[Any]:
    """Values level by level, top to bottom, each level left to right."""
    raise NotImplementedError


def preorder_recursive(root: Node | None) -> Iterator[Any]:
    """Values in pre-order, by recursion."""
    raise NotImplementedError


def inorder_recursive(root: Node | None) -> Iterator[Any]:
    """Values in in-order, by recursion."""
    raise NotImplementedError


def postorder_recursive(root: Node | None) -> Iterator[Any]:
    """Values in post-order, by recursion."""
    raise NotImplementedError
