"""Find the shortest path between two nodes of an unweighted graph with breadth-first search,
then the shortest way through a maze.

    >>> graph = {"A": ["C", "B"], "B": ["D"], "C": ["E"], "D": ["F"], "E": ["G"], "G": ["F"]}
    >>> shortest_path(graph, "A", "F")          # 3 edges; A-C-E-G-F has 4
    ['A', 'B', 'D', 'F']
    >>> shortest_path(graph, "F", "A") is None  # edges are one-way
    True
    >>> maze = ["..#",
    ...         "#..",
    ...         "..."]
    >>> grid_path(maze, (0, 0), (2, 0))
    [(0, 0), (0, 1), (1, 1), (2, 1), (2, 0)]

``shortest_path(graph, start, goal)``: ``graph`` maps a node to an iterable of the nodes its
edges lead to (a list, a tuple, a set). Nodes are any hashable values (None and 0 included),
and a node with no edges out may be missing from the dict. Return the nodes of a path with the
fewest edges, ``start`` and ``goal`` included (``[start]`` when they are equal), or None when
``goal`` can't be reached. Where several paths are equally short, any one will do.

``grid_path(maze, start, goal)``: ``maze`` is a list of strings of equal length; ``"#"`` is a
wall and every other character an open cell. Cells are ``(row, col)`` tuples; a move goes one
cell up, down, left or right, never diagonally, never off the maze. Return the list of cells of
a shortest path (as tuples), or None. ValueError if the rows differ in length, or if ``start``
or ``goal`` is outside the maze (negative indexes included) or on a wall.

Breadth-first search, in O(V + E) time and memory:

- Queue the nodes in a ``collections.deque``: ``list.pop(0)`` shifts every waiting node at each
  step, and the check builds graphs where 150,000 nodes wait at once.
- Remember, for each node reached, the node it was reached from, and build the path once at the
  end by walking back from the goal. Carrying a copy of the path in every queue entry is
  quadratic: the check's 1000x1000 maze has a path of half a million cells.
- Stop as soon as you reach the goal, and don't build a graph of the whole maze first: a goal
  next to the start of a 1000x1000 maze is found at once.
"""

from __future__ import annotations

from typing import Hashable, Iterable, Mapping, Sequence

Cell = tuple[int, int]


def shortest_path(graph: Mapping[Hashable, Iterable[Hashable]], start: Hashable, goal: Hashable) -> list | None:
    """The nodes of a path from ``start`` to ``goal`` with the fewest edges, or None if there is none."""
    # TODO: a deque of nodes to visit, and a dict: node -> the node it was reached from.
    raise NotImplementedError


def grid_path(maze: Sequence[str], start: Cell, goal: Cell) -> list[Cell] | None:
    """The cells of a shortest path through ``maze`` from ``start`` to ``goal``, or None."""
    raise NotImplementedError
