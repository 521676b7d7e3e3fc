"""Dijkstra's algorithm: the shortest distances from one node to all others in a weighted
directed graph, the tree of shortest paths, and the shortest path to one target.

    >>> graph = {
    ...     "A": [("B", 4), ("C", 1)],
    ...     "C": [("B", 2), ("D", 7)],
    ...     "B": [("D", 1)],
    ... }
    >>> dist, prev = shortest_paths(graph, "A")
    >>> sorted(dist.items())
    [('A', 0), ('B', 3), ('C', 1), ('D', 4)]
    >>> sorted(prev.items())          # the node before each one on a shortest path
    [('B', 'C'), ('C', 'A'), ('D', 'B')]
    >>> shortest_path(graph, "A", "D")
    ['A', 'C', 'B', 'D']
    >>> shortest_path(graph, "D", "A") is None     # edges are one-way
    True

The graph is a dict mapping a node to a list of ``(neighbour, weight)`` pairs: its outgoing
edges. Nodes are any hashable values (and need not be comparable with each other). A node
with no edges out may map to ``[]`` or be missing from the dict. Two nodes may be joined by
several edges. Weights are ints or floats, zero included.

- ``shortest_paths(graph, src)`` returns ``(dist, prev)``: ``dist`` maps every node reachable
  from ``src`` to the length of a shortest path to it (``src`` itself: 0), and ``prev`` maps
  every reachable node except ``src`` to the node before it on a shortest path, so that
  following ``prev`` from any node leads back to ``src``. Nodes that can't be reached are in
  neither. Where several paths are equally short, any one will do.
- ``shortest_path(graph, s, t)`` returns the nodes of one shortest path from ``s`` to ``t``,
  both included (``[s]`` when ``s == t``), or None if ``t`` can't be reached. It stops
  searching as soon as ``t``'s distance is final: a target near ``s`` in a big graph is found
  in a fraction of the time it takes to find every distance.
- Negative weights make Dijkstra's answers wrong: both functions raise ValueError if any edge
  of the graph has a negative weight.
- O((V + E) log V): 100,000 nodes and 500,000 edges take a second or two. Use a binary heap
  (``heapq`` is fine here) and no scan over all nodes per step. The check also builds graphs
  where a node's distance improves thousands of times and where thousands of paths are equally
  short: each node's edges should be relaxed once, not once per time it was pushed.
"""

from __future__ import annotations

from typing import Hashable, Iterable, Mapping

Graph = Mapping[Hashable, Iterable[tuple[Hashable, float]]]


def shortest_paths(graph: Graph, src: Hashable) -> tuple[dict, dict]:
    """Distances from ``src`` to every reachable node, and each one's predecessor on a shortest path."""
    # TODO: a heap of (distance, node) still to settle; pop the closest, relax its edges.
    raise NotImplementedError


def shortest_path(graph: Graph, s: Hashable, t: Hashable) -> list | None:
    """The nodes of one shortest path from ``s`` to ``t`` (both included), or None if there is none."""
    raise NotImplementedError
