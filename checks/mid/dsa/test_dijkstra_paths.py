import copy
import gc
import random
import time

import pytest
from hypothesis import given, settings, strategies as st

from dijkstra_paths import shortest_path, shortest_paths
from pyexercise.checklib import time_budget

DOC_GRAPH = {"A": [("B", 4), ("C", 1)], "C": [("B", 2), ("D", 7)], "B": [("D", 1)]}


def bellman_ford(graph, src):
    """The slow, simple oracle: relax every edge V times."""
    nodes = set(graph) | {v for edges in graph.values() for v, _w in edges} | {src}
    dist = {src: 0}
    for _ in range(len(nodes)):
        changed = False
        for u, edges in graph.items():
            if u in dist:
                for v, w in edges:
                    if v not in dist or dist[u] + w < dist[v]:
                        dist[v], changed = dist[u] + w, True
        if not changed:
            break
    return dist


def lightest(graph):
    """(u, v) -> the smallest weight of an edge u -> v."""
    out = {}
    for u, edges in graph.items():
        for v, w in edges:
            if (u, v) not in out or w < out[(u, v)]:
                out[(u, v)] = w
    return out


def certify(graph, src, dist, prev, what):
    """dist and prev are exactly shortest distances and a shortest-path tree: dist[src] is 0, no edge
    out of a reached node can shorten anything (and reaches only reached nodes), every prev edge
    exists and is tight, and prev leads back to src from everywhere."""
    assert type(dist) is dict and type(prev) is dict, (
        f"shortest_paths({what}) should return a tuple of two dicts (dist, prev), got {type(dist).__name__} and "
        f"{type(prev).__name__}")
    assert dist.get(src, None) == 0, f"shortest_paths({what}): dist[{src!r}] should be 0, the source itself"
    for u, edges in graph.items():
        du = dist.get(u)
        if du is None:
            continue
        for v, w in edges:
            dv = dist.get(v)
            if dv is None:
                raise AssertionError(f"shortest_paths({what}): {v!r} is reachable ({u!r} -> {v!r}) but missing from dist")
            if dv > du + w:
                raise AssertionError(f"shortest_paths({what}): dist[{v!r}] = {dv!r}, but going through {u!r} "
                                     f"(dist {du!r}) and the edge of weight {w!r} is shorter: {du + w!r}")
    assert src not in prev, f"shortest_paths({what}): the source {src!r} has no predecessor: it must not be in prev"
    missing = [v for v in dist if v != src and v not in prev]
    assert not missing, f"shortest_paths({what}): prev should have a predecessor for {missing[0]!r} (in dist)"
    extra = [v for v in prev if v not in dist]
    assert not extra, f"shortest_paths({what}): prev has {extra[0]!r}, which is not in dist"
    weights = {}  # u -> {v: the lightest edge u -> v}, only for the edges prev uses
    for v, u in prev.items():
        weights.setdefault(u, {})[v] = None
    for u, lightest_to in weights.items():
        for v, w in graph.get(u, ()):
            if v in lightest_to and (lightest_to[v] is None or w < lightest_to[v]):
                lightest_to[v] = w
    for v, u in prev.items():
        w = weights[u][v]
        assert w is not None, f"shortest_paths({what}): prev[{v!r}] = {u!r}, but there is no edge {u!r} -> {v!r}"
        assert dist[u] + w == dist[v], (f"shortest_paths({what}): prev[{v!r}] = {u!r}, but dist[{u!r}] + {w!r} = "
                                        f"{dist[u] + w!r}, not dist[{v!r}] = {dist[v]!r}: not a shortest path")
    state = {src: True}  # node -> its prev chain reaches src
    for v in prev:
        walk = []
        while v not in state:
            state[v] = False
            walk.append(v)
            v = prev[v]
        if not state[v]:
            raise AssertionError(f"shortest_paths({what}): following prev from {walk[0]!r} goes round in a loop "
                                 "and never gets back to the source")
        for x in walk:
            state[x] = True


def endless(fn, what):
    return (f"{fn}({what}) did not finish within a second on a small graph: an endless loop? Update a distance "
            "only when the new one is strictly shorter (<, not <=): with zero-weight edges, <= keeps pushing the "
            "same distances round a cycle forever")


def check_paths(graph, src, want=None, what=None):
    what = what or (repr(graph) if len(repr(graph)) < 150 else "<a graph>") + f", {src!r}"
    before = copy.deepcopy(graph)
    with time_budget(1, endless("shortest_paths", what)):
        got = shortest_paths(graph, src)
    assert type(got) is tuple and len(got) == 2, f"shortest_paths({what}) should return (dist, prev), got {got!r}"
    dist, prev = got
    want = bellman_ford(graph, src) if want is None else want
    assert dist == want, f"shortest_paths({what}): dist should be {want!r}, got {dist!r}"
    certify(graph, src, dist, prev, what)
    assert graph == before, f"shortest_paths({what}) changed the graph"
    return dist, prev


def check_path(graph, s, t, what=None):
    what = what or (repr(graph) if len(repr(graph)) < 150 else "<a graph>") + f", {s!r}, {t!r}"
    dist = bellman_ford(graph, s)
    with time_budget(1, endless("shortest_path", what)):
        got = shortest_path(graph, s, t)
    if t not in dist:
        assert got is None, f"shortest_path({what}) should be None: {t!r} can't be reached from {s!r}; got {got!r}"
        return
    assert type(got) is list, f"shortest_path({what}) should return a list of nodes, got {got!r}"
    assert got and got[0] == s and got[-1] == t, f"shortest_path({what}) should go from {s!r} to {t!r}, got {got!r}"
    weights = lightest(graph)
    length = 0
    for u, v in zip(got, got[1:]):
        w = weights.get((u, v))
        assert w is not None, f"shortest_path({what}) = {got!r} uses {u!r} -> {v!r}, which is not an edge"
        length += w
    assert length == dist[t], (f"shortest_path({what}) = {got!r} has length {length!r}, but the shortest is "
                               f"{dist[t]!r}")


# -- small graphs ---------------------------------------------------------------------------------
def test_docstring_example():
    """the docstring's graph: distances, predecessors, and the path A -> C -> B -> D"""
    dist, prev = check_paths(DOC_GRAPH, "A", {"A": 0, "C": 1, "B": 3, "D": 4})
    assert prev == {"C": "A", "B": "C", "D": "B"}, f"prev should be {{'C': 'A', 'B': 'C', 'D': 'B'}}, got {prev!r}"
    got = shortest_path(DOC_GRAPH, "A", "D")
    assert got == ["A", "C", "B", "D"], f"shortest_path(graph, 'A', 'D') should be ['A', 'C', 'B', 'D'], got {got!r}"
    assert shortest_path(DOC_GRAPH, "D", "A") is None, "shortest_path(graph, 'D', 'A') should be None: edges are one-way"


def test_source_alone():
    """a source with no edges, or not in the graph at all, reaches only itself"""
    check_paths({}, "x", {"x": 0})
    check_paths({"a": []}, "a", {"a": 0})
    check_paths({"a": [("b", 1)]}, "z", {"z": 0})
    got = shortest_path({"a": [("b", 1)]}, "z", "z")
    assert got == ["z"], f"shortest_path(graph, 'z', 'z') should be ['z'], got {got!r}"
    got = shortest_path(DOC_GRAPH, "B", "B")
    assert got == ["B"], f"shortest_path(graph, 'B', 'B') should be ['B'], got {got!r}"


def test_unreachable_nodes_are_left_out():
    """nodes that can't be reached appear in neither dist nor prev"""
    graph = {1: [(2, 5)], 2: [], 3: [(1, 1), (4, 1)], 4: [(3, 1)]}
    dist, prev = check_paths(graph, 1, {1: 0, 2: 5})
    assert 3 not in dist and 4 not in prev, "3 and 4 can't be reached from 1: leave them out"
    check_path(graph, 1, 4)
    check_path(graph, 3, 2)


def test_nodes_only_as_neighbours():
    """a node that never appears as a key is still a node (with no edges out)"""
    check_paths({"s": [("t", 2), ("u", 7)], "t": [("u", 1)]}, "s", {"s": 0, "t": 2, "u": 3})
    check_path({"s": [("t", 2), ("u", 7)], "t": [("u", 1)]}, "s", "u")


def test_zero_weights_and_cycles():
    """zero-weight edges and cycles, even zero-weight cycles back to the source"""
    graph = {"a": [("b", 0), ("c", 3)], "b": [("a", 0), ("c", 0)], "c": [("b", 0), ("a", 0), ("d", 2)]}
    check_paths(graph, "a", {"a": 0, "b": 0, "c": 0, "d": 2})
    check_paths(graph, "c")
    check_path(graph, "a", "d")


def test_parallel_edges():
    """several edges between the same two nodes: the lightest counts"""
    graph = {"a": [("b", 9), ("b", 2), ("b", 5)], "b": [("c", 1), ("c", 0)]}
    check_paths(graph, "a", {"a": 0, "b": 2, "c": 2})
    check_path(graph, "a", "c")


def test_longer_path_with_smaller_weight():
    """the direct edge is not always shortest: a detour through several nodes can win"""
    graph = {0: [(5, 100), (1, 1)], 1: [(2, 1)], 2: [(3, 1)], 3: [(4, 1)], 4: [(5, 1)]}
    check_paths(graph, 0, {0: 0, 1: 1, 2: 2, 3: 3, 4: 4, 5: 5})
    got = shortest_path(graph, 0, 5)
    assert got == [0, 1, 2, 3, 4, 5], f"shortest_path(graph, 0, 5) should be [0, 1, 2, 3, 4, 5], got {got!r}"


def test_float_weights():
    """float weights work too"""
    graph = {"a": [("b", 0.5), ("c", 2.25)], "b": [("c", 0.75)], "c": [("d", 0.125)]}
    check_paths(graph, "a", {"a": 0, "b": 0.5, "c": 1.25, "d": 1.375})


def test_mixed_node_types():
    """nodes of types that can't be ordered against each other, at equal distances"""
    graph = {"s": [(1, 1), ("x", 1), ((2, 3), 1), (None, 1)], 1: [("end", 1)], "x": [("end", 1)],
             (2, 3): [("end", 1)], None: [("end", 1)]}
    try:
        check_paths(graph, "s", {"s": 0, 1: 1, "x": 1, (2, 3): 1, None: 1, "end": 2})
        check_path(graph, "s", "end")
    except TypeError as exc:
        pytest.fail(f"shortest_paths raised TypeError ({exc}) on nodes of mixed types at equal distances: heap "
                    "entries (distance, node) compare the nodes on a tie; put a counter between them")


@pytest.mark.parametrize("where", ["first edge", "last edge of the source", "far away", "unreachable part"])
def test_negative_weight_raises(where):
    """a negative weight anywhere in the graph is a ValueError, whether it would change the answer or not"""
    graph = {0: [(1, 2), (2, 5)], 1: [(2, 1), (3, 4)], 2: [(3, 1)], 3: [(4, 3)], 4: [], 9: [(8, 1)], 8: [(9, 1)]}
    u, i = {"first edge": (0, 0), "last edge of the source": (0, 1), "far away": (3, 0), "unreachable part": (9, 0)}[where]
    v, _w = graph[u][i]
    graph[u][i] = (v, -1)
    for fn, args in ((shortest_paths, (graph, 0)), (shortest_path, (graph, 0, 4)), (shortest_path, (graph, 0, 1))):
        with pytest.raises(ValueError):
            fn(*args)
            pytest.fail(f"{fn.__name__} should raise ValueError: the edge {u} -> {v} has weight -1 ({where}), and "
                        "Dijkstra's answers are wrong with negative weights")


def test_negative_edge_back_to_a_finished_node():
    """even a negative edge into a node already finished must raise, not be silently ignored"""
    graph = {"s": [("a", 1)], "a": [("b", 10)], "b": [("s", -3)]}
    with pytest.raises(ValueError):
        shortest_paths(graph, "s")
        pytest.fail("shortest_paths should raise ValueError for the edge b -> s of weight -3")


# -- properties -----------------------------------------------------------------------------------
@st.composite
def graphs(draw):
    n = draw(st.integers(1, 8))
    edges = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1), st.integers(0, 9)), max_size=25))
    graph = {}
    for u, v, w in edges:
        graph.setdefault(u, []).append((v, w))
    for u in draw(st.sets(st.integers(0, n - 1))):
        graph.setdefault(u, [])
    return graph, n


@settings(max_examples=60)
@given(graphs(), st.data())
def test_matches_bellman_ford(graph_n, data):
    """random graphs (cycles, zero weights, parallel edges): the same distances as Bellman-Ford"""
    graph, n = graph_n
    s = data.draw(st.integers(0, n - 1), label="src")
    t = data.draw(st.integers(0, n), label="target")
    check_paths(graph, s)
    check_path(graph, s, t)


# -- big and adversarial graphs -------------------------------------------------------------------
class Frozen:
    """Big graphs are built with the garbage collector off, then frozen out of its way while the
    algorithm runs: the collector should not be what is timed."""

    def __enter__(self):
        gc.freeze()

    def __exit__(self, *exc):
        gc.unfreeze()


def run_timed(graph, src, seconds, message):
    with Frozen(), time_budget(seconds, message):
        return shortest_paths(graph, src)


def test_hub_improved_many_times():
    """a hub reached 10,000 times, each time shorter, with 10,000 edges out: stale heap entries skipped"""
    k = 10_000
    graph = {"src": [(("a", i), i) for i in range(1, k + 1)]}
    for i in range(1, k + 1):
        graph[("a", i)] = [("hub", 2 * k - 2 * i)]  # via a_i the hub is at 2k - i: better every time
    graph["hub"] = [(("z", j), 1) for j in range(k)]
    dist, prev = run_timed(graph, "src", 2, (
        "shortest_paths took over 2 s on a graph of 20,000 nodes and 30,000 edges where the hub is pushed 10,000 "
        "times, each time shorter: when a node comes off the heap with a distance larger than its known one, skip "
        "it (a stale entry), or all 10,000 of its edges are relaxed again for every stale copy; and find the "
        "closest node with a heap, not by scanning all the nodes"))
    assert dist["hub"] == k and dist[("z", 0)] == k + 1, "the hub should be at distance 10,000, its neighbours at 10,001"
    certify(graph, "src", dist, prev, "<the hub graph>")


def test_many_equal_paths():
    """20 layers of 20 nodes, every node linked to all of the next layer with weight 1: equal paths galore"""
    width, layers = 20, 20
    graph = {"src": [((0, j), 1) for j in range(width)]}
    for i in range(layers - 1):
        nxt = [((i + 1, j), 1) for j in range(width)]
        for j in range(width):
            graph[(i, j)] = nxt
    dist, prev = run_timed(graph, "src", 0.5, (
        "shortest_paths took over half a second on 20 layers of 20 nodes (7,600 edges of weight 1, so 20**19 "
        "equally short paths to the last layer): update a distance only when the new one is strictly shorter "
        "(<, not <=), and expand each node once"))
    want = {"src": 0, **{(i, j): i + 1 for i in range(layers) for j in range(width)}}
    assert dist == want, "in the layered graph every node of layer i should be at distance i + 1"
    certify(graph, "src", dist, prev, "<the layered graph>")


def spot_check(graph, src, dist, prev, rng, what, edges=50_000, nodes=10_000):
    """certify() on a random sample of the edges and of prev, for a graph too big to check whole
    in a mid check's time (the small graphs above are checked whole): no sampled edge shortens a
    distance, and every sampled prev edge exists with exactly the weight dist[v] - dist[u]."""
    assert type(dist) is dict and type(prev) is dict, f"shortest_paths({what}) should return (dist, prev), two dicts"
    assert dist.get(src) == 0 and src not in prev, f"shortest_paths({what}): dist[{src!r}] should be 0, with no prev"
    assert prev.keys() <= dist.keys() and len(prev) == len(dist) - 1, (
        f"shortest_paths({what}): prev should hold exactly the nodes of dist but the source")
    nodes_with_edges = list(graph)
    for u in rng.sample(nodes_with_edges, min(edges // 5, len(nodes_with_edges))):
        du = dist.get(u)
        if du is None:
            continue
        for v, w in graph[u]:
            if v not in dist or dist[v] > du + w:
                raise AssertionError(f"shortest_paths({what}): the edge {u!r} -> {v!r} (weight {w}) gives a shorter "
                                     f"way to {v!r} than dist says ({dist.get(v)!r}), or reaches a node not in dist")
    for v in rng.sample(list(prev), min(nodes, len(prev))):
        u = prev[v]
        if (v, dist[v] - dist[u]) not in graph.get(u, ()):
            raise AssertionError(f"shortest_paths({what}): prev[{v!r}] = {u!r}, but no edge {u!r} -> {v!r} of weight "
                                 f"dist[{v!r}] - dist[{u!r}] exists: not a shortest path")


def test_100k_nodes_500k_edges():
    """100,000 nodes and 500,000 random edges: O((V + E) log V) with a heap"""
    n = 100_000
    rng = random.Random(2024)
    gc.disable()
    try:
        targets = rng.choices(range(n), k=5 * n)
        weights = rng.choices(range(1, 101), k=5 * n)
        pairs = list(zip(targets, weights))
        graph = {u: pairs[5 * u:5 * u + 5] for u in range(n)}
    finally:
        gc.enable()
    what = "<100,000 nodes, 500,000 edges>, 0"
    started = time.process_time()  # CPU time: a busy machine's other work doesn't count
    dist, prev = run_timed(graph, 0, 10, (
        "shortest_paths took over 10 s on 100,000 nodes and 500,000 edges: find the next closest node with a "
        "binary heap (heapq), not by scanning all nodes (that is O(V**2))"))
    everything = time.process_time() - started
    assert len(dist) > 0.95 * n, f"almost every node is reachable in this graph, but dist has only {len(dist):,}"
    spot_check(graph, 0, dist, prev, rng, what)
    near, _w = min(graph[0], key=lambda edge: edge[1])  # nothing can be closer than the lightest edge out
    started = time.process_time()
    with Frozen():
        path = shortest_path(graph, 0, near)
    nearby = time.process_time() - started
    assert path == [0, near], f"shortest_path(<the big graph>, 0, {near}) should be [0, {near}], got {path!r}"
    assert nearby < everything / 2, (
        f"shortest_path to a neighbour of the source took {nearby:.2f} s of CPU, about as long as finding every "
        f"distance ({everything:.2f} s): stop as soon as the target comes off the heap, its distance is final then")
