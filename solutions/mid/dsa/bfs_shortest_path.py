"""Shortest paths by breadth-first search: in a graph given as adjacency lists, and in a maze.

BFS visits nodes in order of their distance from the start: first the start, then everything one
edge away, then two... So the first time it reaches a node, it has found a shortest way there.
Each node remembers the node it was reached from; walking those links back from the goal gives
the path. A deque is the queue: list.pop(0) would shift every waiting node at each step.
"""

from __future__ import annotations

from collections import deque
from typing import Callable, Hashable, Iterable, Mapping, Sequence

Cell = tuple[int, int]
_START = object()  # what the start was "reached from": no node can be this


def _bfs(start: Hashable, goal: Hashable, neighbours: Callable[[Hashable], Iterable[Hashable]]) -> list | None:
    """The nodes of a shortest path from start to goal, or None: the search both functions share."""
    if start == goal:
        return [start]
    came_from = {start: _START}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in neighbours(node):
            if nxt in came_from:
                continue
            came_from[nxt] = node
            if nxt == goal:  # reached first now, so no path to it is shorter: stop searching
                path = [nxt]
                while (node := came_from[path[-1]]) is not _START:
                    path.append(node)
                path.reverse()
                return path
            queue.append(nxt)
    return None


def shortest_path(graph: Mapping[Hashable, Iterable[Hashable]], start: Hashable, goal: Hashable) -> list | None:
    """The nodes of a path from ``start`` to ``goal`` with the fewest edges, or None if there is none."""
    return _bfs(start, goal, lambda node: graph.get(node, ()))


def grid_path(maze: Sequence[str], start: Cell, goal: Cell) -> list[Cell] | None:
    """The cells of a shortest path through ``maze`` from ``start`` to ``goal``, or None."""
    height = len(maze)
    width = len(maze[0]) if maze else 0
    if any(len(row) != width for row in maze):
        raise ValueError("the rows of the maze must all have the same length")
    for name, (r, c) in (("start", start), ("goal", goal)):
        if not (0 <= r < height and 0 <= c < width):  # a negative index would wrap around: refuse it
            raise ValueError(f"the {name} {(r, c)} is outside the {height}x{width} maze")
        if maze[r][c] == "#":
            raise ValueError(f"the {name} {(r, c)} is a wall")

    def neighbours(cell: Cell) -> Iterable[Cell]:
        r, c = cell
        for nr, nc in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
            if 0 <= nr < height and 0 <= nc < width and maze[nr][nc] != "#":
                yield nr, nc

    return _bfs(tuple(start), tuple(goal), neighbours)
