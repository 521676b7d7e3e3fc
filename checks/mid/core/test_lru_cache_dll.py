import gc
import time

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from lru_cache_dll import LRUCache
from pyexercise.checklib import assert_not_used

MISSING = object()


def test_put_then_get():
    """a value put in comes back out: the very same object"""
    cache = LRUCache(3)
    value = ["payload"]
    assert cache.put("k", value) is None, "put() returns nothing (None)"
    got = cache.get("k")
    assert got is value, f"get('k') should return the object you put, got {got!r}"


def test_miss_returns_default():
    """a missing key gives None, or the default you pass"""
    cache = LRUCache(2)
    assert cache.get("nope") is None, "get() of a missing key should return None"
    sentinel = object()
    assert cache.get("nope", sentinel) is sentinel, "get(key, default) should return default on a miss"
    cache.put("k", None)
    assert cache.get("k", sentinel) is None, "a stored None is a hit: return None, not the default"


def test_evicts_least_recently_used():
    """when full, the least recently used entry goes (the docstring example)"""
    cache = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1
    cache.put("c", 3)
    assert cache.get("b") is None, "'b' was used least recently, so putting 'c' should evict it"
    assert cache.get("a") == 1, "'a' was read after 'b', so it must survive"
    assert cache.get("c") == 3, "the newest entry must be there"
    assert len(cache) == 2, f"a full cache of capacity 2 holds 2 entries, not {len(cache)}"


def test_keys_in_order_of_use():
    """keys() lists least recently used first, and get() moves a key to the end"""
    cache = LRUCache(4)
    for k in "wxyz":
        cache.put(k, k.upper())
    got = cache.keys()
    assert type(got) is list, f"keys() should return a list, got {type(got).__name__}"
    assert got == ["w", "x", "y", "z"], f"after putting w, x, y, z keys() should be in that order, got {got!r}"
    cache.get("x")
    assert cache.keys() == ["w", "y", "z", "x"], f"get('x') makes 'x' the most recent, got {cache.keys()!r}"
    cache.get("missing")
    assert cache.keys() == ["w", "y", "z", "x"], "a miss must not reorder anything"


def test_put_existing_key_updates_and_refreshes():
    """putting a key that is already there replaces its value and makes it most recent"""
    cache = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.put("a", 10)
    assert len(cache) == 2, "updating a key must not add a second entry for it"
    assert cache.keys() == ["b", "a"], f"updating 'a' should make it the most recent, got {cache.keys()!r}"
    cache.put("c", 3)
    assert "b" not in cache, "after updating 'a', 'b' is the least recently used and should be evicted"
    assert cache.get("a") == 10, "get('a') should return the updated value 10"


def test_capacity_one():
    """a cache of capacity 1 keeps only the latest key"""
    cache = LRUCache(1)
    cache.put("a", 1)
    cache.put("a", 2)
    assert cache.get("a") == 2 and len(cache) == 1, "re-putting the only key must just update it"
    cache.put("b", 3)
    assert cache.get("a") is None, "capacity 1: putting 'b' evicts 'a'"
    assert cache.get("b") == 3 and len(cache) == 1
    assert cache.keys() == ["b"], f"keys() should be ['b'], got {cache.keys()!r}"


def test_contains_does_not_refresh():
    """`key in cache` only looks: it must not count as a use"""
    cache = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert ("a" in cache) is True and ("zzz" in cache) is False, "`in` should return True/False"
    cache.put("c", 3)
    assert "a" not in cache, "`'a' in cache` must not refresh 'a': it should still be evicted first"
    assert "b" in cache and "c" in cache


def test_len_counts_entries():
    """len() is the number of entries, an int, never above capacity"""
    cache = LRUCache(3)
    got = len(cache)
    assert type(got) is int and got == 0, f"an empty cache has len 0, got {got!r}"
    for i in range(10):
        cache.put(i, i * i)
        assert len(cache) == min(i + 1, 3), f"after {i + 1} puts into a capacity-3 cache, len should be {min(i + 1, 3)}"
    assert cache.keys() == [7, 8, 9]


@pytest.mark.parametrize("capacity", [0, -1, -100])
def test_invalid_capacity(capacity):
    """a capacity below 1 is a ValueError"""
    with pytest.raises(ValueError):
        LRUCache(capacity)


def test_written_from_scratch():
    """no OrderedDict, no functools.lru_cache: the linked list is yours"""
    assert_not_used("OrderedDict or functools", names=["OrderedDict", "lru_cache"],
                    attributes=["OrderedDict", "move_to_end", "lru_cache"], imports=["functools"])


class _Timed:
    """A full cache of ``capacity`` and a way to time more operations on it: puts that evict the
    oldest entry, and gets from the middle of the order of use."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.cache = LRUCache(capacity)
        for k in range(capacity):
            self.cache.put(k, k)
        self.next = capacity

    def per_op(self, ops: int) -> float:
        cache, cap, first = self.cache, self.capacity, self.next
        gc.disable()
        try:
            start = time.perf_counter()
            for j in range(first, first + ops):
                cache.put(j, j)
                cache.get(j - cap // 2)
            took = time.perf_counter() - start
        finally:
            gc.enable()
        self.next = first + ops
        return took / ops


def test_operations_are_constant_time():
    """get and put stay O(1): a 100x bigger cache is not noticeably slower per operation"""
    small_cache, big_cache = _Timed(500), _Timed(50_000)
    small = big = float("inf")
    for _round in range(5):  # alternate and keep the best of each: a busy machine only adds time
        small = min(small, small_cache.per_op(8000))
        big = min(big, big_cache.per_op(1000 if _round == 0 else 8000))  # a short first look
        if big / small > 100 or (_round and big / small < 3):
            break  # clearly not O(1), or clearly O(1): no need for more rounds
    ratio = big / small
    assert ratio < 12, (f"on a cache of 50,000 entries each operation took {ratio:.0f}x as long as on one of 500: "
                        "something walks or shifts the whole structure (list.remove, list.pop(0), index()?); "
                        "the dict should find the node and a few pointer changes move it")


class LRUModel(RuleBasedStateMachine):
    """The cache against a plain list of (key, value), least recently used first."""

    @initialize(capacity=st.integers(min_value=1, max_value=5))
    def start(self, capacity):
        self.capacity = capacity
        self.cache = LRUCache(capacity)
        self.model: list[tuple[int, int]] = []

    def _find(self, key):
        for i, (k, _v) in enumerate(self.model):
            if k == key:
                return i
        return -1

    @rule(key=st.integers(0, 7), value=st.integers())
    def put(self, key, value):
        self.cache.put(key, value)
        i = self._find(key)
        if i >= 0:
            del self.model[i]
        self.model.append((key, value))
        if len(self.model) > self.capacity:
            del self.model[0]

    @rule(key=st.integers(0, 7))
    def get(self, key):
        got = self.cache.get(key, MISSING)
        i = self._find(key)
        if i < 0:
            assert got is MISSING, f"get({key}) should miss (keys in order of use: {self._keys()}), got {got!r}"
        else:
            want = self.model.pop(i)
            self.model.append(want)
            assert got == want[1], f"get({key}) should be {want[1]!r}, got {got!r}"

    @rule(key=st.integers(0, 7))
    def contains(self, key):
        want = self._find(key) >= 0
        assert (key in self.cache) is want, f"`{key} in cache` should be {want} (keys: {self._keys()})"

    def _keys(self):
        return [k for k, _v in self.model]

    @invariant()
    def same_order_and_size(self):
        if not hasattr(self, "cache"):
            return
        assert len(self.cache) == len(self.model), f"len(cache) should be {len(self.model)}, got {len(self.cache)}"
        got = self.cache.keys()
        assert got == self._keys(), (f"with capacity {self.capacity}, keys() should be {self._keys()} "
                                     f"(least recently used first), got {got}")


TestLRUModel = LRUModel.TestCase
TestLRUModel.__doc__ = "random sequences of put/get/in agree with a simple list-based model"
