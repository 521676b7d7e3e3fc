import gc
import json
import re
import sys

import pytest
from hypothesis import given, settings, strategies as st

from pyexercise.checklib import assert_not_used, time_budget
from tree_json import Node, from_json, to_json

PATH = re.compile(r"\$(?:\.children\[\d+\])*")


def example():
    return Node("root", 1, [Node("a", [2, 3]), Node("b", None, [Node("c", {"k": "v"})])])


EXAMPLE_DOC = {"format": "tree/1", "nodes": [
    {"name": "root", "value": 1, "children": [1, 2]},
    {"name": "a", "value": [2, 3], "children": []},
    {"name": "b", "value": None, "children": [3]},
    {"name": "c", "value": {"k": "v"}, "children": []},
]}


def same_value(a, b):
    """Equal JSON values of the same types all the way down (1, 1.0 and True are all ==)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, list):
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same_value(a[k], b[k]) for k in a)
    return a == b


def render(trail):
    """A path from a linked trail (parent trail, position): cheap to extend, built only to report."""
    steps = []
    while trail is not None:
        trail, position = trail
        steps.append(f".children[{position}]")
    return "$" + "".join(reversed(steps))


def differences(a, b):
    """The first difference between two trees, walked iteratively, as text; None if the same."""
    stack = [(a, b, None)]
    while stack:
        x, y, trail = stack.pop()
        if type(y) is not Node:
            return f"at {render(trail)} there should be a Node, got {type(y).__name__}"
        if type(y.name) is not str or y.name != x.name:
            return f"at {render(trail)} the name should be {x.name!r}, got {y.name!r}"
        if not same_value(x.value, y.value):
            return f"at {render(trail)} the value should be {x.value!r}, got {y.value!r}"
        if type(y.children) is not list or len(y.children) != len(x.children):
            return f"at {render(trail)} there should be a list of {len(x.children)} children, got {y.children!r}"
        stack.extend((cx, cy, (trail, i)) for i, (cx, cy) in enumerate(zip(x.children, y.children)))
    return None


def first_repeat(root):
    """The oracle: (path of the first node met again in pre-order, path where it was first met)."""
    first = {}
    stack = [(root, "$")]
    while stack:
        node, path = stack.pop()
        if id(node) in first:
            return path, first[id(node)]
        first[id(node)] = path
        stack.extend((c, f"{path}.children[{i}]") for i, c in reversed(list(enumerate(node.children))))
    return None


def chain(n):
    root = node = Node("n0", 0)
    for i in range(1, n):
        child = Node(f"n{i}", i)
        node.children.append(child)
        node = child
    return root, node


def test_document_format():
    """to_json writes the flat document: nodes in pre-order, children by index"""
    text = to_json(example())
    assert type(text) is str, f"to_json should return a str, got {type(text).__name__}"
    got = json.loads(text)
    assert got == EXAMPLE_DOC, f"to_json(example) should give (once parsed)\n{EXAMPLE_DOC}\ngot\n{got}"


def test_pre_order_numbering():
    """a node comes before its children, and a subtree before its right siblings"""
    tree = Node("r", None, [Node("a", None, [Node("a1"), Node("a2")]), Node("b", None, [Node("b1")])])
    got = json.loads(to_json(tree))["nodes"]
    names = [n["name"] for n in got]
    assert names == ["r", "a", "a1", "a2", "b", "b1"], f"the nodes should be listed in pre-order, got {names}"
    kids = [n["children"] for n in got]
    assert kids == [[1, 4], [2, 3], [], [], [5], []], f"children should be the indexes [[1, 4], [2, 3], [], [], [5], []], got {kids}"


def test_round_trip_example():
    """from_json(to_json(tree)) gives back the same tree, values with their types"""
    back = from_json(to_json(example()))
    problem = differences(example(), back)
    assert problem is None, f"the round trip changed the tree: {problem}"


def test_single_node_and_value_types():
    """a single node, and every kind of JSON value, come back exactly"""
    values = [None, True, False, 0, -7, 2**70, 1.5, -0.0, "", "héllo \u2603 \n", [], {}, [1, [2.0, {"x": None}]],
              {"ünï": [True, "s"]}]
    for value in values:
        back = from_json(to_json(Node("only", value)))
        problem = differences(Node("only", value), back)
        assert problem is None, f"a single node with value {value!r} did not come back: {problem}"


def test_from_json_reads_any_order():
    """from_json accepts any index order that forms a tree, not only pre-order"""
    doc = {"format": "tree/1", "nodes": [
        {"name": "root", "value": 0, "children": [3, 1]},
        {"name": "y", "value": 1, "children": []},
        {"name": "z", "value": 2, "children": []},
        {"name": "x", "value": 3, "children": [2]},
    ]}
    root = from_json(json.dumps(doc))
    want = Node("root", 0, [Node("x", 3, [Node("z", 2)]), Node("y", 1)])
    problem = differences(want, root)
    assert problem is None, f"from_json of a tree listed out of pre-order: {problem}"


def test_look_alike_nodes_are_not_shared():
    """two distinct nodes with the same name and value are fine: identity counts, not equality"""
    twin = Node("leaf", 1)
    tree = Node("r", None, [Node("leaf", 1), Node("leaf", 1), Node("mid", None, [twin])])
    got = json.loads(to_json(tree))["nodes"]
    assert len(got) == 5, "equal-looking leaves are different nodes: all of them are serialized"


def _refusal(tree):
    with pytest.raises(ValueError) as caught:
        to_json(tree)
    return str(caught.value), PATH.findall(str(caught.value))


def test_shared_subtree_is_refused_with_its_path():
    """a subtree under two parents: ValueError naming where it appears again and where first"""
    shared = Node("shared", 7, [Node("below")])
    tree = Node("r", None, [Node("a", None, [shared]), Node("b", None, [Node("b0"), shared])])
    message, paths = _refusal(tree)
    want = ["$.children[1].children[1]", "$.children[0].children[0]"]
    assert paths[:2] == want, (f"the message should read 'node 'shared' at {want[0]} is already in the tree at "
                               f"{want[1]}', got {message!r}")
    assert "shared" in message, f"the message should name the node: {message!r}"


def test_cycles_are_refused_with_their_path():
    """a cycle back to the root, to an ancestor, or to the node itself: ValueError with the path"""
    root = Node("root")
    root.children.append(Node("a", None, [root]))
    message, paths = _refusal(root)
    assert paths[:2] == ["$.children[0].children[0]", "$"], f"a cycle back to the root: got {message!r}"

    me = Node("me")
    me.children.append(me)
    tree = Node("r", None, [Node("x"), me])
    message, paths = _refusal(tree)
    assert paths[:2] == ["$.children[1].children[0]", "$.children[1]"], f"a node that is its own child: got {message!r}"


def test_not_nodes_are_a_type_error():
    """a child that is not a Node, or a name that is not a str, is a TypeError"""
    to_json(Node("ok"))
    cases = [(Node("r", None, [Node("a"), "b"]), "$.children[1]"),
             (Node("r", None, [Node("a", None, [{"name": "x"}])]), "$.children[0].children[0]"),
             (Node(5), "$"), (Node("r", None, [Node("a"), Node("b"), Node(None)]), "$.children[2]")]
    for tree, path in cases:
        with pytest.raises(TypeError) as caught:
            to_json(tree)
            pytest.fail(f"to_json of a tree with {tree!r} should be a TypeError")
        found = PATH.findall(str(caught.value))
        assert found[:1] == [path], f"the TypeError should name the path {path}: {caught.value}"


def test_values_json_cannot_hold():
    """a value JSON cannot hold is refused: TypeError for a set or an object, ValueError for NaN"""
    to_json(Node("ok"))
    for value, error in [({1, 2}, TypeError), (object(), TypeError), (float("nan"), ValueError),
                         (float("inf"), ValueError), ([1, float("-inf")], ValueError)]:
        with pytest.raises(error):
            to_json(Node("r", None, [Node("bad", value)]))
            pytest.fail(f"a value {value!r} should be a {error.__name__}: JSON has no such value "
                        "(json.dumps(..., allow_nan=False) refuses NaN and infinity)")


def record(name, children, value=None):
    return {"name": name, "value": value, "children": children}


BAD_DOCUMENTS = {
    "not JSON": "{nope",
    "a list": "[]",
    "no format": json.dumps({"nodes": [record("r", [])]}),
    "another format": json.dumps({"format": "tree/2", "nodes": [record("r", [])]}),
    "no nodes key": json.dumps({"format": "tree/1"}),
    "no nodes": json.dumps({"format": "tree/1", "nodes": []}),
    "nodes not a list": json.dumps({"format": "tree/1", "nodes": {"0": record("r", [])}}),
    "a record not an object": json.dumps({"format": "tree/1", "nodes": [["r", None, []]]}),
    "a missing key": json.dumps({"format": "tree/1", "nodes": [{"name": "r", "children": []}]}),
    "an extra key": json.dumps({"format": "tree/1", "nodes": [dict(record("r", []), parent=None)]}),
    "a name not a str": json.dumps({"format": "tree/1", "nodes": [record(3, [])]}),
    "children not a list": json.dumps({"format": "tree/1", "nodes": [record("r", 1), record("a", [])]}),
    "a child index not an int": json.dumps({"format": "tree/1", "nodes": [record("r", ["1"]), record("a", [])]}),
    "a child index true": json.dumps({"format": "tree/1", "nodes": [record("r", [True]), record("a", [])]}),
    "a float index": json.dumps({"format": "tree/1", "nodes": [record("r", [1.0]), record("a", [])]}),
    "index out of range": json.dumps({"format": "tree/1", "nodes": [record("r", [2]), record("a", [])]}),
    "negative index": json.dumps({"format": "tree/1", "nodes": [record("r", [-1]), record("a", [])]}),
    "back to the root": json.dumps({"format": "tree/1", "nodes": [record("r", [1]), record("a", [0])]}),
    "two parents": json.dumps({"format": "tree/1", "nodes": [record("r", [1, 2]), record("a", [2]), record("b", [])]}),
    "listed twice": json.dumps({"format": "tree/1", "nodes": [record("r", [1, 1]), record("a", [])]}),
    "unreachable": json.dumps({"format": "tree/1", "nodes": [record("r", [1]), record("a", []), record("lost", [])]}),
    "a detached loop": json.dumps({"format": "tree/1", "nodes": [record("r", []), record("a", [2]), record("b", [1])]}),
    "a self loop": json.dumps({"format": "tree/1", "nodes": [record("r", [1]), record("a", [2]), record("b", [2])]}),
}


@pytest.mark.parametrize("case", list(BAD_DOCUMENTS))
def test_from_json_refuses_bad_documents(case):
    """from_json raises ValueError for a document that is not a tree (and never loops forever)"""
    from_json(to_json(Node("ok")))
    with time_budget(2, f"from_json did not finish on a document with {case}: does it loop?"):
        with pytest.raises(ValueError):
            from_json(BAD_DOCUMENTS[case])
            pytest.fail(f"from_json of a document with {case} should be a ValueError")


def test_no_recursion_tricks():
    """no sys.setrecursionlimit: the walk is iterative"""
    to_json(Node("ok"))
    assert_not_used("raising the recursion limit", attributes=["setrecursionlimit"], names=["setrecursionlimit"])


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3),
    max_leaves=3,
)


@st.composite
def trees(draw, max_nodes=12):
    """A random tree, and its nodes in pre-order."""
    n = draw(st.integers(1, max_nodes))
    names = st.text(st.characters(whitelist_categories=("L", "N")), max_size=4)  # no "$" to confuse a path
    nodes = [Node(draw(names), draw(JSON_VALUES)) for _ in range(n)]
    for i in range(1, n):
        nodes[draw(st.integers(0, i - 1))].children.append(nodes[i])  # every parent comes earlier
    return nodes[0]


@settings(max_examples=30)
@given(trees())
def test_round_trip_property(tree):
    """for random trees: from_json(to_json(t)) is the same tree"""
    back = from_json(to_json(tree))
    problem = differences(tree, back)
    assert problem is None, f"the round trip changed a random tree: {problem}"


@settings(max_examples=30)
@given(trees(), st.data())
def test_shared_or_cyclic_anywhere(tree, data):
    """a node referenced a second time anywhere (shared or a cycle) is refused with the right paths"""
    everything, stack = [], [tree]
    while stack:
        node = stack.pop()
        everything.append(node)
        stack.extend(node.children)
    target = data.draw(st.sampled_from(everything), label="node referenced again")
    host = data.draw(st.sampled_from(everything), label="its second parent")
    host.children.insert(data.draw(st.integers(0, len(host.children)), label="at position"), target)
    want = first_repeat(tree)
    message, paths = _refusal(tree)
    assert paths[:2] == list(want), (f"expected 'node {target.name!r} at {want[0]} is already in the tree at {want[1]}' "
                                     f"(the first repeat in pre-order), got {message!r}")


def test_broom_round_trip():
    """a deep handle with a wide brush at its end comes back the same"""
    deep, bottom = chain(5_000)
    bottom.children.extend(Node(f"b{i}", [i]) for i in range(5_000))
    with time_budget(1.5, "a tree of 10,000 nodes took over 1.5 s: is 'seen' a list searched for every node? "
                          "Look nodes up in a dict or set by id(node)"):
        back = from_json(to_json(deep))
    problem = differences(deep, back)
    assert problem is None, f"a deep and wide tree changed: {problem}"


@pytest.fixture
def no_gc():
    """The big trees make the garbage collector sweep their 100,000s of objects again and again;
    what is timed here is the walk, so collect once and pause it."""
    gc.collect()
    gc.disable()
    yield
    gc.enable()


def test_wide_tree_in_time(no_gc):
    """100,000 children of one node: a repeat of the next-to-last is found in time, with its paths"""
    wide = Node("root", None, [Node(f"c{i}", i) for i in range(100_000)])
    wide.children.append(wide.children[99_998])
    with time_budget(2, "to_json of a 100,000-node tree took over 2 s: look 'seen' up in a dict or set by "
                        "id(node), not by searching a list"):
        message, paths = _refusal(wide)
    assert paths[:2] == ["$.children[100000]", "$.children[99998]"], f"a repeat at the end of a wide tree: {message!r}"


def test_deep_chain_both_ways(no_gc):
    """a 100,000-deep chain serializes, reads back and is refused when it loops, without recursion"""
    limit = sys.getrecursionlimit()
    root, last = chain(100_000)
    with time_budget(3, "to_json/from_json of a 100,000-deep chain took over 3 s: is something quadratic "
                        "(a search through a list for each node, a path built for every node)?"):
        text = to_json(root)
        back = from_json(text)
    assert sys.getrecursionlimit() == limit, "leave the recursion limit alone"
    node = back
    for depth in range(100_000):
        assert type(node) is Node and node.name == f"n{depth}" and node.value == depth, (
            f"the chain read back is wrong at depth {depth}: {node!r}")
        assert len(node.children) == (depth < 99_999), f"the node at depth {depth} should have {int(depth < 99_999)} child"
        node = node.children[0] if node.children else None
    del text, back, node  # only the original chain from here on
    last.children.append(root.children[0])  # a cycle from the bottom to the second node
    with time_budget(2, "refusing a 100,000-deep cycle took over 2 s: build the path only when you report it"):
        message, paths = _refusal(root)
    assert paths[1] == "$.children[0]" and paths[0] == "$" + ".children[0]" * 100_000, (
        "the cycle from the bottom of the chain back to $.children[0] should be reported with both paths")
