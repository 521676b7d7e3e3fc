import math
import random
import tracemalloc

import pytest
from hypothesis import given, strategies as st

from kth_largest import kth_largest, kth_largest_stream
from pyexercise.checklib import Item, Tracked, assert_not_used, assert_raises, comparisons, time_budget


def want_for(items, k):
    return sorted(items, reverse=True)[k - 1]


class LessOnly:
    """Ordered by < alone: any other comparison (==, <=, >, >=) is refused."""

    def __init__(self, k):
        self.k = k

    def __lt__(self, other):
        return self.k < other.k

    def _refuse(self, other):
        raise TypeError("compare the items with < only: x equals the pivot when neither x < pivot nor pivot < x")
    __le__ = __gt__ = __ge__ = __eq__ = __ne__ = _refuse
    __hash__ = object.__hash__

    def __repr__(self):
        return f"LessOnly({self.k})"


def check(fn, items, k, what=None):
    what = what or f"{fn.__name__}({items!r}, {k})"
    want = want_for(items, k)
    before = list(items)
    with time_budget(2, f"{what} did not finish within 2 s: an endless loop? When the answer is among the items "
                        "equal to the pivot, return it; else go on in a part that is strictly smaller"):
        got = fn(items, k) if fn is kth_largest else fn(iter(items), k)
    assert type(got) is type(want) and got == want, f"{what} should be {want!r}, got {got!r}"
    assert any(got is x for x in before), f"{what} should return one of the items themselves, got {got!r}"
    assert items == before, f"{what} changed the list to {items!r}: work on a copy"


FUNCTIONS = [kth_largest, kth_largest_stream]


# -- both functions -------------------------------------------------------------------------------
@pytest.mark.parametrize("fn", FUNCTIONS, ids=lambda f: f.__name__)
def test_docstring_examples(fn):
    """the docstring's examples: k = 1 is the largest, duplicates count"""
    xs = [3, 1, 4, 1, 5, 9, 2, 6]
    check(fn, xs, 1)
    check(fn, xs, 3)
    check(fn, xs, 8)
    check(fn, [5, 5, 4], 2, f"{fn.__name__}([5, 5, 4], 2) (duplicates count: sorted largest first it is 5, 5, 4)")


@pytest.mark.parametrize("fn", FUNCTIONS, ids=lambda f: f.__name__)
def test_every_k(fn):
    """every k from 1 to n, on negatives, duplicates and one item"""
    for xs in ([7], [-2, -5, -1], [2, 2, 2, 2], [0, -1, 3, 3, -1, 8, 0], [1.5, -0.5, 2, 10**20]):
        for k in range(1, len(xs) + 1):
            check(fn, xs, k)


@pytest.mark.parametrize("fn", FUNCTIONS, ids=lambda f: f.__name__)
def test_strings(fn):
    """strings are ordered too"""
    words = ["pear", "apple", "fig", "kiwi", "banana"]
    for k in range(1, 6):
        check(fn, words, k)


@pytest.mark.parametrize("fn", FUNCTIONS, ids=lambda f: f.__name__)
def test_k_out_of_range(fn):
    """k below 1, above n, or any k on an empty input is a ValueError"""
    got = fn([3, 1, 2] if fn is kth_largest else iter([3, 1, 2]), 3)
    assert got == 1, f"{fn.__name__}([3, 1, 2], 3) should be 1, got {got!r}"
    for items, k in (([3, 1, 2], 0), ([3, 1, 2], -1), ([3, 1, 2], 4), ([], 1), ([5], 2)):
        assert_raises(ValueError, lambda: fn(iter(items) if fn is kth_largest_stream else items, k),
                      f"{fn.__name__}({items!r}, {k}) should raise ValueError: k must be 1 to {len(items)}")


@pytest.mark.parametrize("fn", FUNCTIONS, ids=lambda f: f.__name__)
def test_less_than_only(fn):
    """items need only support <, as in sorted() and heapq"""
    xs = [LessOnly(k) for k in [4, 1, 4, 3, 2, 5, 0, 4]]
    for k, want in ((1, 5), (2, 4), (4, 4), (5, 3), (8, 0)):
        got = fn(list(xs) if fn is kth_largest else iter(xs), k)
        assert got.k == want, f"{fn.__name__}(<LessOnly items 4, 1, 4, 3, 2, 5, 0, 4>, {k}) should be {want}, got {got!r}"


@pytest.mark.parametrize("fn", FUNCTIONS, ids=lambda f: f.__name__)
@given(st.lists(st.integers(-20, 20), min_size=1, max_size=40), st.data())
def test_matches_sorting(fn, xs, data):
    """random lists with duplicates and every k: the same as sorting"""
    k = data.draw(st.integers(1, len(xs)), label="k")
    check(fn, xs, k)


def test_no_sorting():
    """no sorted(), list.sort(), nlargest, nsmallest, bisect or statistics"""
    assert kth_largest([2, 1], 1) == 2, "kth_largest([2, 1], 1) should be 2"
    assert_not_used("sorting", names=["sorted", "nlargest", "nsmallest", "insort", "median"],
                    attributes=["sort", "nlargest", "nsmallest", "insort", "insort_left", "insort_right"],
                    imports=["bisect", "statistics", "sortedcontainers", "numpy"])


# -- kth_largest: quickselect ---------------------------------------------------------------------
def count_quickselect(keys, k, runs):
    """The average number of comparisons kth_largest makes over ``runs`` runs, each seeded."""
    total = 0
    state = random.getstate()
    try:
        for run in range(runs):
            random.seed(1000 + run)
            items = [Item(key, f"#{i}") for i, key in enumerate(keys)]
            with comparisons() as counted:
                got = kth_largest(items, k)
            total += counted.count
            want = sorted(keys, reverse=True)[k - 1]
            assert got.key == want, f"kth_largest(<{len(keys):,} items>, {k}) should be {want}, got {got.key}"
    finally:
        random.setstate(state)
    return total / runs


N = 5000
SHAPES = {
    "shuffled": lambda rng: rng.sample(range(N), N),
    "sorted": lambda rng: list(range(N)),
    "reverse sorted": lambda rng: list(range(N, 0, -1)),
    "all equal": lambda rng: [7] * N,
    "three distinct values": lambda rng: [rng.randrange(3) for _ in range(N)],
    "organ pipe": lambda rng: list(range(N // 2)) + list(range(N // 2, 0, -1)),
}
ADVICE = {
    "sorted": "a first or last item pivot splits sorted input into n - 1 and 0 items every time: pick it at random",
    "reverse sorted": "a first or last item pivot splits sorted input into n - 1 and 0 items every time: pick it at "
                      "random",
    "all equal": "with all items equal a two-way split puts n - 1 of them on one side every time: keep the items "
                 "equal to the pivot apart (a three-way split) and stop when the answer is among them",
    "three distinct values": "keep the items equal to the pivot apart (a three-way split) and stop when the answer "
                             "is among them",
    "organ pipe": "a middle item pivot is the largest of an organ pipe: pick it at random",
    "shuffled": "quickselect goes on in one part only (a sort would go on in both), and compares an item with the "
                "pivot at most twice",
}


@pytest.mark.parametrize("shape", list(SHAPES))
def test_linear_comparisons(shape):
    """on average at most 9n comparisons for any input shape and k"""
    keys = SHAPES[shape](random.Random(7))
    for k, runs in ((1, 3), (N // 2, 10), (N, 3)):
        with time_budget(4, f"kth_largest(<{N:,} items, {shape}>, {k}) took over 4 s: {ADVICE[shape]}"):
            average = count_quickselect(keys, k, runs)
        assert average <= 9 * N, (
            f"kth_largest(<{N:,} items, {shape}>, {k}) made {average:,.0f} comparisons on average, over 9n = "
            f"{9 * N:,}: {ADVICE[shape]}")


def test_does_not_touch_the_input():
    """the caller's list is left as it was; any iterable works"""
    xs = [9, 3, 7, 1, 8, 2]
    assert kth_largest(xs, 2) == 8 and xs == [9, 3, 7, 1, 8, 2], "kth_largest(xs, 2) should be 8 and leave xs alone"
    assert kth_largest((x * x for x in range(-3, 3)), 1) == 9, "kth_largest(<a generator>, 1) should work"
    assert kth_largest(range(100), 100) == 0, "kth_largest(range(100), 100) should be 0"


# -- kth_largest_stream: a heap of k --------------------------------------------------------------
def test_stream_one_pass():
    """the stream is read once, to the end"""
    source = Tracked([5, 1, 9, 3, 7, 3])
    got = kth_largest_stream(source, 2)
    assert got == 7, f"kth_largest_stream(<5, 1, 9, 3, 7, 3>, 2) should be 7, got {got!r}"
    assert source.iterations == 1, f"the stream was iterated {source.iterations} times: a stream can be read only once"
    assert source.pulled == 6, f"every item of the stream should be read, {source.pulled} of 6 were"


@pytest.mark.parametrize("order", ["shuffled", "ascending", "descending"])
@pytest.mark.parametrize("k", [1, 2, 10, 100, 1000])
def test_stream_comparisons(order, k):
    """at most n * (2 log2 k + 2) comparisons: each item costs one heap operation on k items"""
    n = 20_000
    keys = {"shuffled": random.Random(k).sample(range(n), n), "ascending": range(n), "descending": range(n, 0, -1)}[order]
    items = [Item(key) for key in keys]
    with comparisons() as counted:
        got = kth_largest_stream(iter(items), k)
    assert got.key == sorted(keys)[-k], f"kth_largest_stream(<{n:,} items, {order}>, {k}) should be {sorted(keys)[-k]}"
    budget = n * (2 * math.log2(k) + 2)
    assert counted.count <= budget, (
        f"kth_largest_stream(<{n:,} items, {order}>, {k}) made {counted.count:,} comparisons, over n * (2 log2 k + "
        f"2) = {budget:,.0f}: keep a min-heap of the k largest so far; a new item only needs a look at the top, "
        "and replaces it in one sift (heapq.heapreplace) when it is bigger")


def test_stream_memory_stays_small():
    """100,000 items streamed with k = 10 keep only about 10 of them"""
    n = 100_000
    stream = (x * 7919 % 1_000_003 + 10**6 for x in range(n))
    tracemalloc.start()
    try:
        got = kth_largest_stream(stream, 10)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    want = sorted((x * 7919 % 1_000_003 + 10**6 for x in range(n)), reverse=True)[9]
    assert got == want, f"kth_largest_stream(<100,000 ints>, 10) should be {want}, got {got}"
    assert peak < 1_000_000, (f"kth_largest_stream(<100,000 ints>, 10) used {peak / 1e6:.1f} MB at its peak: it kept "
                              "the stream; keep only the 10 largest so far, in a heap")
