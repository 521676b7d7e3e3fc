"""Return the maximum depth (height) of a binary tree stored as nested lists."""

from __future__ import annotations

from typing import Any, Optional

Tree = Optional[list]  # None, or [value: Any, left: Tree, right: Tree]


def max_depth(tree: Tree) -> int:
    """Return the number of nodes on the longest root-to-leaf path of ``tree``."""
    if tree is None:
        return 0  # the empty tree: no nodes at all
    if not isinstance(tree, list) or len(tree) != 3:
        raise ValueError(f"a tree node must be a list [value, left, right], got {tree!r}")
    _value, left, right = tree  # the value plays no part in the depth
    # A tree is a node on top of two smaller trees: the same question, asked of each subtree.
    return 1 + max(max_depth(left), max_depth(right))
