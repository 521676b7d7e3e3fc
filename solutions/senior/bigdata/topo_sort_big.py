"""Topologically sort a directed acyclic graph (DAG) with millions of nodes; reject cycles.

Kahn's algorithm: a node can go out once every edge into it has been "used up". It is
iterative, so no call stack grows with the graph, and it is O(n + edges) in time and memory.
"""

from __future__ import annotations

from typing import Iterable


def topo_sort(n: int, edges: Iterable[tuple[int, int]]) -> list[int]:
    """Return the nodes 0..n-1 ordered so that every edge (u, v) has u before v.

    Raise ValueError if the graph has a cycle, an edge names a node outside 0..n-1, or n < 0.
    """
    if n < 0:
        raise ValueError(f"n must be >= 0, not {n}")
    successors: list[list[int]] = [[] for _ in range(n)]
    indegree = [0] * n
    for u, v in edges:  # one pass: edges may be a generator
        # check explicitly: a negative index would silently wrap around in a Python list
        if not (0 <= u < n and 0 <= v < n):
            raise ValueError(f"edge ({u}, {v}) names a node outside 0..{n - 1}")
        successors[u].append(v)
        indegree[v] += 1

    # `order` doubles as the FIFO queue: nodes are appended once ready and read at `head`,
    # so no separate deque and no copying at the end.
    order = [u for u in range(n) if indegree[u] == 0]
    head = 0
    while head < len(order):
        u = order[head]
        head += 1
        for v in successors[u]:
            indegree[v] -= 1
            if indegree[v] == 0:
                order.append(v)

    if len(order) < n:
        # the nodes never released all sit on (or behind) a cycle
        raise ValueError("the graph has a cycle")
    return order
