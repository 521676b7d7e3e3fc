"""Dijkstra's algorithm with a binary heap and lazy deletion: O((V + E) log V)."""

from __future__ import annotations

import heapq
from itertools import count
from typing import Hashable, Iterable, Mapping

Graph = Mapping[Hashable, Iterable[tuple[Hashable, float]]]

_NO_TARGET = object()


def _check_weights(graph: Graph) -> None:
    for u, edges in graph.items():
        for v, w in edges:
            if w < 0:
                raise ValueError(f"the edge {u!r} -> {v!r} has the negative weight {w!r}: Dijkstra needs "
                                 "weights >= 0 (Bellman-Ford handles negative ones)")


def _dijkstra(graph: Graph, src: Hashable, target: Hashable = _NO_TARGET):
    _check_weights(graph)
    dist = {src: 0}
    prev = {}
    # Heap entries are (distance, serial, node): the serial breaks ties, so nodes themselves are
    # never compared (they may be of types that can't be ordered against each other).
    serial = count()
    heap = [(0, next(serial), src)]
    push, pop = heapq.heappush, heapq.heappop  # local names: this loop runs once per edge
    while heap:
        d, _, u = pop(heap)
        if d > dist[u]:
            # Lazy deletion: instead of lowering u's key in the heap, we pushed u again with the
            # smaller distance. This is a leftover entry; expanding u again would redo its edges.
            continue
        if u == target:
            break  # u's distance is final once it comes off the heap: nothing more to learn
        for v, w in graph.get(u, ()):
            nd = d + w
            known = dist.get(v)
            if known is None or nd < known:  # strictly shorter only: equal paths push nothing
                dist[v] = nd
                prev[v] = u
                push(heap, (nd, next(serial), v))
    return dist, prev


def shortest_paths(graph: Graph, src: Hashable) -> tuple[dict, dict]:
    """Distances from ``src`` to every reachable node, and each one's predecessor on a shortest path."""
    return _dijkstra(graph, src)


def shortest_path(graph: Graph, s: Hashable, t: Hashable) -> list | None:
    """The nodes of one shortest path from ``s`` to ``t`` (both included), or None if there is none."""
    dist, prev = _dijkstra(graph, s, target=t)
    if t not in dist:
        return None
    path = [t]
    while path[-1] in prev:  # walk back along the predecessors; only s has none
        path.append(prev[path[-1]])
    path.reverse()
    return path
