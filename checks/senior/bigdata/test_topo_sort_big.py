import random

import pytest
from hypothesis import given, strategies as st

from pyexercise.checklib import assert_not_used
from topo_sort_big import topo_sort


def assert_valid_order(n, edges, order):
    """Every node once, and every edge u -> v with u first."""
    assert type(order) is list, f"topo_sort should return a list, got {type(order).__name__}"
    assert len(order) == n, f"the order should hold all {n} nodes once each, it has {len(order)} items"
    pos = [-1] * n
    for i, u in enumerate(order):
        assert type(u) is int, f"nodes are ints, got {u!r}"
        assert 0 <= u < n, f"{u!r} is not a node of a {n}-node graph"
        assert pos[u] == -1, f"node {u} appears twice in the order"
        pos[u] = i
    for u, v in edges:
        assert pos[u] < pos[v], f"edge {u} -> {v} needs {u} before {v}, but {v} is at {pos[v]} and {u} at {pos[u]}"


def test_small_dag():
    """the docstring's graph: 2 before 0 and 3, 0 before 1"""
    edges = [(2, 0), (0, 1), (2, 3)]
    assert_valid_order(4, edges, topo_sort(4, edges))


def test_diamond_and_duplicates():
    """a diamond with a repeated edge is still sorted"""
    edges = [(0, 1), (0, 2), (1, 3), (2, 3), (1, 3)]
    assert_valid_order(4, edges, topo_sort(4, edges))


def test_empty_and_single():
    """no nodes gives [], one node gives [0]"""
    got = topo_sort(0, [])
    assert got == [] and type(got) is list, f"topo_sort(0, []) should be [], got {got!r}"
    assert topo_sort(1, []) == [0], "a single node with no edges: [0]"


def test_disconnected_nodes_all_appear():
    """nodes without any edges, and separate components, are all in the order"""
    edges = [(3, 1), (5, 4)]
    assert_valid_order(7, edges, topo_sort(7, edges))
    assert sorted(topo_sort(5, [])) == [0, 1, 2, 3, 4], "with no edges every order of 0..4 is fine, but all must appear"


def test_edges_may_be_a_generator():
    """edges may be a one-shot generator: go over it once"""
    edges = [(4, 3), (3, 2), (2, 1), (1, 0)]
    got = topo_sort(5, (e for e in edges))
    assert got == [4, 3, 2, 1, 0], (f"with a generator of edges got {got!r}: iterating it a second time "
                                    "gives nothing, so read each edge once")


@pytest.mark.parametrize("edges", [
    [(0, 1), (1, 2), (2, 0)],
    [(1, 1)],
    [(0, 1), (1, 0)],
    [(0, 1), (2, 3), (3, 4), (4, 2)],  # a cycle away from node 0, which is fine
], ids=["triangle", "self-loop", "two-cycle", "cycle-in-one-component"])
def test_cycle_raises(edges):
    """a cycle anywhere in the graph is a ValueError"""
    with pytest.raises(ValueError):
        topo_sort(5, edges)


@pytest.mark.parametrize("n, edges", [(3, [(0, 3)]), (3, [(3, 0)]), (3, [(-1, 0)]), (3, [(1, -1)]),
                                      (3, [(0, -3)]), (-1, [])],
                         ids=["v-too-big", "u-too-big", "negative-u", "negative-v", "v-minus-n", "negative-n"])
def test_bad_input_raises(n, edges):
    """a node outside 0..n-1 (negatives too) or a negative n is a ValueError"""
    with pytest.raises(ValueError):
        topo_sort(n, edges)


def test_no_graphlib_no_deep_recursion_tricks():
    """the algorithm is yours: no graphlib, and no raising the recursion limit"""
    assert_not_used("graphlib or raising the recursion limit", imports=["graphlib"],
                    attributes=["setrecursionlimit", "stack_size"], names=["setrecursionlimit", "stack_size"])


@st.composite
def dags(draw):
    n = draw(st.integers(0, 25))
    labels = draw(st.permutations(range(n)))
    pairs = draw(st.lists(st.tuples(st.integers(0, max(n - 1, 0)), st.integers(0, max(n - 1, 0))), max_size=60))
    # i < j in the hidden order `labels` makes every edge point forward: a DAG
    edges = [(labels[i], labels[j]) for i, j in pairs if n and i < j]
    return n, edges


@given(dags())
def test_any_dag_is_sorted(graph):
    """any random DAG gets a valid order"""
    n, edges = graph
    assert_valid_order(n, edges, topo_sort(n, list(edges)))


def has_cycle(n, edges):
    """Brute force: repeatedly remove nodes without incoming edges."""
    alive, es = set(range(n)), set(edges)
    while True:
        free = {u for u in alive if not any(v == u and a in alive for a, v in es)}
        if not free:
            return bool(alive)
        alive -= free


@given(st.integers(1, 8).flatmap(lambda n: st.tuples(
    st.just(n), st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=12))))
def test_cycles_detected_exactly(graph):
    """on any small graph: ValueError exactly when there is a cycle, a valid order otherwise"""
    n, edges = graph
    if has_cycle(n, edges):
        with pytest.raises(ValueError):
            topo_sort(n, edges)
    else:
        assert_valid_order(n, edges, topo_sort(n, edges))


# ------------------------------------------------------------------------- a million nodes
N = 1_000_000


def scrambled(n: int, mult: int) -> list[int]:
    """0..n-1 in a scrambled order: i -> i * mult mod n is a permutation when gcd(mult, n) == 1
    (and much quicker to build than random.shuffle)."""
    return [i * mult % n for i in range(n)]


def chain_edges(path: list[int]):
    """The path through every node, then shortcut edges that jump ahead along it."""
    yield from zip(path, path[1:])
    n = len(path)
    for i in range(0, n - 600, 4):
        yield path[i], path[i + 2 + i * 31 % 597]


def test_million_node_chain():
    """a path through a million nodes (plus shortcuts): no recursion that deep, and the one valid order"""
    path = scrambled(N, 7919)
    try:
        got = topo_sort(N, chain_edges(path))
    except RecursionError:
        pytest.fail("RecursionError: a recursive search needs one stack frame per node along the path, a "
                    "million here. Use an iterative algorithm: Kahn's (in-degrees and a queue), or a DFS "
                    "with a stack of your own", pytrace=False)
    assert type(got) is list, f"topo_sort should return a list, got {type(got).__name__}"
    assert len(got) == N, f"should return all {N:,} nodes, got {len(got):,}"
    same = got == path  # (compared outside the assert: pytest would try to diff a million items)
    if not same:
        i = next(i for i, (a, b) in enumerate(zip(got, path)) if a != b)
        pytest.fail(f"the graph is one long path (plus shortcuts along it), so only one order is valid; at "
                    f"position {i:,} it has node {path[i]}, yours has {got[i]}", pytrace=False)


def test_long_cycle():
    """a 200,000-node path closed into a cycle is a ValueError (not a RecursionError)"""
    path = scrambled(200_000, 7919)

    def closed():
        yield from chain_edges(path)
        yield path[-1], path[0]

    try:
        with pytest.raises(ValueError):
            topo_sort(len(path), closed())
    except RecursionError:
        pytest.fail("RecursionError: finding a cycle by recursion needs one stack frame per node on it, "
                    "200,000 here. With Kahn's algorithm a cycle shows as nodes that never reach in-degree 0",
                    pytrace=False)


def test_wide_random_dag():
    """a wide random DAG of 200,000 nodes with many valid orders"""
    assert topo_sort(2, [(1, 0)]) == [1, 0], "first, a tiny graph: 1 -> 0 sorts to [1, 0]"
    n = 200_000
    rng = random.Random(3)
    hidden = scrambled(n, 104_729)
    rand = rng.random
    edges = []
    for s in range(n - 1):
        for _ in range(2):
            d = s + 1 + int(rand() * min(2000, n - 1 - s))
            edges.append((hidden[s], hidden[d]))
    got = topo_sort(n, iter(edges))
    assert type(got) is list, f"topo_sort should return a list, got {type(got).__name__}"
    assert len(got) == n, f"should return all {n:,} nodes, got {len(got):,}"
    every_node_once = sorted(got) == list(range(n))
    assert every_node_once, "every node 0..n-1 should appear exactly once"
    pos = [0] * n
    for i, u in enumerate(got):
        pos[u] = i
    bad = next(((u, v) for u, v in edges if pos[u] >= pos[v]), None)
    assert bad is None, f"edge {bad[0]} -> {bad[1]} needs {bad[0]} first, but your order has it after"
