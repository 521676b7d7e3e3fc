"""Return the maximum depth (height) of a binary tree stored as nested lists.

The tree format, exactly:
- the empty tree is ``None``;
- a node is a list of exactly three items ``[value, left, right]``, where ``left`` and ``right``
  are trees again (``None`` or a node). ``value`` can be anything, even None or a list.

    >>> leaf = [4, None, None]
    >>> max_depth(leaf)
    1
    >>> tree = [1,
    ...         [2, [4, None, None], None],
    ...         [3, None, None]]
    >>> max_depth(tree)
    3
    >>> max_depth(None)
    0

The depth is the number of nodes on the longest path from the root down to a leaf: 0 for the
empty tree, 1 for a single node. Trees may be up to 500 levels deep.

Anything that does not follow the format is an error: raise ValueError for a list that does not
have exactly three items, or a child that is neither None nor a list (``[1, 2, None]``).
"""

from __future__ import annotations

from typing import Any, Optional

Tree = Optional[list]  # None, or [value: Any, left: Tree, right: Tree]


def max_depth(tree: Tree) -> int:
    """Return the number of nodes on the longest root-to-leaf path of ``tree``."""
    # TODO: the depth of a node is 1 + the depth of its deeper subtree.
    raise NotImplementedError
