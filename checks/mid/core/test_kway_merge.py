import collections.abc
import itertools
import operator
import random

import pytest
from hypothesis import given, strategies as st

from kway_merge import merge
from pyexercise.checklib import Item, assert_not_used, comparisons


def run(*iterables, **kwargs) -> list:
    it = merge(*iterables, **kwargs)
    assert isinstance(it, collections.abc.Iterator) and iter(it) is it, \
        f"merge() should return an iterator (a generator), not {type(it).__name__}: it must be lazy"
    return list(it)


def expect(iterables, want, why="", **kwargs):
    shown = ", ".join(repr(x) for x in iterables)
    options = "".join(f", {k}={v.__name__ if callable(v) else repr(v)}" for k, v in kwargs.items())
    got = run(*[list(x) for x in iterables], **kwargs)
    why = f": {why}" if why else ""
    assert got == want, f"list(merge({shown}{options})) should be {want!r}{why}; got {got!r}"
    assert [type(x) for x in got] == [type(x) for x in want], f"merge should yield the items themselves, got {got!r}"


def bound(n: int, k: int) -> int:
    """n * ceil(log2 k) + k"""
    return n * (k - 1).bit_length() + k if k else 0


def test_two_lists():
    """two sorted lists merge into one sorted list"""
    expect([[1, 4, 9], [2, 3, 10, 11]], [1, 2, 3, 4, 9, 10, 11])
    expect([[], [5, 6]], [5, 6], "an empty list adds nothing")
    expect([[5, 6], []], [5, 6])
    expect([[1, 2, 3], [4, 5]], [1, 2, 3, 4, 5], "when one list runs out, the rest of the other follows")
    expect([[4, 5], [1, 2, 3]], [1, 2, 3, 4, 5])
    expect([[-3, 0, 0, 2], [-5, 0, 7]], [-5, -3, 0, 0, 0, 2, 7], "negatives and duplicates are kept")


def test_many_iterables():
    """any number of sorted iterables, of any kind, including none at all"""
    expect([[1, 5], [0, 2, 8], [], [3]], [0, 1, 2, 3, 5, 8])
    expect([], [], "merge() with no iterables yields nothing")
    expect([[3, 1, 2][:1]], [3], "a single iterable comes out as it is")
    expect([[1.5, 2], [1, 3.5]], [1, 1.5, 2, 3.5])
    expect(["aceg", "bdf"], list("abcdefg"), "strings are iterables of characters")
    got = run(range(0, 10, 3), iter([1, 2]), (x for x in [4, 20]))
    assert got == [0, 1, 2, 3, 4, 6, 9, 20], f"ranges, iterators and generators merge too, got {got}"


def test_key_and_reverse():
    """key= orders by key; reverse=True merges descending inputs into a descending stream"""
    expect([["a", "bb", "dddd"], ["ccc"]], ["a", "bb", "ccc", "dddd"], "ascending by length", key=len)
    expect([[9, 4, 1], [10, 3, 2]], [10, 9, 4, 3, 2, 1], "reverse=True: both inputs descend", reverse=True)
    expect([["banana", "fig"], ["cherry", "kiwi"]], ["banana", "cherry", "kiwi", "fig"],
           "descending by length; equal lengths keep the first iterable's item first", key=len, reverse=True)
    expect([[-1, 2, -3], [1, -4]], [-1, 1, 2, -3, -4], "ascending by abs(), ties to the first iterable", key=abs)


def test_only_keys_are_compared():
    """with a key, only keys are compared (items need not be comparable); key runs once per item"""
    calls = []

    def at(record):
        calls.append(record["id"])
        return record["t"]

    a = [{"t": 1, "id": "a1"}, {"t": 3, "id": "a3"}, {"t": 3, "id": "a3b"}]
    b = [{"t": 1, "id": "b1"}, {"t": 3, "id": "b3"}]
    c = [{"t": 0, "id": "c0"}, {"t": 3, "id": "c3"}]
    try:
        got = [r["id"] for r in run(a, b, c, key=at)]
    except TypeError as exc:
        pytest.fail(f"merging dicts with key= raised TypeError ({exc}): compare only the keys, never the items "
                    "(a tuple (key, item) compares the items when two keys are equal)")
    assert got == ["c0", "a1", "b1", "a3", "a3b", "b3", "c3"], \
        f"records merged by 't' should be c0 a1 b1 a3 a3b b3 c3 (ties in argument order), got {got}"
    assert sorted(calls) == sorted(r["id"] for r in a + b + c), \
        f"key should be called exactly once per item (7 items), it was called {len(calls)} times: {calls}"


def tagged_sources(key_lists):
    """Items tagged with their source and position: 's1.0', 's1.1', ..."""
    return [[Item(k, f"@s{i}.{j}") for j, k in enumerate(keys)] for i, keys in enumerate(key_lists)]


def stable_want(sources, reverse=False):
    return sorted(itertools.chain(*sources), key=operator.attrgetter("key"), reverse=reverse)


def check_against_sorted(sources, reverse=False, key=None):
    want = stable_want(sources, reverse)
    kwargs = {"reverse": reverse} if key is None else {"reverse": reverse, "key": key}
    got = run(*[iter(s) for s in sources], **kwargs)
    shown = [[repr(x) for x in s] for s in sources]
    assert [repr(x) for x in got] == [repr(x) for x in want], (
        f"merge of {shown} (reverse={reverse}) should give {[repr(x) for x in want]}: equal keys keep the order "
        f"of their iterables, then their order within one; got {[repr(x) for x in got]}")
    assert all(g is w for g, w in zip(got, want)), "merge should yield the very items it was given"


def test_stable():
    """equal items come out in argument order, then in their order within an iterable"""
    check_against_sorted(tagged_sources([[1, 2, 2, 3], [2, 2], [0, 2, 5]]))
    check_against_sorted(tagged_sources([[3, 2, 2, 1], [2, 2], [5, 2, 0]]), reverse=True)
    check_against_sorted(tagged_sources([[7] * 3] * 5))


@given(keys=st.lists(st.lists(st.integers(0, 6), max_size=8), max_size=7), reverse=st.booleans(),
       use_key=st.booleans())
def test_agrees_with_sorted(keys, reverse, use_key):
    """random sorted inputs with many ties agree with sorted() of their concatenation (stable)"""
    sources = tagged_sources(sorted(k, reverse=reverse) for k in keys)
    check_against_sorted(sources, reverse=reverse, key=(lambda item: item) if use_key else None)


class Tracked:
    """An iterable that counts the items pulled from it."""

    def __init__(self, items):
        self.items, self.pulled = items, 0

    def __iter__(self):
        for item in self.items:
            self.pulled += 1
            yield item


def test_lazy_one_item_ahead():
    """nothing is pulled before next(); then at most one item per iterable is held"""
    rng = random.Random(3)
    keys = [sorted(rng.randrange(50) for _ in range(rng.randrange(0, 15))) for _ in range(6)]
    sources = tagged_sources(keys)
    tracked = [Tracked(s) for s in sources]
    source_of = {id(item): i for i, s in enumerate(sources) for item in s}
    it = merge(*tracked)
    pulled = [t.pulled for t in tracked]
    assert pulled == [0] * 6, f"merge() pulled {pulled} items from its iterables before the first next(): be lazy"
    yielded = [0] * 6
    for step, item in enumerate(it, 1):
        yielded[source_of[id(item)]] += 1
        ahead = [t.pulled - y for t, y in zip(tracked, yielded)]
        most = max(ahead)
        assert most <= 1, (f"after {step} items, merge held {most} unyielded items of iterable #{ahead.index(most)} "
                           f"(pulled {[t.pulled for t in tracked]}, yielded {yielded}): pull the next item of an "
                           "iterable only when its previous one has come out")
    assert yielded == [len(k) for k in keys], "every item of every iterable should come out once"


def test_endless_iterables():
    """endless iterables merge lazily (islice)"""
    evens, odds = itertools.count(0, 2), itertools.count(1, 2)
    got = list(itertools.islice(merge(evens, odds), 10))
    assert got == list(range(10)), f"merging count(0, 2) and count(1, 2) should start 0..9, got {got}"
    threes = (3 * i for i in itertools.count())
    got = list(itertools.islice(merge(threes, [1, 2, 4], itertools.count(100)), 6))
    assert got == [0, 1, 2, 3, 4, 6], \
        f"an endless, a finite and an endless iterable should start [0, 1, 2, 3, 4, 6], got {got}"


@pytest.mark.parametrize("bad", [5, None])
def test_not_iterable(bad):
    """an argument that is not iterable is a TypeError, at the call"""
    with pytest.raises(TypeError):
        merge([1, 2], bad)
        pytest.fail(f"merge([1, 2], {bad!r}) should raise TypeError at once: call iter() on each argument first")


def shape(name: str, k: int, n: int, rng: random.Random) -> list[list[int]]:
    if name == "round robin":  # source i holds i, i + k, i + 2k...
        return [list(range(i, n, k)) for i in range(k)]
    if name == "first wins":  # the first source holds the smallest items, and most of them
        return [list(range(n - k + 1))] + [[n + i] for i in range(k - 1)]
    if name == "last wins":
        return [[n + i] for i in range(k - 1)] + [list(range(n - k + 1))]
    if name == "one full, rest empty":
        return [[] for _ in range(k - 1)] + [list(range(n))]
    if name == "all equal":
        return [[7] * (n // k) for _ in range(k)]
    return [sorted(rng.randrange(n) for _ in range(n // k)) for _ in range(k)]  # random


SHAPES = [(name, k) for name in ("round robin", "first wins", "last wins", "one full, rest empty", "all equal",
                                 "random") for k in (2, 5, 8, 16)] + [("random", 100), ("round robin", 3)]


@pytest.mark.parametrize("name, k", SHAPES)
def test_comparisons(name, k):
    """at most n * ceil(log2 k) + k comparisons, on many input shapes"""
    rng = random.Random(k)
    sources = tagged_sources(shape(name, k, 400 if k < 100 else 2000, rng))
    n = sum(map(len, sources))
    for reverse in (False, True):
        srcs = [list(reversed(s)) for s in sources] if reverse else sources
        want = stable_want(srcs, reverse)
        with comparisons() as counted:
            got = run(*srcs, reverse=reverse)
        assert [repr(x) for x in got] == [repr(x) for x in want], \
            f"merging the {name!r} shape of {k} iterables (reverse={reverse}) gave a wrong order"
        limit, made = bound(n, k), counted.count
        assert made <= limit, (
            f"merging {n} items from {k} iterables ({name}, reverse={reverse}) made {made} comparisons; "
            f"the limit is n*ceil(log2 k)+k = {limit}. Scanning the k fronts costs k-1 per item and a binary heap "
            "up to about 2*log2 k; a balanced tree of two-way merges costs at most ceil(log2 k)")


def test_no_sorting():
    """merged, not sorted: no sorted(), list.sort() or heapq"""
    assert list(merge([1], [0])) == [0, 1]
    assert_not_used("sorted(), list.sort() or heapq", names=["sorted"], attributes=["sort"], imports=["heapq"])
