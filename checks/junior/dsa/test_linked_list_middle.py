import tracemalloc

import pytest
from hypothesis import given, strategies as st

from linked_list_middle import Node, middle, middle_node


def build(values):
    """Build a linked list of Nodes; return (head, nodes in order)."""
    nodes = [Node(v) for v in values]
    for a, b in zip(nodes, nodes[1:]):
        a.next = b
    return (nodes[0] if nodes else None), nodes


def check_middle(values, want):
    before = list(values)
    got = middle(values)
    assert got == want and type(got) is type(want), f"middle({before!r}) should be {want!r}, got {got!r}"
    assert values == before, f"middle({before!r}) changed the list to {values!r}"


def check_middle_node(values, want_index):
    head, nodes = build(values)
    got = middle_node(head)
    shown = " -> ".join(map(repr, values)) if len(values) <= 12 else f"<a linked list of {len(values)} nodes>"
    assert isinstance(got, Node), f"middle_node({shown}) should return a Node, got {got!r}"
    assert got is nodes[want_index], (
        f"middle_node({shown}) should return node number {want_index + 1} (value {values[want_index]!r}), "
        f"got the node with value {got.value!r}")
    links = [n.next for n in nodes]
    assert links == nodes[1:] + [None] and [n.value for n in nodes] == list(values), (
        f"middle_node({shown}) changed the nodes: it should only read them")


def test_list_odd_length():
    """simulated with a list: the middle of an odd-length list"""
    check_middle([1, 2, 3, 4, 5], 3)
    check_middle(["a", "b", "c"], "b")


def test_list_even_length():
    """simulated with a list: the second of the two middles"""
    check_middle([1, 2, 3, 4, 5, 6], 4)
    check_middle(["a", "b"], "b")


def test_list_one_and_empty():
    """simulated with a list: one element is its own middle; empty raises ValueError"""
    check_middle([42], 42)
    with pytest.raises(ValueError):
        middle([])


def test_nodes_odd_length():
    """real nodes: the middle node of an odd-length list"""
    check_middle_node([1, 2, 3, 4, 5], 2)
    check_middle_node([1, 2, 3], 1)


def test_nodes_even_length():
    """real nodes: the second of the two middle nodes"""
    check_middle_node([1, 2, 3, 4, 5, 6], 3)
    check_middle_node([1, 2], 1)
    check_middle_node([1, 2, 3, 4], 2)


def test_nodes_one_and_empty():
    """real nodes: a single node is the middle; None (empty) raises ValueError"""
    check_middle_node(["only"], 0)
    with pytest.raises(ValueError):
        middle_node(None)


def test_nodes_repeated_values():
    """real nodes: the middle *node* is returned, even when values repeat"""
    check_middle_node([7, 7, 7, 7, 7], 2)
    check_middle_node([0, 0, 0, 0], 2)


def test_nodes_long_list_constant_memory():
    """real nodes: 100,000 nodes, walked with O(1) extra memory"""
    n = 100_000
    head, nodes = build(range(n))
    tracemalloc.start()
    try:
        got = middle_node(head)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert got is nodes[n // 2], f"middle_node(<100,000 nodes>) should return node {n // 2 + 1}, got value {got.value!r}"
    assert peak < 64 * 1024, (
        f"middle_node() used {peak // 1024} KB of extra memory on 100,000 nodes; O(1) memory means a few variables "
        "pointing at nodes, not a Python list of them")


@given(st.lists(st.integers(), min_size=1, max_size=40))
def test_both_agree_on_any_list(values):
    """for any non-empty list, both versions pick the element at index len // 2"""
    check_middle(list(values), values[len(values) // 2])
    check_middle_node(values, len(values) // 2)
