"""Serialize a tree of Nodes to JSON and back, iteratively, refusing anything that is not a tree.

The document is flat: a list of node records in pre-order, each naming its children by index.
Nesting the JSON like the tree would make both json.dumps and json.loads recurse once per level
(a RecursionError at about a thousand); a flat list is as deep at 100,000 levels as at one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

FORMAT = "tree/1"
KEYS = {"name", "value", "children"}


@dataclass(eq=False)  # eq=False: nodes compare (and hash) by identity, as tree nodes should
class Node:
    name: str
    value: Any = None
    children: list[Node] = field(default_factory=list)

    def __repr__(self) -> str:  # the default would recurse through every descendant
        return f"Node({self.name!r}, {self.value!r}, <{len(self.children)} children>)"


def _path(parents: list[int], positions: list[int], index: int) -> str:
    """The path of node ``index`` from the root, e.g. "$.children[1].children[0]"."""
    steps = []
    while index > 0:  # the root (index 0) is "$"
        steps.append(f".children[{positions[index]}]")
        index = parents[index]
    return "$" + "".join(reversed(steps))


def to_json(root: Node) -> str:
    records: list[dict[str, Any]] = []
    index_of: dict[int, int] = {}  # id(node) -> its index: identity, not equality, makes a node "seen"
    parents: list[int] = []  # for each index, its parent's index and its position there,
    positions: list[int] = []  # enough to rebuild any path without storing every path
    stack: list[tuple[Any, Any, Any]] = [(root, None, None)]  # (node, parent index, position in parent)
    while stack:
        node, parent, position = stack.pop()
        seen = index_of.get(id(node))
        if seen is not None:
            where = _path(parents, positions, parent) + f".children[{position}]"  # only on error: O(depth)
            raise ValueError(f"node {node.name!r} at {where} is already in the tree at "
                             f"{_path(parents, positions, seen)}: a tree cannot share nodes or contain cycles")
        if not isinstance(node, Node) or not isinstance(node.name, str):
            where = "$" if parent is None else _path(parents, positions, parent) + f".children[{position}]"
            raise TypeError(f"{where} should be a Node with a str name, got {node!r}")
        index = len(records)
        index_of[id(node)] = index
        parents.append(parent)
        positions.append(position)
        records.append({"name": node.name, "value": node.value, "children": []})
        if parent is not None:
            records[parent]["children"].append(index)
        # pushed in reverse so they come off the stack left to right: pre-order
        for position in range(len(node.children) - 1, -1, -1):
            stack.append((node.children[position], index, position))
    return json.dumps({"format": FORMAT, "nodes": records}, allow_nan=False)


def from_json(text: str) -> Node:
    doc = json.loads(text)  # malformed JSON: json.JSONDecodeError, a ValueError
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ValueError(f"not a tree document: expected an object with \"format\": \"{FORMAT}\"")
    records = doc.get("nodes")
    if not isinstance(records, list) or not records:
        raise ValueError("\"nodes\" should be a non-empty list")
    nodes = []
    for i, record in enumerate(records):
        if not isinstance(record, dict) or record.keys() != KEYS:
            raise ValueError(f"nodes[{i}] should be an object with exactly name, value and children")
        if not isinstance(record["name"], str):
            raise ValueError(f"nodes[{i}].name should be a string")
        children = record["children"]
        if not isinstance(children, list) or any(type(c) is not int for c in children):  # bool is no index
            raise ValueError(f"nodes[{i}].children should be a list of node indexes")
        nodes.append(Node(record["name"], record["value"]))
    parent_of: list[int | None] = [None] * len(nodes)
    for i, record in enumerate(records):
        for position, child in enumerate(record["children"]):
            if not 0 < child < len(nodes):  # 0 is the root, which is nobody's child
                raise ValueError(f"nodes[{i}].children[{position}] = {child} is not the index of a node "
                                 "other than the root")
            if parent_of[child] is not None:
                raise ValueError(f"node {child} is a child of both nodes[{parent_of[child]}] and nodes[{i}]")
            parent_of[child] = i
            nodes[i].children.append(nodes[child])
    # Every node but the root has at most one parent now, so a walk down from the root never
    # meets a node twice. It is a tree if that walk reaches every node: a loop like 1 -> 2 -> 1
    # also gives each of its nodes one parent, but nothing outside it leads in.
    reached = [False] * len(nodes)
    reached[0] = True
    stack = [0]
    while stack:
        for child in records[stack.pop()]["children"]:
            reached[child] = True
            stack.append(child)
    if not all(reached):
        raise ValueError(f"nodes[{reached.index(False)}] cannot be reached from the root (nodes[0])")
    return nodes[0]
