import copy

import pytest
from hypothesis import given, strategies as st

from binary_tree_depth import max_depth


def leaf(value=0):
    return [value, None, None]


def depth_of(tree):
    return 0 if tree is None else 1 + max(depth_of(tree[1]), depth_of(tree[2]))


def check(tree, want, why=""):
    before = repr(tree)  # a snapshot (deepcopy would recurse too deep on a 500-level tree)
    got = max_depth(tree)
    shown = repr(tree) if len(repr(tree)) <= 80 else f"<a tree {want} levels deep>"
    assert type(got) is int, f"max_depth({shown}) should return an int, got {got!r}"
    assert got == want, f"max_depth({shown}) should be {want}, got {got}" + (f": {why}" if why else "")
    assert repr(tree) == before, f"max_depth({shown}) changed the tree"


def test_example_tree():
    """the three-level tree from the docstring"""
    check([1, [2, [4, None, None], None], [3, None, None]], 3)


def test_empty_and_single_node():
    """the empty tree has depth 0, a single node depth 1"""
    check(None, 0)
    check(leaf(4), 1)


def test_deeper_side_counts():
    """the longest path counts, whichever side it is on"""
    check([1, leaf(), None], 2)
    check([1, None, leaf()], 2, "the right subtree counts too")
    check([1, leaf(), [2, None, [3, leaf(), None]]], 4, "the deepest leaf is on the right")
    check([1, [2, [3, None, leaf()], None], leaf()], 4, "the deepest leaf is on the left")


def test_full_tree():
    """a full tree of 15 nodes is 4 levels deep"""
    tree = None
    for _ in range(4):
        tree = [0, copy.deepcopy(tree), copy.deepcopy(tree)]
    check(tree, 4)


def test_values_do_not_matter():
    """node values can be 0, None or lists: only the shape counts"""
    check(leaf(None), 1, "[None, None, None] is a node whose value is None")
    check(leaf(0), 1)
    check([[1, 2, 3], [None, None, None], None], 2, "a value may itself be a list")
    check(["x", [False, None, None], [0, None, None]], 2)


def test_deep_chain():
    """a tree 500 levels deep (each node with one child)"""
    tree = None
    for i in range(500):
        tree = [i, tree, None] if i % 2 else [i, None, tree]
    check(tree, 500)


def test_malformed_raises_value_error():
    """a node that is not [value, left, right] raises ValueError"""
    for tree in ([], [1], [1, None], [1, None, None, None], [1, 2, None], [1, None, "x"],
                 [1, [2, None], None], [1, None, [2, None, None, None]]):
        with pytest.raises(ValueError):
            max_depth(tree)


trees = st.recursive(st.none(), lambda kids: st.tuples(st.integers(0, 9), kids, kids).map(list), max_leaves=30)
@given(trees)
def test_matches_recursive_definition(tree):
    """agrees with the definition on any tree"""
    check(tree, depth_of(tree))


@given(trees, trees)
def test_one_more_than_deeper_subtree(left, right):
    """a node over two subtrees is one deeper than the deeper of them"""
    want = 1 + max(depth_of(left), depth_of(right))
    check(["root", left, right], want)
