import gc
import sys
from collections import deque
from collections.abc import Iterator
from itertools import islice

import pytest
from hypothesis import given, strategies as st

import tree_traversals as tt
from pyexercise.checklib import assert_not_used, time_budget

ORDERS = ["preorder", "inorder", "postorder", "level_order"]
RECURSIVE = ["preorder_recursive", "inorder_recursive", "postorder_recursive"]
ALL = ORDERS + RECURSIVE


class Plain:
    """The check's own node: plain slots, no room for marks."""

    __slots__ = ("value", "left", "right")

    def __init__(self, value, left=None, right=None):
        self.value, self.left, self.right = value, left, right


# -- the reference: the definitions, written down -------------------------------------------------
def ref_pre(node):
    if node is not None:
        yield node.value
        yield from ref_pre(node.left)
        yield from ref_pre(node.right)


def ref_in(node):
    if node is not None:
        yield from ref_in(node.left)
        yield node.value
        yield from ref_in(node.right)


def ref_post(node):
    if node is not None:
        yield from ref_post(node.left)
        yield from ref_post(node.right)
        yield node.value


def ref_level(node):
    queue = deque([node] if node is not None else [])
    while queue:
        node = queue.popleft()
        yield node.value
        queue.extend(child for child in (node.left, node.right) if child is not None)


REFERENCE = {"preorder": ref_pre, "inorder": ref_in, "postorder": ref_post, "level_order": ref_level}


def reference(name, root):
    return REFERENCE[name.removesuffix("_recursive")](root)


def fn(name):
    return getattr(tt, name)


def traverse(name, root, what):
    got = fn(name)(root)
    assert isinstance(got, Iterator), (f"{name}({what}) should return a generator (an iterator of values), got "
                                       f"{type(got).__name__}: yield the values one at a time")
    return list(got)


def check(name, root, what, want=None):
    want = list(reference(name, root)) if want is None else want
    got = traverse(name, root, what)
    assert got == want, f"{name}({what}) should give {want!r}, got {got!r}"


def from_nested(t):
    """(value, left, right) tuples or None -> Plain nodes."""
    return None if t is None else Plain(t[0], from_nested(t[1]), from_nested(t[2]))


def snapshot(root, limit=10_000):
    """Every node with its children, by identity: to see that nothing was re-linked. Stops after
    ``limit`` nodes: a re-linked tree may have become a loop."""
    out, stack = [], [root] if root is not None else []
    while stack and len(out) <= limit:
        node = stack.pop()
        out.append((id(node), id(node.left), id(node.right), node.value))
        stack.extend(c for c in (node.left, node.right) if c is not None)
    return out


DOC_TREE = (1, (2, (4, None, None), (5, None, None)), (3, None, (6, None, None)))
DOC_WANT = {"preorder": [1, 2, 4, 5, 3, 6], "inorder": [4, 2, 5, 1, 3, 6], "postorder": [4, 5, 2, 6, 3, 1],
            "level_order": [1, 2, 3, 4, 5, 6]}


# -- small trees ----------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ALL)
def test_docstring_tree(name):
    """the docstring's tree, with the given Node class"""
    N = tt.Node
    root = N(1, N(2, N(4), N(5)), N(3, None, N(6)))
    assert root.left.right.value == 5 and root.right.left is None, "Node(value, left, right) (the given class)"
    check(name, root, "<the docstring's tree>", DOC_WANT[name.removesuffix("_recursive")])


@pytest.mark.parametrize("name", ALL)
def test_empty_and_single(name):
    """the empty tree gives nothing; a single node gives its value"""
    check(name, None, "None", [])
    check(name, Plain("x"), "a single node 'x'", ["x"])


@pytest.mark.parametrize("name", ALL)
def test_lopsided_trees(name):
    """only-left and only-right children, zigzags, None and repeated values"""
    trees = {
        "a left chain 1 <- 2 <- 3": (3, (2, (1, None, None), None), None),
        "a right chain 1 -> 2 -> 3": (1, None, (2, None, (3, None, None))),
        "a zigzag": (1, (2, None, (3, (4, None, None), None)), None),
        "a tree of Nones and 0s": (None, (0, None, None), (None, (0, None, None), None)),
        "a full tree of 3 levels": (1, (2, (4, None, None), (5, None, None)), (3, (6, None, None), (7, None, None))),
    }
    for what, t in trees.items():
        check(name, from_nested(t), f"<{what}>")


TREES = st.recursive(st.none(), lambda kids: st.tuples(st.integers(0, 9), kids, kids), max_leaves=40)


@given(TREES)
def test_random_trees(t):
    """random trees: all seven agree with the definitions, and leave the tree as it was"""
    root = from_nested(t)
    before = snapshot(root)
    for name in ALL:
        check(name, root, f"<a random tree: {t!r}>" if len(repr(t)) < 200 else "<a random tree>")
    unchanged = snapshot(root, len(before)) == before
    assert unchanged, "a traversal changed the tree: read it, don't re-link nodes"


@pytest.mark.parametrize("name", ALL)
def test_stopping_halfway_leaves_the_tree_alone(name):
    """a traversal stopped after a few values has changed nothing in the tree"""
    t = (1, (2, (4, (8, None, None), None), (5, None, (9, None, None))), (3, (6, None, None), (7, None, None)))
    root = from_nested(t)
    before = snapshot(root)
    for k in (1, 3, 5):
        got = list(islice(fn(name)(root), k))
        assert got == list(islice(reference(name, root), k)), f"the first {k} values of {name} are wrong: {got!r}"
        unchanged = snapshot(root, len(before)) == before
        assert unchanged, (f"after taking {k} value(s) from {name}(...) and stopping, the tree had changed: don't "
                           "re-link nodes, not even for a while (a generator may be abandoned at any point)")


# -- recursion, watched -----------------------------------------------------------------------
class Probe:
    """A node that, whenever its value is read, notes how many calls of the file under test are
    on the stack: the recursion depth of whoever reads it."""

    __slots__ = ("_value", "left", "right")
    deepest = 0
    file = ""

    def __init__(self, value, left=None, right=None):
        self._value, self.left, self.right = value, left, right

    @property
    def value(self):
        frame, depth = sys._getframe(1), 0
        while frame is not None:
            depth += frame.f_code.co_filename == Probe.file
            frame = frame.f_back
        Probe.deepest = max(Probe.deepest, depth)
        return self._value


def probe_depth(name, n=60):
    """The deepest call nesting seen while ``name`` reads a zigzag chain of ``n`` Probe nodes."""
    root = None
    for i in reversed(range(n)):
        root = Probe(i, root, None) if i % 2 else Probe(i, None, root)
    Probe.file, Probe.deepest = fn(name).__code__.co_filename, 0
    list(fn(name)(root))
    return Probe.deepest


@pytest.mark.parametrize("name", RECURSIVE)
def test_recursive_ones_recurse(name):
    """the recursive versions call themselves: a 60-deep chain is read 60 calls deep"""
    depth = probe_depth(name)
    assert depth >= 60, (f"{name} read the values of a 60-node chain at most {depth} calls deep: it should recurse, "
                         "one call per level (e.g. `yield from` itself on each subtree)")


@pytest.mark.parametrize("name", ORDERS)
def test_iterative_ones_do_not_recurse(name):
    """the iterative versions don't: the depth of the tree is not the depth of the calls"""
    depth = probe_depth(name)
    assert depth <= 5, (f"{name} read the values of a 60-node chain {depth} calls deep: it recurses; keep the "
                        "nodes still to visit on a list (a stack) or a deque instead")


def test_recursive_handles_a_few_hundred_levels():
    """the recursive versions manage a 300-deep chain under the default recursion limit"""
    root = None
    for i in range(300):
        root = Plain(i, root, None)
    for name in RECURSIVE:
        check(name, root, "<a left chain 300 deep>")


def test_no_recursion_limit_games():
    """the default recursion limit stays as it is"""
    check("inorder", Plain(1), "a single node 1", [1])
    assert_not_used("changing the recursion limit", attributes=["setrecursionlimit"])


# -- laziness -------------------------------------------------------------------------------------
class Huge:
    """A complete tree of depth 40 (a trillion nodes) whose children exist only once asked for.
    Values number the nodes like a heap: the root is 1, the children of k are 2k and 2k + 1."""

    __slots__ = ("value", "depth", "_left", "_right")

    def __init__(self, value, depth):
        self.value, self.depth, self._left, self._right = value, depth, False, False

    @property
    def left(self):
        if self._left is False:
            self._left = Huge(2 * self.value, self.depth + 1) if self.depth < 40 else None
        return self._left

    @property
    def right(self):
        if self._right is False:
            self._right = Huge(2 * self.value + 1, self.depth + 1) if self.depth < 40 else None
        return self._right


@pytest.mark.parametrize("name", ALL)
def test_lazy_on_a_trillion_nodes(name):
    """the first ten values of a trillion-node tree come at once: nothing is built ahead"""
    with time_budget(1, f"taking the first 10 values of {name}(<a tree of a trillion nodes>) took over a second: "
                        "a generator should find each value only when asked, not build the whole traversal"):
        got = list(islice(fn(name)(Huge(1, 1)), 10))
    want = list(islice(reference(name, Huge(1, 1)), 10))
    assert got == want, f"the first 10 values of {name}(<a complete tree of depth 40>) should be {want}, got {got}"


# -- big trees ------------------------------------------------------------------------------------
def chain(n, side):
    """A chain of n nodes going down to the left, to the right, or zigzagging; built without
    recursion, with the garbage collector off."""
    gc.disable()
    try:
        root = None
        for i in range(n):
            go_left = side == "left" or (side == "zigzag" and i % 2)
            root = Plain(i, root, None) if go_left else Plain(i, None, root)
    finally:
        gc.enable()
    return root


@pytest.fixture(scope="module")
def deep_chains():
    return {side: chain(100_000, side) for side in ("left", "zigzag")}


@pytest.mark.parametrize("name", ORDERS)
def test_chain_100000_deep(name, deep_chains):
    """a chain 100,000 nodes deep, under the default recursion limit"""
    for side, root in deep_chains.items():
        want = list(reversed(range(100_000))) if name in ("preorder", "level_order") else (
            list(range(100_000)) if name == "postorder" or side == "left" else None)
        try:
            got = list(fn(name)(root))
        except RecursionError:
            pytest.fail(f"{name}(<a {side} chain 100,000 deep>) hit the recursion limit: keep the nodes still to "
                        "visit on an explicit stack")
        want = want if want is not None else list(ref_in_iterative(root))
        assert got == want, f"{name}(<a {side} chain 100,000 deep>) gave the wrong values (first ten: {got[:10]})"


def ref_in_iterative(root):
    stack, node = [], root
    while stack or node is not None:
        while node is not None:
            stack.append(node)
            node = node.left
        node = stack.pop()
        yield node.value
        node = node.right


def complete_tree(levels):
    """A complete tree of 2**levels - 1 nodes, numbered like a heap from 1; built bottom-up."""
    gc.disable()
    try:
        n = 2 ** levels - 1
        nodes = [None] + [Plain(k) for k in range(1, n + 1)]
        for k in range(1, n // 2 + 1):
            nodes[k].left, nodes[k].right = nodes[2 * k], nodes[2 * k + 1]
    finally:
        gc.enable()
    return nodes[1]


def test_level_order_wide_tree():
    """level order on a tree 131,072 nodes wide at the bottom: the queue pops from the front in O(1)"""
    root = complete_tree(18)
    with time_budget(2, "level_order(<a complete tree of 262,143 nodes>) took over 2 s: popping the front of a "
                        "list (list.pop(0)) shifts every item behind it; collections.deque.popleft() is O(1)"):
        got = list(tt.level_order(root))
    assert got == list(range(1, 2 ** 18)), "level_order of a complete tree numbered like a heap should give 1, 2, 3, ..."
