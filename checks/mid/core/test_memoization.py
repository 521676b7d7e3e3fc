import ast
import functools
import math
import random
import sys

import pytest
from hypothesis import given, settings, strategies as st

from memoization import (MEMO_QUIZ, count_paths, edit_distance, edit_distance_memo, factorial, grid_paths_memo,
                         memoize)
from pyexercise.checklib import forbidden_uses, target_source, time_budget


def counted(func):
    """func, and the list that records each call that really ran it"""
    calls = []

    @functools.wraps(func)
    def run(*args, **kwargs):
        calls.append((args, kwargs))
        return func(*args, **kwargs)

    return run, calls


def stats(f):
    return f.hits, f.misses


def fresh_factorial():
    """empty factorial's cache; fail clearly if factorial is not memoized"""
    if not hasattr(factorial, "clear"):
        factorial(3)  # the untouched stub raises NotImplementedError here
        pytest.fail("decorate factorial with your @memoize: it should have hits, misses and clear()")
    factorial.clear()


# -- oracles -----------------------------------------------------------------------------------

def distance_table(a: str, b: str) -> list[list[int]]:
    """table[i][j] = edit distance of a[:i] and b[:j], bottom-up"""
    table = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i]
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                row.append(table[i - 1][j - 1])
            else:
                row.append(1 + min(table[i - 1][j - 1], table[i - 1][j], row[j - 1]))
        table.append(row)
    return table


def paths_table(grid) -> list[list[int]]:
    """table[r][c] = right/down paths from (r, c) to the bottom-right corner"""
    rows, cols = len(grid), len(grid[0])
    table = [[0] * (cols + 1) for _ in range(rows + 1)]
    for r in range(rows - 1, -1, -1):
        for c in range(cols - 1, -1, -1):
            if grid[r][c] == "#":
                table[r][c] = 0
            elif (r, c) == (rows - 1, cols - 1):
                table[r][c] = 1
            else:
                table[r][c] = table[r + 1][c] + table[r][c + 1]
    return table


def random_grid(rng, rows, cols, blocked=0.1):
    grid = ["".join("#" if rng.random() < blocked else "." for _ in range(cols)) for _ in range(rows)]
    grid[0] = "." + grid[0][1:]
    grid[-1] = grid[-1][:-1] + "."
    return grid


# -- part 1: memoize ---------------------------------------------------------------------------

def test_memoize_caches_results():
    """a memoized function runs once per argument; later calls come from the cache"""
    square, calls = counted(lambda x: [x * x])
    fast = memoize(square)
    first = fast(4)
    again = fast(4)
    assert first == [16], f"the wrapper should return the function's result, [16], got {first!r}"
    assert again is first, "a repeated call should return the stored result itself, not compute a new one"
    assert fast(5) == [25]
    assert len(calls) == 2, f"square(4), square(4), square(5) should run the function twice, it ran {len(calls)} times"
    assert stats(fast) == (1, 2), (f"after square(4), square(4), square(5): hits should be 1 and misses 2, "
                                   f"got hits={fast.hits!r}, misses={fast.misses!r}")
    assert type(fast.hits) is int and type(fast.misses) is int, "hits and misses are ints"


def test_memoize_keys():
    """the key is the arguments: keyword order does not matter, unhashable ones raise TypeError"""
    describe, calls = counted(lambda a, b=0, c=0: f"{a}-{b}-{c}")
    fast = memoize(describe)
    assert fast(1, b=2, c=3) == "1-2-3"
    assert fast(1, c=3, b=2) == "1-2-3"
    assert len(calls) == 1, ("f(1, b=2, c=3) and f(1, c=3, b=2) are the same call: they should share an entry "
                             "(make the keyword part of the key independent of the order, e.g. a frozenset of "
                             "kwargs.items() or sorted items)")
    assert fast(1, 2, 3) == "1-2-3" and fast(1, b=3, c=2) == "1-3-2" and fast(2) == "2-0-0", \
        "different arguments are different entries"
    assert fast(1, b=3, c=2) == "1-3-2"
    assert len(calls) == 4, f"four distinct calls should run the function 4 times, it ran {len(calls)}"
    assert stats(fast) == (2, 4), f"hits should be 2 and misses 4, got {stats(fast)}"
    with pytest.raises(TypeError):
        fast([1, 2])
        pytest.fail("a list argument cannot be a dict key: the memoized call should raise TypeError")


def test_memoize_none_and_exceptions():
    """a stored None is a hit; a call that raises stores nothing"""
    nothing, calls = counted(lambda x: None)
    fast = memoize(nothing)
    assert fast("k") is None and fast("k") is None
    assert len(calls) == 1, ("the function returned None once; the second call should be a hit: tell a stored None "
                             "from a missing entry (`key in cache`, or a private sentinel with cache.get)")
    assert stats(fast) == (1, 1), f"hits 1, misses 1 expected, got {stats(fast)}"

    attempts = []

    def flaky(x):
        attempts.append(x)
        if len(attempts) < 3:
            raise ConnectionError("not yet")
        return x * 10

    fast = memoize(flaky)
    for _ in range(2):
        with pytest.raises(ConnectionError):
            fast(7)
    assert fast(7) == 70, "a call that raised must not be cached: the third call should run the function and succeed"
    assert fast(7) == 70 and len(attempts) == 3, f"after a success the result is cached: {len(attempts)} runs, want 3"
    assert stats(fast) == (1, 3), f"three calls ran the function (misses 3), one came from the cache; got {stats(fast)}"


def test_memoize_clear_separate_caches_and_metadata():
    """clear() empties the cache and the counters; each function has its own cache; wraps keeps metadata"""

    def double(x):
        """Twice x."""
        return 2 * x

    def triple(x):
        return 3 * x

    d, t = memoize(double), memoize(triple)
    assert (d(2), t(2), d(2), t(2)) == (4, 6, 4, 6), \
        "two memoized functions must not share one cache: triple(2) is 6, not double's 4"
    assert stats(d) == stats(t) == (1, 1)
    d.clear()
    assert stats(d) == (0, 0), f"clear() should reset hits and misses to 0, got {stats(d)}"
    assert d(2) == 4 and stats(d) == (0, 1), "after clear() the next call should run the function again (a miss)"
    assert stats(t) == (1, 1), "clearing one function's cache must leave another's alone"
    assert d.__name__ == "double" and d.__doc__ == "Twice x." and d.__wrapped__ is double, \
        "the wrapper should keep the function's name, docstring and __wrapped__: use functools.wraps"


def test_memoize_is_your_own():
    """memoize is written by hand, not with functools.lru_cache or functools.cache"""
    wrapped = memoize(lambda x: x)
    assert not hasattr(wrapped, "cache_info"), "write memoize yourself: it should not be functools.lru_cache"
    tree = ast.parse(target_source())
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == "memoize":
            found = forbidden_uses(names=["lru_cache"], attributes=["lru_cache", "cache"],
                                   source=ast.unparse(node))
    assert not found, ("part 1 is to write the cache yourself (a dict and a wrapper); functools.lru_cache is for "
                       "part 2. memoize uses: " + ", ".join(found))


def test_factorial_values():
    """factorial(n) is n! for small n, an int; negatives are ValueError, non-ints TypeError"""
    fresh_factorial()
    for n in range(21):
        got = factorial(n)
        assert got == math.factorial(n) and type(got) is int, f"factorial({n}) should be {math.factorial(n)}, got {got!r}"
    for bad in (-1, -10):
        fresh_factorial()
        with pytest.raises(ValueError):
            factorial(bad)
            pytest.fail(f"factorial({bad}) should raise ValueError: n! is defined for n >= 0")
        assert factorial.misses == 1, (f"factorial({bad}) should raise at once, without recursing to {bad - 1}: "
                                       f"it ran {factorial.misses} times")
    for bad in (2.5, "3"):
        with pytest.raises(TypeError):
            factorial(bad)
            pytest.fail(f"factorial({bad!r}) should raise TypeError: n must be an int")


def test_factorial_recurses_through_the_cache():
    """factorial is memoized and recursive: the counters show each level going through the cache"""
    fresh_factorial()
    assert factorial(10) == 3628800
    misses = factorial.misses
    assert misses == 11, (f"factorial(10) on an empty cache should run 11 times, for 10, 9, ..., 1, 0, so misses is 11, "
                          f"got {misses}: " + (
                              "the recursion does not go through the cache; call factorial(n - 1), the decorated "
                              "name, inside factorial" if misses < 10 else
                              "factorial(0) == 1 should be the only base case" if misses == 10 else
                              "each level should run once"))
    assert factorial.hits == 0, f"no call of factorial(10) on an empty cache is a hit, got hits={factorial.hits}"
    assert factorial(10) == 3628800 and stats(factorial) == (1, 11), \
        f"factorial(10) again should be one hit and no new miss, got hits/misses {stats(factorial)}"
    assert factorial(12) == 479001600 and stats(factorial) == (2, 13), (
        f"factorial(12) after factorial(10) should run for 12 and 11 only (2 misses) and find 10 in the cache "
        f"(1 hit): hits/misses should be (2, 13), got {stats(factorial)}")
    assert factorial(5) == 120 and stats(factorial) == (3, 13), "factorial(5) is in the cache by now: one more hit"


def test_factorial_goes_deep_in_steps():
    """factorial(300), (600), ..., (1800) work under the default recursion limit, thanks to the cache"""
    limit = sys.getrecursionlimit()
    fresh_factorial()
    for n in range(300, 1801, 300):
        try:
            got = factorial(n)
        except RecursionError:
            pytest.fail(f"factorial({n}) after factorial({n - 300}) hit the recursion limit: with the smaller ones "
                        f"in the cache it should recurse only from {n} down to {n - 299}, then find {n - 300} "
                        "there. Look the key up before calling the function, and store every level's result")
        assert got == math.factorial(n), f"factorial({n}) is wrong"
        assert sys.getrecursionlimit() == limit, "don't change the recursion limit: the cache is what makes this work"
    assert stats(factorial) == (5, 1801), (f"factorial(300), (600), ..., (1800) should make 1801 misses (0 to 1800, "
                                           f"once each) and 5 hits, got hits/misses {stats(factorial)}")


# -- part 2: lru_cache -------------------------------------------------------------------------

def is_lru(f, what):
    assert callable(f) and hasattr(f, "cache_info") and hasattr(f, "cache_clear"), (
        f"{what} should return the function wrapped in functools.lru_cache (it has cache_info() and "
        f"cache_clear()), got {f!r}")


@pytest.mark.parametrize("a, b, want", [
    ("kitten", "sitting", 3), ("", "", 0), ("abc", "", 3), ("", "ab", 2), ("flaw", "lawn", 2),
    ("same", "same", 0), ("café", "cafe", 1), ("intention", "execution", 5), ("a", "b", 1),
    ("abcdef", "azced", 3),
])
def test_edit_distance_examples(a, b, want):
    """edit_distance on known pairs, empty strings included"""
    got = edit_distance(a, b)
    assert got == want and type(got) is int, f"edit_distance({a!r}, {b!r}) should be {want}, got {got!r}"


def test_edit_distance_type_errors():
    """arguments that are not strings raise TypeError"""
    for a, b in ((b"abc", "abc"), ("abc", None), (["a"], "a")):
        with pytest.raises(TypeError):
            edit_distance(a, b)
            pytest.fail(f"edit_distance({a!r}, {b!r}) should raise TypeError: it compares two str")


def test_edit_distance_memo_uses_lru_cache():
    """d(i, j) is lru_cached: each subproblem is computed once, as cache_info() shows"""
    a, b = "kitten", "sitting"
    d = edit_distance_memo(a, b)
    is_lru(d, "edit_distance_memo(a, b)")
    info = d.cache_info()
    assert type(info).__name__ == "CacheInfo" and info.currsize == 0, \
        f"a new d should start with an empty cache of its own, got {info}"
    assert d(6, 7) == 3, f"d(6, 7) of 'kitten' and 'sitting' is the whole edit distance, 3, got {d(6, 7)!r}"
    first = d.cache_info()
    assert first.misses <= 7 * 8, (f"d(6, 7) should compute each of the 7 x 8 subproblems at most once, but it made "
                                   f"{first.misses} misses: is the cache unbounded (maxsize=None)?")
    d(6, 7)
    again = d.cache_info()
    assert (again.hits, again.misses) == (first.hits + 1, first.misses), \
        f"calling d(6, 7) again should be one hit and no miss: {first} then {again}"
    want = distance_table(a, b)
    for i in range(len(a) + 1):
        for j in range(len(b) + 1):
            assert d(i, j) == want[i][j], f"d({i}, {j}) is the distance of {a[:i]!r} and {b[:j]!r}, {want[i][j]}"
    info = d.cache_info()
    assert info.misses == 7 * 8 and info.currsize == 7 * 8, (
        f"after asking for every d(i, j), each of the 56 subproblems should have been computed exactly once "
        f"(misses 56, currsize 56), got {info}")


def test_each_memo_has_its_own_cache():
    """two edit_distance_memo() functions, for different strings, never share results"""
    d1 = edit_distance_memo("abc", "abd")
    d2 = edit_distance_memo("xyz", "abd")
    assert d1(3, 3) == 1
    before = d1.cache_info()
    assert d2(3, 3) == 3, ("d2 compares 'xyz' with 'abd' (distance 3) but answered from another pair's results: "
                           "define the cached function inside edit_distance_memo, so each call gets its own")
    assert d1.cache_info() == before, "d2's calls must not show up in d1's cache"
    assert d1 is not d2


@given(a=st.text("abcé", max_size=9), b=st.text("abcé", max_size=9))
def test_edit_distance_property(a, b):
    """edit_distance and d(i, j) agree with a bottom-up table on random strings"""
    want = distance_table(a, b)
    got = edit_distance(a, b)
    assert got == want[-1][-1], f"edit_distance({a!r}, {b!r}) should be {want[-1][-1]}, got {got!r}"
    d = edit_distance_memo(a, b)
    i, j = len(a) // 2, len(b) // 3
    assert d(i, j) == want[i][j], f"d({i}, {j}) for {a!r}, {b!r} is the distance of {a[:i]!r} and {b[:j]!r}"


@pytest.mark.parametrize("grid, want, why", [
    (["...", ".#.", "..."], 2, "around the block, left or right"),
    (["...", "...", "..."], 6, "a 3 x 3 open grid has C(4, 2) = 6 paths"),
    (["."], 1, "a single open cell is one path: you are there already"),
    (["#"], 0, "a blocked single cell has no path"),
    (["#..", "...", "..."], 0, "the start is blocked"),
    (["...", "...", "..#"], 0, "the end is blocked"),
    (["....."], 1, "one row: only right"),
    ([".", ".", "."], 1, "one column: only down"),
    ([".#", "#."], 0, "both ways are blocked"),
    ((".#..", "....", "...."), 4, "a tuple of rows works too"),
])
def test_count_paths_examples(grid, want, why):
    """count_paths on small grids: obstacles, one row or column, blocked ends"""
    try:
        got = count_paths(grid)
    except TypeError as exc:
        pytest.fail(f"count_paths({list(grid)}) raised TypeError ({exc}): lru_cache needs hashable arguments, and "
                    "a list of rows is not one; cache a function of the indexes (r, c) instead")
    assert got == want and type(got) is int, f"count_paths({list(grid)}) should be {want} ({why}), got {got!r}"


def test_grid_errors():
    """an empty grid, ragged rows or unknown characters raise ValueError"""
    for bad, why in (([], "an empty grid"), ([""], "a grid with no columns"), (["...", ".."], "rows of different lengths"),
                     (["..x"], "a character other than '.' and '#'")):
        with pytest.raises(ValueError):
            count_paths(bad)
            pytest.fail(f"count_paths({bad!r}) should raise ValueError: {why}")


def test_grid_paths_memo_uses_lru_cache():
    """paths(r, c) is lru_cached over the indexes, with each cell computed once"""
    grid = ["....", ".#..", "...."]
    try:
        paths = grid_paths_memo(grid)
        is_lru(paths, "grid_paths_memo(grid)")
        total = paths(0, 0)
    except TypeError as exc:
        pytest.fail(f"grid_paths_memo(a list of rows) raised TypeError ({exc}): lru_cache needs hashable arguments and "
                    "a list is not one; cache a function of (r, c) defined inside, where it sees the grid")
    want = paths_table(grid)
    assert total == want[0][0] == 4, f"paths(0, 0) should be 4, got {total!r}"
    info = paths.cache_info()
    assert info.misses <= 5 * 4 and info.currsize == info.misses, (
        f"paths(0, 0) on a 3 x 4 grid should compute each cell at most once (at most 20 misses, counting the edge), "
        f"got {info}")
    paths(0, 0)
    assert paths.cache_info().hits == info.hits + 1, "paths(0, 0) again should be a hit"
    for r in range(3):
        for c in range(4):
            assert paths(r, c) == want[r][c], f"paths({r}, {c}) should be {want[r][c]}, got {paths(r, c)!r}"
    assert paths(1, 1) == 0, "paths() of a blocked cell is 0"


@given(st.data())
def test_count_paths_property(data):
    """count_paths agrees with a bottom-up table on random grids"""
    rows = data.draw(st.integers(1, 7), label="rows")
    cols = data.draw(st.integers(1, 7), label="cols")
    grid = data.draw(st.lists(st.text(".#", min_size=cols, max_size=cols), min_size=rows, max_size=rows), label="grid")
    want = paths_table(grid)[0][0]
    got = count_paths(grid)
    assert got == want, f"count_paths({grid}) should be {want}, got {got!r}"


def test_quiz():
    """the six statements about memoization: each marked True or False"""
    assert isinstance(MEMO_QUIZ, dict) and len(MEMO_QUIZ) == 6, \
        "MEMO_QUIZ should still be the dict of the six statements: change only the values"
    unanswered = [s for s, v in MEMO_QUIZ.items() if v is None]
    if unanswered:
        raise NotImplementedError(f"answer each quiz statement with True or False, starting with: {unanswered[0]!r}")
    for statement, answer in MEMO_QUIZ.items():
        assert type(answer) is bool, f"answer with True or False, not {answer!r}: {statement!r}"
    starts = ["Memoization trades memory", "A memoized function may read", "The very first call factorial(500)",
              "@functools.lru_cache with no arguments", "Top-down memoization removes", "The arguments of an lru_cache"]
    why = [
        (True, "that is the whole idea: a dict of results, looked up before doing the work"),
        (False, "a cached result is returned even after the time or the global changed: memoize pure functions only"),
        (False, "factorial(500) needs each smaller factorial once anyway; memoization pays on repeated calls, or where "
                "subproblems overlap (edit distance, grid paths), not on a single chain"),
        (False, "its default maxsize is 128: it evicts the least recently used results. maxsize=None (functools.cache) "
                "keeps everything"),
        (False, "the first call still recurses as deep as the problem is, and through a cache wrapper each level costs "
                "even more frames; only a bottom-up loop avoids it"),
        (True, "the arguments become a dict key, so a list (unhashable) raises TypeError: pass a tuple, or cache a "
               "function of indexes"),
    ]
    for start, statement, (want, reason) in zip(starts, MEMO_QUIZ, why):
        assert statement.startswith(start), (f"keep the six statements as they were, in their order: expected one "
                                             f"starting {start!r}, found {statement!r}")
        assert MEMO_QUIZ[statement] is want, f"{statement!r} is not {MEMO_QUIZ[statement]}: {reason}"


def test_large_edit_distance():
    """edit_distance of two 200-character strings is quick: the memo computes each subproblem once"""
    rng = random.Random(11)
    a = "".join(rng.choice("acgt") for _ in range(200))
    b = "".join(rng.choice("acgt") for _ in range(200))
    want = distance_table(a, b)[-1][-1]
    d = edit_distance_memo(a, b)
    try:
        with time_budget(2, "d(200, 200) on two 200-character strings took over 2 s: the naive recursion is "
                            "exponential; with lru_cache(maxsize=None) it computes 201 x 201 subproblems once each "
                            "(the default maxsize=128 evicts them, and they are computed again and again)"):
            got = d(200, 200)
    except RecursionError:
        pytest.fail("d(200, 200) hit the recursion limit: it should need no more than 400 levels; does d recurse "
                    "to smaller i or j at every step?")
    assert got == want, f"the edit distance of the two 200-character strings is {want}, got {got!r}"
    info = d.cache_info()
    assert info.misses <= 201 * 201, (f"d(200, 200) should compute each of the 201 x 201 subproblems at most once, "
                                      f"but it made {info.misses} misses: is its cache unbounded (maxsize=None)?")
    assert edit_distance(a, b) == want


def test_large_grid():
    """count_paths on a 120 x 120 grid with obstacles is quick, and exact (a very big int)"""
    grid = random_grid(random.Random(5), 120, 120)
    want = paths_table(grid)[0][0]
    paths = grid_paths_memo(grid)
    with time_budget(2, "paths(0, 0) on a 120 x 120 grid took over 2 s: without a cache the recursion walks every "
                        "one of the ~10^60 paths; with lru_cache(maxsize=None) each cell is computed once"):
        got = paths(0, 0)
    assert got == want, f"the grid has {want} paths, got {got!r}"
    info = paths.cache_info()
    assert info.misses <= 121 * 121, (f"paths(0, 0) should compute each of the 120 x 120 cells at most once (plus the "
                                      f"edge), but it made {info.misses} misses: is the cache unbounded?")
    assert count_paths(grid) == want
