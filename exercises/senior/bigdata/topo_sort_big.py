"""Topologically sort a directed acyclic graph (DAG) with millions of nodes; reject cycles.

The graph has ``n`` nodes, numbered 0 .. n-1, and ``edges``: pairs ``(u, v)`` meaning "u must
come before v". Return every node exactly once, in an order where each edge's ``u`` comes
before its ``v``. Any valid order is accepted when there are several.

    >>> topo_sort(4, [(2, 0), (0, 1), (2, 3)])      # 2 first; 0 before 1; 3 anywhere after 2
    [2, 0, 3, 1]
    >>> topo_sort(3, [(0, 1), (1, 2), (2, 0)])
    Traceback (most recent call last):
    ValueError: the graph has a cycle

Constraints that matter:
- Scale: the check sorts a graph of a million nodes, including a path a million edges long.
  A recursive depth-first search runs out of stack on that; and raising the limit with
  sys.setrecursionlimit (or threading.stack_size) is not allowed. Mind time and memory too.
- ``edges`` may be a generator: go over it only once.
- A cycle (a self-loop ``(u, u)`` included) raises ValueError, as does a node outside
  0 .. n-1 (including a negative one) or a negative ``n``. Duplicate edges are fine.
- Write the algorithm yourself: no graphlib.
"""

from __future__ import annotations

from typing import Iterable


def topo_sort(n: int, edges: Iterable[tuple[int, int]]) -> list[int]:
    """Return the nodes 0..n-1 ordered so that every edge (u, v) has u before v.

    Raise ValueError if the graph has a cycle, an edge names a node outside 0..n-1, or n < 0.
    """
    # TODO: count each node's incoming edges; start from the nodes with none.
    raise NotImplementedError
