import copy
import time
from collections import deque

import pytest
from hypothesis import given, settings, strategies as st

from bfs_shortest_path import grid_path, shortest_path
from pyexercise.checklib import assert_not_used, assert_raises, time_budget

DOC_GRAPH = {"A": ["C", "B"], "B": ["D"], "C": ["E"], "D": ["F"], "E": ["G"], "G": ["F"]}
DOC_MAZE = ["..#",
            "#..",
            "..."]


def bfs_distances(start, neighbours):
    """The oracle: every reachable node's distance in edges."""
    dist = {start: 0}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in neighbours(node):
            if nxt not in dist:
                dist[nxt] = dist[node] + 1
                queue.append(nxt)
    return dist


def shown(x):
    text = repr(x)
    return text if len(text) <= 120 else "<a big graph>"


def check_graph_path(graph, start, goal, what=None):
    what = what or f"shortest_path({shown(graph)}, {start!r}, {goal!r})"
    before = copy.deepcopy(graph)
    dist = bfs_distances(start, lambda n: graph.get(n, ()))
    with time_budget(2, f"{what} did not finish within 2 s on a small graph: an endless loop? Mark a node as seen "
                        "when you first queue it, and never queue it again"):
        got = shortest_path(graph, start, goal)
    assert graph == before, f"{what} changed the graph"
    if goal not in dist:
        assert got is None, f"{what} should be None: {goal!r} can't be reached from {start!r}; got {got!r}"
        return got
    assert type(got) is list, f"{what} should return a list of nodes, got {got!r}"
    assert got and got[0] == start and got[-1] == goal, f"{what} should go from {start!r} to {goal!r}, got {got!r}"
    for u, v in zip(got, got[1:]):
        assert v in graph.get(u, ()), f"{what} = {got!r} uses {u!r} -> {v!r}, which is not an edge"
    assert len(got) - 1 == dist[goal], (f"{what} = {got!r} has {len(got) - 1} edges, but the shortest path has "
                                        f"{dist[goal]}: search breadth first (a queue, not a stack)")
    return got


def open_cells(maze):
    return lambda cell: [(r, c) for r, c in ((cell[0] - 1, cell[1]), (cell[0] + 1, cell[1]), (cell[0], cell[1] - 1),
                                             (cell[0], cell[1] + 1))
                         if 0 <= r < len(maze) and 0 <= c < len(maze[0]) and maze[r][c] != "#"]


def check_maze_path(maze, start, goal, what=None, dist=None):
    what = what or f"grid_path({shown(maze)}, {start!r}, {goal!r})"
    if dist is None:
        dist = bfs_distances(start, open_cells(maze)).get(goal)
    with time_budget(2, f"{what} did not finish within 2 s on a small maze: an endless loop?"):
        got = grid_path(maze, start, goal)
    if dist is None:
        assert got is None, f"{what} should be None: the walls cut {goal!r} off from {start!r}; got {got!r}"
        return got
    assert type(got) is list, f"{what} should return a list of (row, col) tuples, got {shown(got)}"
    bad = [cell for cell in got if type(cell) is not tuple or len(cell) != 2]
    assert not bad, f"{what} should give cells as (row, col) tuples, got {bad[0]!r}"
    assert got[0] == start and got[-1] == goal, f"{what} should go from {start!r} to {goal!r}, got {shown(got)}"
    for (r1, c1), (r2, c2) in zip(got, got[1:]):
        assert abs(r1 - r2) + abs(c1 - c2) == 1, (f"{what} jumps from {(r1, c1)} to {(r2, c2)}: a move goes one "
                                                  "cell up, down, left or right")
        assert 0 <= r2 < len(maze) and 0 <= c2 < len(maze[0]), f"{what} leaves the maze at {(r2, c2)}"
        assert maze[r2][c2] != "#", f"{what} walks through the wall at {(r2, c2)}"
    assert len(got) - 1 == dist, f"{what} takes {len(got) - 1} moves, but the shortest way takes {dist}"
    return got


# -- shortest_path on a graph --------------------------------------------------------------------
def test_docstring_examples():
    """the docstring's graph and maze"""
    got = check_graph_path(DOC_GRAPH, "A", "F")
    assert got == ["A", "B", "D", "F"], f"shortest_path(graph, 'A', 'F') should be ['A', 'B', 'D', 'F'], got {got!r}"
    assert shortest_path(DOC_GRAPH, "F", "A") is None, "shortest_path(graph, 'F', 'A') should be None: edges are one-way"
    got = check_maze_path(DOC_MAZE, (0, 0), (2, 0))
    assert got == [(0, 0), (0, 1), (1, 1), (2, 1), (2, 0)], f"grid_path(maze, (0, 0), (2, 0)) gave {got!r}"


def test_start_is_goal():
    """from a node to itself the path is [node], even for a node with no entry in the graph"""
    assert shortest_path(DOC_GRAPH, "C", "C") == ["C"], "shortest_path(graph, 'C', 'C') should be ['C']"
    assert shortest_path({}, "x", "x") == ["x"], "shortest_path({}, 'x', 'x') should be ['x']"
    assert shortest_path(DOC_GRAPH, "zz", "A") is None, "a start that isn't in the graph has no edges out: None"


def test_unreachable_and_one_way():
    """a goal that can't be reached gives None; edges point one way"""
    graph = {1: [2], 2: [3], 3: [1], 4: [1]}
    check_graph_path(graph, 1, 4)
    check_graph_path(graph, 4, 3)
    check_graph_path(graph, 1, 99)


def test_nodes_only_as_neighbours():
    """a node that appears only in someone's list is still a node, with no edges out"""
    graph = {"s": ["a", "b"], "a": ["t"]}
    check_graph_path(graph, "s", "t")
    check_graph_path(graph, "b", "t")


def test_cycles_and_self_loops():
    """cycles and self loops don't trap the search"""
    graph = {0: [0, 1], 1: [0, 2, 1], 2: [1, 3], 3: [3]}
    check_graph_path(graph, 0, 3)
    check_graph_path(graph, 3, 0)


def test_falsy_and_mixed_nodes():
    """None, 0, '' and tuples are nodes like any other"""
    graph = {None: [0], 0: ["", (1, 2)], "": [False], (1, 2): [None, "end"]}
    try:
        got = check_graph_path(graph, None, "end", "shortest_path(<a graph with None, 0, '' as nodes>, None, 'end')")
    except KeyError as exc:
        pytest.fail(f"shortest_path with None as the start raised KeyError({exc}): if you mark the start's "
                    "predecessor with None, None as a node can't be told apart; use a sentinel object()")
    assert got == [None, 0, (1, 2), "end"], f"the path from None to 'end' should be [None, 0, (1, 2), 'end'], got {got!r}"
    got = check_graph_path(graph, 0, None)
    assert got == [0, (1, 2), None], f"the path from 0 to None should be [0, (1, 2), None], got {got!r}"


def test_any_iterable_of_neighbours():
    """neighbours may come as a list, a tuple, a set or a frozenset"""
    graph = {"a": ("b", "c"), "b": {"d"}, "c": frozenset({"d", "e"}), "d": ["e"], "e": ()}
    check_graph_path(graph, "a", "e")


def test_breadth_not_depth():
    """the first path found by going deep is not the shortest: search breadth first"""
    graph = {0: [1, 2], 2: [4], 4: [5], 5: [3], 1: [3]}
    got = check_graph_path(graph, 0, 3)
    assert got == [0, 1, 3], f"shortest_path(graph, 0, 3) should be [0, 1, 3], got {got!r}"
    graph = {0: [2, 1], 2: [4], 4: [5], 5: [3], 1: [3]}
    got = check_graph_path(graph, 0, 3)
    assert got == [0, 1, 3], f"shortest_path(graph, 0, 3) should be [0, 1, 3], got {got!r}"


@st.composite
def graphs(draw):
    n = draw(st.integers(1, 10))
    edges = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=25))
    graph = {}
    for u, v in edges:
        graph.setdefault(u, []).append(v)
    return graph, n


@settings(max_examples=80)
@given(graphs(), st.data())
def test_matches_bfs_oracle(graph_n, data):
    """random graphs: a real path, as short as breadth-first search says"""
    graph, n = graph_n
    start = data.draw(st.integers(0, n - 1), label="start")
    goal = data.draw(st.integers(0, n), label="goal")
    check_graph_path(graph, start, goal)


def test_wide_graph_needs_a_deque():
    """150,000 nodes waiting at once: the queue must pop from the front in O(1)"""
    n = 150_000
    graph = {"start": [("a", i) for i in range(n)]}
    for i in range(n):
        graph[("a", i)] = [("b", i)]
    graph[("b", n - 1)] = ["goal"]
    with time_budget(6, "shortest_path took over 6 s on a graph where 150,000 nodes wait in the queue: list.pop(0) "
                        "shifts every one of them at each step; use collections.deque and popleft()"):
        got = shortest_path(graph, "start", "goal")
    assert got == ["start", ("a", n - 1), ("b", n - 1), "goal"], (
        f"the path should be start, ('a', {n - 1}), ('b', {n - 1}), goal, got {shown(got)}")


# -- grid_path --------------------------------------------------------------------------------------
def test_maze_start_is_goal_and_walls():
    """start == goal gives [start]; a walled-off goal gives None"""
    assert grid_path(DOC_MAZE, (1, 2), (1, 2)) == [(1, 2)], "grid_path(maze, (1, 2), (1, 2)) should be [(1, 2)]"
    check_maze_path([".#.",
                     ".#.",
                     ".#."], (0, 0), (2, 2))
    check_maze_path(["."], (0, 0), (0, 0))


def test_maze_no_diagonals():
    """moves are up, down, left or right: a diagonal gap is no way through"""
    maze = [".#",
            "#."]
    assert grid_path(maze, (0, 0), (1, 1)) is None, ("grid_path(['.#', '#.'], (0, 0), (1, 1)) should be None: the "
                                                     "two open cells touch only at a corner")


def test_maze_other_characters_are_open():
    """only '#' is a wall: 'S', 'E', ' ' and others are open cells"""
    maze = ["S #",
            "o.#",
            "#xE"]
    got = check_maze_path(maze, (0, 0), (2, 2))
    assert got is not None and len(got) == 5, f"grid_path should find the 4-move path through 'S', 'o', '.', 'x', got {got!r}"


@pytest.mark.parametrize("start, goal, why", [
    ((0, 2), (2, 2), "the start (0, 2) is a wall"),
    ((0, 0), (1, 0), "the goal (1, 0) is a wall"),
    ((3, 0), (0, 0), "the start (3, 0) is outside the 3x3 maze"),
    ((0, 0), (0, 3), "the goal (0, 3) is outside the 3x3 maze"),
    ((-1, 0), (0, 0), "the start (-1, 0) is outside the maze (maze[-1] would quietly be the last row)"),
    ((0, 0), (2, -1), "the goal (2, -1) is outside the maze (a negative index wraps around)"),
])
def test_maze_bad_cells(start, goal, why):
    """a start or goal on a wall or off the maze is a ValueError"""
    assert grid_path(DOC_MAZE, (0, 0), (0, 1)) == [(0, 0), (0, 1)], "grid_path(maze, (0, 0), (0, 1)) should be [(0, 0), (0, 1)]"
    assert_raises(ValueError, lambda: grid_path(DOC_MAZE, start, goal),
                  f"grid_path(maze, {start}, {goal}) should raise ValueError: {why}")


def test_maze_ragged_rows():
    """rows of different lengths are a ValueError"""
    assert grid_path(DOC_MAZE, (0, 0), (0, 1)) == [(0, 0), (0, 1)], "grid_path(maze, (0, 0), (0, 1)) should be [(0, 0), (0, 1)]"
    assert_raises(ValueError, lambda: grid_path(["...", "..", "..."], (0, 0), (2, 2)),
                  "grid_path(['...', '..', '...'], (0, 0), (2, 2)) should raise ValueError: rows differ in length")


def test_maze_cells_may_be_lists():
    """the path is made of tuples even if start and goal come as lists"""
    got = grid_path(DOC_MAZE, [0, 0], [0, 1])
    assert got == [(0, 0), (0, 1)] and all(type(c) is tuple for c in got), (
        f"grid_path(maze, [0, 0], [0, 1]) should be [(0, 0), (0, 1)] (cells as tuples), got {got!r}")


@st.composite
def mazes(draw):
    h, w = draw(st.integers(1, 7)), draw(st.integers(1, 7))
    rows = ["".join(draw(st.sampled_from("..#")) for _ in range(w)) for _ in range(h)]
    cells = [(r, c) for r in range(h) for c in range(w) if rows[r][c] != "#"]
    if not cells:
        rows[0] = "." + rows[0][1:]
        cells = [(0, 0)]
    return rows, draw(st.sampled_from(cells)), draw(st.sampled_from(cells))


@settings(max_examples=80)
@given(mazes())
def test_maze_matches_bfs_oracle(maze_start_goal):
    """random mazes: a real path through open cells, as short as breadth-first search says"""
    maze, start, goal = maze_start_goal
    check_maze_path(maze, start, goal)


def serpentine(size=1000):
    """Every other row open; the rows between are walls with a gap at alternate ends."""
    rows = []
    for r in range(size):
        rows.append("." * size if r % 2 == 0 else "#" * (size - 1) + "." if r % 4 == 1 else "." + "#" * (size - 1))
    return rows


def test_big_serpentine_maze():
    """a 1000x1000 maze whose only path is half a million cells long"""
    maze = serpentine()
    goal = (998, 999)
    with time_budget(15, "grid_path on the 1000x1000 serpentine maze (a path of 499,500 cells) took over 15 s: "
                         "queue cells, not paths; remember where each cell was reached from, and build the path "
                         "once at the end"):
        got = grid_path(maze, (0, 0), goal)
    assert type(got) is list and len(got) == 499_500, (
        f"the serpentine path from (0, 0) to {goal} has 499,500 cells, got {len(got) if type(got) is list else got!r}")
    assert got[:3] == [(0, 0), (0, 1), (0, 2)] and got[998:1003] == [(0, 998), (0, 999), (1, 999), (2, 999), (2, 998)], (
        "the serpentine path should run along row 0, down at column 999, and back along row 2")
    assert all(type(cell) is tuple for cell in got[::997]), "the cells of the path should be (row, col) tuples"


def test_near_goal_found_at_once():
    """in a 1000x1000 open maze a goal next to the start is found without searching the whole maze"""
    maze = ["." * 1000 for _ in range(1000)]
    far = serpentine(400)
    started = time.process_time()
    with time_budget(8, "grid_path on a 400x400 serpentine maze (a path of 80,000 cells) took over 8 s: queue cells, "
                        "not paths; remember where each cell was reached from"):
        grid_path(far, (0, 0), (398, 399))
    everything = time.process_time() - started  # searching 80,000 cells
    started = time.process_time()
    with time_budget(8, "grid_path(<a 1000x1000 open maze>, (500, 500), (500, 501)) took over 8 s for a goal next to "
                        "the start: stop as soon as you reach the goal, and look at a cell's neighbours when you "
                        "visit it instead of building a graph of the whole maze first"):
        got = grid_path(maze, (500, 500), (500, 501))
    near = time.process_time() - started
    assert got == [(500, 500), (500, 501)], f"grid_path(<open maze>, (500, 500), (500, 501)) gave {got!r}"
    assert near < everything / 4, (
        f"finding a goal next to the start in a 1000x1000 open maze took {near:.2f} s of CPU, more than a quarter of "
        f"searching 80,000 cells ({everything:.2f} s): stop as soon as you reach the goal, and look at a cell's "
        "neighbours when you visit it instead of building a graph of the whole maze first")


def test_no_graph_libraries():
    """the search is yours: no networkx, scipy or igraph"""
    assert shortest_path({1: [2]}, 1, 2) == [1, 2], "shortest_path({1: [2]}, 1, 2) should be [1, 2]"
    assert_not_used("a graph library", imports=["networkx", "scipy", "igraph", "graphlib"])
