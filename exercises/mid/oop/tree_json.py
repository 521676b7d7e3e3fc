"""Serialize a tree of `Node`s to JSON and back: `to_json(root)` and `from_json(text)`.

A Node has a ``name`` (a str), a ``value`` (any JSON value: None, bool, int, float, str, and
lists and dicts of them) and a list of ``children``. The JSON document is flat: the nodes in
pre-order (a node before its children, children left to right), each listing its children by
their index in that list. The root is nodes[0].

    >>> tree = Node("root", 1, [Node("a", [2, 3]), Node("b", None, [Node("c", {"k": "v"})])])
    >>> print(to_json(tree))    # whitespace is up to you; json.loads(...) must give this
    {"format": "tree/1", "nodes": [{"name": "root", "value": 1, "children": [1, 2]},
     {"name": "a", "value": [2, 3], "children": []}, {"name": "b", "value": null, "children": [3]},
     {"name": "c", "value": {"k": "v"}, "children": []}]}
    >>> from_json(to_json(tree)).children[1].children[0].value
    {'k': 'v'}

Rules:
- Trees may be 100,000 levels deep, or 100,000 children wide, with the default recursion limit:
  no recursion (and don't raise the limit); a few seconds at most for either.
- to_json refuses anything that is not a tree. Walking in pre-order, the first time a node
  object turns up that was already met (the same object: a subtree shared by two parents, or a
  cycle back to an ancestor or itself) is a ValueError whose message reads
      node NAME at PATH is already in the tree at FIRST_PATH
  where a path goes from the root "$" through child positions: "$.children[1].children[0]"
  is the first child of the root's second child. Two distinct nodes that merely look alike are
  fine. A child that is not a Node, or a node whose name is not a str, is a TypeError whose
  message names its path the same way. A value that JSON cannot hold is refused as json.dumps
  refuses it: TypeError for a set or an object, ValueError for NaN or infinity.
- from_json raises ValueError for anything that is not such a document: bad JSON, a missing or
  wrong "format", no nodes, a record without exactly the keys name/value/children, a name that
  is not a str, children that are not a list of ints, an index out of range, a node with two
  parents, a child pointing back to the root, or nodes not reachable from the root. The
  indexes need not be in pre-order to be read back, as long as it is a tree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

FORMAT = "tree/1"


@dataclass(eq=False)  # eq=False: nodes compare (and hash) by identity, as tree nodes should
class Node:
    name: str
    value: Any = None
    children: list[Node] = field(default_factory=list)

    def __repr__(self) -> str:  # the default would recurse through every descendant
        return f"Node({self.name!r}, {self.value!r}, <{len(self.children)} children>)"


def to_json(root: Node) -> str:
    """The tree as a flat JSON document (see above)."""
    raise NotImplementedError


def from_json(text: str) -> Node:
    """The root of the tree that ``text`` describes; ValueError if it is not such a document."""
    raise NotImplementedError
