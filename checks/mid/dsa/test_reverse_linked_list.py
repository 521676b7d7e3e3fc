import gc
import sys
import tracemalloc
from itertools import islice, repeat

import pytest
from hypothesis import given, strategies as st

from pyexercise.checklib import time_budget
from reverse_linked_list import Node as YourNode, reverse_iterative, reverse_recursive

BOTH = [reverse_iterative, reverse_recursive]


class Node:
    """The check's own node: plain, and closed to new attributes (no marks on nodes)."""

    __slots__ = ("value", "next")

    def __init__(self, value, next=None):
        self.value, self.next = value, next


def build(values):
    """A linked list of check nodes holding ``values``; returns (head, nodes). Built with the
    garbage collector off: a million nodes in a few tenths of a second."""
    values = list(values)
    gc.disable()
    try:
        nodes = list(map(Node.__new__, repeat(Node, len(values))))
        list(map(setattr, nodes, repeat("value"), values))
        list(map(setattr, nodes, repeat("next"), islice(nodes, 1, None)))
        if nodes:
            nodes[-1].next = None
    finally:
        gc.enable()
    return (nodes[0] if nodes else None), nodes


def describe(values):
    if not values:
        return "None (the empty list)"
    if len(values) <= 10:
        return " -> ".join(map(repr, values))
    return f"<a list of {len(values):,} nodes>"


def number(nodes, node):
    """1-based position of ``node`` in the original list, or None."""
    return next((i + 1 for i, n in enumerate(nodes) if n is node), None)


def check_reversed(fn, values, nodes, got):
    """``got`` must be the old last node, and the nodes must now run backwards, ending in None."""
    call = f"{fn.__name__}({describe(values)})"
    n = len(nodes)
    if n == 0:
        assert got is None, f"{call} should return None, got {got!r}"
        return
    moved = [i for i, (node, v) in enumerate(zip(nodes, values)) if node.value is not v]
    assert not moved, (f"{call} changed node values (node number {moved[0] + 1} now holds "
                       f"{nodes[moved[0]].value!r}): reverse by relinking .next, each value stays with its node")
    assert got is nodes[-1], (
        f"{call} should return the old last node (value {values[-1]!r}), got "
        + ("None" if got is None else f"node number {number(nodes, got)}" if number(nodes, got) else
           f"{got!r}, a node that was not in the list: relink the nodes you were given, don't make new ones"))
    node = got
    for i in range(n):
        want = nodes[n - 1 - i]
        if node is not want:
            where = (f"the list ends after {i} nodes" if node is None else
                     f"node number {i + 1} is the old node number {number(nodes, node)}" if number(nodes, node) else
                     f"node number {i + 1} is {node!r}, not a node of the list")
            raise AssertionError(f"after {call}, following .next from the new head: {where}; it should be the old "
                                 f"node number {n - i} (value {values[n - 1 - i]!r})")
        node = node.next
    assert node is None, (f"after {call} the old head (now the last node) should have .next None, but it points to "
                          f"the old node number {number(nodes, node)}: the list now loops; set its .next to None")


def reverse_and_check(fn, values):
    head, nodes = build(values)
    got = fn(head)
    check_reversed(fn, values, nodes, got)


# -- both functions -------------------------------------------------------------------------------
@pytest.mark.parametrize("fn", BOTH, ids=lambda f: f.__name__)
def test_docstring_example(fn):
    """1 -> 2 -> 3 becomes 3 -> 2 -> 1, with the given Node class, and back again"""
    c = YourNode(3)
    b = YourNode(2, c)
    head = YourNode(1, b)
    assert (head.value, c.value) == (1, 3) and head.next is b and c.next is None, (
        "Node(value, next) should set .value and .next (the given class)")
    check_reversed(fn, [1, 2, 3], [head, b, c], fn(head))
    check_reversed(fn, [3, 2, 1], [c, b, head], fn(c))


@pytest.mark.parametrize("fn", BOTH, ids=lambda f: f.__name__)
def test_empty_and_single(fn):
    """None reverses to None; a single node is its own reverse"""
    assert fn(None) is None, f"{fn.__name__}(None) should return None"
    reverse_and_check(fn, ["only"])


@pytest.mark.parametrize("fn", BOTH, ids=lambda f: f.__name__)
def test_two_nodes(fn):
    """two nodes swap places; the old head's .next becomes None"""
    reverse_and_check(fn, ["a", "b"])


@pytest.mark.parametrize("fn", BOTH, ids=lambda f: f.__name__)
def test_lengths_up_to_40(fn):
    """every length from 3 to 40, with repeated values and None as a value"""
    for n in range(3, 41):
        reverse_and_check(fn, [i % 3 if i % 4 else None for i in range(n)])


@pytest.mark.parametrize("fn", BOTH, ids=lambda f: f.__name__)
def test_twice_is_the_original(fn):
    """reversing twice gives the original list back, node for node"""
    head, nodes = build(range(25))
    back = fn(fn(head))
    assert back is head, f"{fn.__name__}({fn.__name__}(<25 nodes>)) should return the original head"
    node = head
    for want in nodes:
        assert node is want, f"reversing <25 nodes> twice should restore the original order of the nodes"
        node = node.next
    assert node is None, "after reversing twice the last node should end the list again"


@given(st.lists(st.sampled_from([0, 1, -1, None, "x", "é"]), max_size=120))
def test_random_lists(values):
    """any list: both functions relink the very same nodes in the opposite order"""
    for fn in BOTH:
        reverse_and_check(fn, values)


# -- the recursive one ----------------------------------------------------------------------------
def frame_depth():
    frame, depth = sys._getframe(1), 0
    while frame is not None:
        depth, frame = depth + 1, frame.f_back
    return depth


def test_recursive_handles_500_nodes():
    """reverse_recursive works on 500 nodes, under the default recursion limit"""
    reverse_and_check(reverse_recursive, list(range(500)))


def test_recursive_really_recurses():
    """reverse_recursive calls itself once per node: 200 nodes need about 200 frames"""
    head, nodes = build(range(200))
    spare = 60
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(frame_depth() + spare)
    try:
        try:
            reverse_recursive(head)
        except RecursionError:
            recursed = True
        else:
            recursed = False
    finally:
        sys.setrecursionlimit(old)
    assert recursed, (f"reverse_recursive(<200 nodes>) finished with only {spare} frames of stack to spare, so it did "
                      "not recurse once per node: it should call itself (or a recursive helper) on the rest of the "
                      "list, not loop")
    head, nodes = build(range(200))
    sys.setrecursionlimit(frame_depth() + spare)
    try:
        got = reverse_iterative(head)
    finally:
        sys.setrecursionlimit(old)
    check_reversed(reverse_iterative, list(range(200)), nodes, got)


# -- the iterative one, big -----------------------------------------------------------------------
def test_iterative_million_nodes_no_memory():
    """reverse_iterative on a million nodes: O(n) time, and (almost) no memory allocated"""
    values = range(1_000_000)
    head, nodes = build(values)
    with time_budget(3, "reverse_iterative() took over 3 s on a million nodes: one pass over the list, "
                        "turning each .next around, is enough"):
        tracemalloc.start()
        try:
            got = reverse_iterative(head)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert peak <= 1024, (f"reverse_iterative(<1,000,000 nodes>) allocated {peak:,} bytes: O(1) memory means a few "
                          "variables (prev, node, next), not a list or stack of the nodes")
    assert got is nodes[-1], "reverse_iterative(<1,000,000 nodes>) should return the old last node"
    node, count = got, 0
    for want in reversed(nodes):
        if node is not want:
            raise AssertionError(f"after reverse_iterative(<1,000,000 nodes>) node number {count + 1} is wrong")
        node, count = node.next, count + 1
    assert node is None, "after reverse_iterative(<1,000,000 nodes>) the old head should end the list"
