import gc
import threading
import time
from collections import OrderedDict

import pytest
from hypothesis import settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from pyexercise.checklib import hammer, race_amplifier
from ttl_cache import CacheInfo, ttl_cache


class FakeClock:
    def __init__(self, now: float = 0.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def cached(ttl=10, maxsize=128, clock=None, func=None):
    """a fresh cached function on a fake clock, and the list of the calls that really ran"""
    clock = clock or FakeClock()
    calls = []

    def compute(*args, **kwargs):
        calls.append((args, kwargs))
        return func(*args, **kwargs) if func else ("value", args, tuple(sorted(kwargs.items())))

    return ttl_cache(ttl, maxsize, clock=clock)(compute), calls, clock


def info(f):
    got = f.cache_info()
    assert isinstance(got, CacheInfo), f"cache_info() should return a CacheInfo, got {got!r}"
    return got


def test_caches_and_counts():
    """a repeated call within the ttl comes from the cache; cache_info() counts hits and misses"""
    f, calls, clock = cached(ttl=60, maxsize=1000)
    first = f("EUR")
    clock.advance(1)
    again = f("EUR")
    assert again is first, "a call within the ttl should return the stored result itself"
    assert f("USD") == ("value", ("USD",), ()) and len(calls) == 2, \
        f"EUR, EUR, USD should run the function twice (EUR once, USD once), it ran {len(calls)} times"
    assert info(f) == (1, 2, 1000, 2), f"cache_info() should be CacheInfo(hits=1, misses=2, maxsize=1000, currsize=2), got {info(f)}"


def test_expires_exactly_at_ttl():
    """a result is served while clock() < stored + ttl, and recomputed from then on"""
    f, calls, clock = cached(ttl=10)
    f(1)
    clock.advance(9.999)
    f(1)
    assert len(calls) == 1, "9.999 s after storing, a 10 s ttl has not run out: the result should come from the cache"
    clock.advance(0.001)
    f(1)
    assert len(calls) == 2, ("exactly 10 s after storing, a 10 s ttl has run out: the entry is expired "
                             "(fresh only while clock() < stored + ttl)")
    clock.advance(9)
    f(1)
    assert len(calls) == 2, "the recomputed result is stored afresh at t=10, so it is good until t=20"
    assert info(f).hits == 2 and info(f).misses == 2


def test_reads_do_not_extend_the_ttl():
    """a hit does not make an entry live longer"""
    f, calls, clock = cached(ttl=10)
    f("k")
    for _ in range(3):
        clock.advance(3)
        f("k")
    assert len(calls) == 1, "hits at 3, 6 and 9 s are within the 10 s ttl"
    clock.advance(1)
    f("k")
    assert len(calls) == 2, ("at 10 s the entry has expired, even though it was read at 9 s: the ttl counts from when "
                             "it was stored, reads do not extend it")


def test_ttl_counts_from_when_the_result_is_stored():
    """the ttl starts when the call returns, not when it starts"""
    clock = FakeClock()

    def slow(x):
        clock.advance(5)  # the call itself takes 5 s
        return x * 2

    f, calls, _ = cached(ttl=10, clock=clock, func=slow)
    f(1)  # starts at 0, stored at 5
    clock.advance(9)  # t = 14
    f(1)
    assert len(calls) == 1, ("the result was stored at t=5 (the call took 5 s), so with a 10 s ttl it is fresh until "
                             "t=15; at t=14 it came from the function again: read clock() after the call returns")


def test_lru_eviction():
    """at maxsize, a new result evicts the least recently used entry"""
    f, calls, clock = cached(ttl=100, maxsize=2)
    f("a")
    f("b")
    f("a")  # a hit: "a" is now the most recently used
    f("c")  # evicts "b"
    assert info(f).currsize == 2, f"maxsize=2: currsize should be 2, got {info(f).currsize}"
    ran = len(calls)
    f("a")
    assert len(calls) == ran, "'a' was used after 'b', so storing 'c' should have evicted 'b', not 'a'"
    f("b")
    assert len(calls) == ran + 1, "'b' was the least recently used: it should have been evicted"
    f("c")
    assert len(calls) == ran + 2, "storing 'b' evicted 'c' (less recently used than 'a')"


def test_expired_entries_make_room_first():
    """a full cache drops an expired entry before evicting a fresh one"""
    f, calls, clock = cached(ttl=10, maxsize=2)
    f("old")  # stored at 0, expires at 10
    clock.advance(1)
    f("new")  # stored at 1, expires at 11
    clock.advance(1)
    f("old")  # a hit at t=2: "old" is now the most recently used
    clock.advance(8.5)  # t = 10.5: "old" has expired, "new" is fresh
    f("third")
    ran = len(calls)
    f("new")
    assert len(calls) == ran, ("at t=10.5 'old' had expired and 'new' (fresh until 11) had not: storing 'third' should "
                               "drop the expired 'old', not evict the fresh 'new', even though 'new' was used less "
                               "recently")


def test_currsize_counts_fresh_entries():
    """cache_info().currsize counts only entries that have not expired"""
    f, calls, clock = cached(ttl=10)
    for k in range(3):
        f(k)
        clock.advance(4)  # stored at 0, 4, 8
    assert info(f).currsize == 2, f"at t=12 the entry stored at 0 has expired: currsize should be 2, got {info(f).currsize}"
    clock.advance(10)
    assert info(f).currsize == 0, "at t=22 all three have expired: currsize should be 0"
    assert info(f).misses == 3


def test_keyword_order_does_not_matter():
    """f(1, b=2, c=3) and f(1, c=3, b=2) share an entry; different arguments don't"""
    f, calls, clock = cached()
    f(1, b=2, c=3)
    f(1, c=3, b=2)
    assert len(calls) == 1, ("f(1, b=2, c=3) and f(1, c=3, b=2) are the same call: build the key so that keyword "
                             "order does not matter (a frozenset of kwargs.items(), or sorted items)")
    f(1, b=3, c=2)
    f(2, b=2, c=3)
    f(1, b=2)
    f(1)
    assert len(calls) == 5, f"calls with different arguments should each run the function: 5 runs expected, got {len(calls)}"
    assert info(f) == (1, 5, 128, 5)


def test_unhashable_arguments():
    """an unhashable argument raises TypeError, and the function does not run"""
    f, calls, clock = cached()
    for args, kwargs in ((([1, 2],), {}), ((1,), {"opts": {"a": 1}})):
        with pytest.raises(TypeError):
            f(*args, **kwargs)
            pytest.fail(f"f(*{args!r}, **{kwargs!r}) has an unhashable argument: it should raise TypeError")
    assert calls == [], f"with an unhashable argument the function should not run, but it ran for {calls}"


def test_exceptions_are_not_cached():
    """a call that raises stores nothing: the next call runs again"""
    attempts = []

    def flaky(x):
        attempts.append(x)
        if len(attempts) == 1:
            raise ConnectionError("down")
        return x

    f, calls, clock = cached(func=flaky)
    with pytest.raises(ConnectionError):
        f(1)
    assert f(1) == 1 and f(1) == 1, "after a failed call, the next one should run the function and be stored"
    assert len(attempts) == 2, f"two runs expected (one failure, one success), got {len(attempts)}"
    assert info(f).currsize == 1


def test_cache_clear_and_metadata():
    """cache_clear() empties the cache and the counters; functools.wraps keeps the metadata"""

    def price(item):
        """The price of an item."""
        return len(item)

    f = ttl_cache(5, clock=FakeClock())(price)
    f("a"), f("a")
    f.cache_clear()
    assert info(f) == (0, 0, 128, 0), f"after cache_clear() cache_info() should be (0, 0, 128, 0), got {info(f)}"
    f("a")
    assert info(f).misses == 1, "after cache_clear() the next call is a miss"
    assert f.__name__ == "price" and f.__doc__ == "The price of an item." and f.__wrapped__ is price, \
        "keep the function's metadata with functools.wraps"


def test_argument_errors():
    """bad ttl or maxsize values raise ValueError or TypeError; @ttl_cache without parentheses is a TypeError"""
    for ttl, maxsize, error, why in ((0, 10, ValueError, "a ttl of 0 would never serve anything"),
                                     (-1, 10, ValueError, "a negative ttl"), (float("nan"), 10, ValueError, "NaN"),
                                     (10, 0, ValueError, "maxsize 0"), (10, -5, ValueError, "a negative maxsize"),
                                     ("10", 10, TypeError, "a str ttl"), (10, 2.5, TypeError, "a float maxsize"),
                                     (True, 10, TypeError, "a bool ttl")):
        with pytest.raises(error):
            ttl_cache(ttl, maxsize)
            pytest.fail(f"ttl_cache({ttl!r}, {maxsize!r}) should raise {error.__name__}: {why}")

    def func(x):
        return x

    with pytest.raises(TypeError):
        ttl_cache(func)
        pytest.fail("@ttl_cache without parentheses passes the function as the ttl: raise TypeError")
    assert ttl_cache(0.5, 1)(func)(3) == 3, "a float ttl and maxsize=1 are fine"


class CacheModel(RuleBasedStateMachine):
    """the cache against a model: an OrderedDict in order of use, with expiry times"""

    @initialize(ttl=st.sampled_from([1, 3, 10]), maxsize=st.integers(1, 4))
    def setup(self, ttl, maxsize):
        self.ttl, self.maxsize = ttl, maxsize
        self.clock = FakeClock()
        self.runs = []

        def compute(x):
            self.runs.append(x)
            return (x, len(self.runs))

        self.f = ttl_cache(ttl, maxsize, clock=self.clock)(compute)
        self.model = OrderedDict()  # key -> (expires, value), least recently used first
        self.hits = self.misses = 0

    def fresh(self):
        return OrderedDict((k, v) for k, v in self.model.items() if self.clock.now < v[0])

    @rule(x=st.integers(0, 5))
    def call(self, x):
        self.model = self.fresh()  # the expired entries never matter again
        before = list(self.model)
        if x in self.model:
            self.model.move_to_end(x)
            self.hits += 1
            want = self.model[x][1]
        else:
            self.misses += 1
            want = (x, len(self.runs) + 1)
            self.model[x] = (self.clock.now + self.ttl, want)
            if len(self.model) > self.maxsize:
                self.model.popitem(last=False)
        got = self.f(x)
        assert got == want, (f"ttl={self.ttl}, maxsize={self.maxsize}, t={self.clock.now}: f({x}) should be {want} "
                             f"({'from the cache' if x in before else 'computed now'}), got {got}; the fresh entries "
                             f"before the call were {before}, least recently used first")

    @rule(seconds=st.sampled_from([0.5, 1, 2, 5]))
    def wait(self, seconds):
        self.clock.advance(seconds)

    @rule()
    def clear(self):
        self.f.cache_clear()
        self.model.clear()
        self.hits = self.misses = 0

    @invariant()
    def counters_agree(self):
        if not hasattr(self, "f"):
            return
        want = (self.hits, self.misses, self.maxsize, len(self.fresh()))
        got = tuple(self.f.cache_info())
        assert got == want, (f"ttl={self.ttl}, maxsize={self.maxsize}, t={self.clock.now}: cache_info() should be "
                             f"(hits, misses, maxsize, currsize) = {want}, got {got}")


TestCacheModel = CacheModel.TestCase
TestCacheModel.settings = settings(max_examples=60, stateful_step_count=25)


class Key(int):
    """an int that knows how many of its kind are alive (hashing stays as fast as an int's)"""
    live = 0

    def __new__(cls, n):
        cls.live += 1
        return super().__new__(cls, n)

    def __del__(self):
        type(self).live -= 1


class Value:
    live = 0

    def __init__(self, n):
        self.n = n
        type(self).live += 1

    def __del__(self):
        type(self).live -= 1


def test_memory_is_bounded():
    """20,000 distinct keys never leave more than maxsize entries (keys or values) alive"""
    gc.collect()
    base_keys, base_values = Key.live, Value.live
    peak = [0, 0]
    clock = FakeClock()

    def make(key):
        peak[0] = max(peak[0], Key.live - base_keys)
        peak[1] = max(peak[1], Value.live - base_values)
        return Value(int(key))

    # first only eviction makes room; then (a 0.5 s ttl, 0.01 s between calls) mostly expiry
    for ttl, step in ((1000, 0), (0.5, 0.01)):
        f = ttl_cache(ttl, 100, clock=clock)(make)
        for i in range(10_000):
            clock.advance(step)
            assert f(Key(i)).n == i
        assert f.cache_info().currsize <= 100
        del f
    gc.collect()
    assert peak[0] <= 250 and peak[1] <= 250, (
        f"with maxsize=100, up to {peak[0]} keys and {peak[1]} results were alive at once: entries must be evicted "
        f"or dropped when expired, and nothing else (a dict of per-key locks, say) may keep the keys")
    assert Key.live == base_keys and Value.live == base_values, \
        "once the cached function is gone, its keys and results should be freed"


# -- threads: heavy, last ---------------------------------------------------------------------

def test_sixteen_threads_one_call():
    """16 threads asking for the same missing key at once: the function runs once, all get its result"""
    runs = []

    def slow(key):
        runs.append(key)
        time.sleep(0.05)
        return object()

    f = ttl_cache(60, 10)(slow)
    with race_amplifier():
        run = hammer(lambda: f("k"), threads=16, calls=1, timeout=3)
    assert not run.errors, f"the calls raised {run.errors[:3]}"
    assert len(runs) == 1, (f"16 threads asked for the same key at once and the function ran {len(runs)} times: the "
                            "first caller should mark the key as being computed (under a lock), and the others wait "
                            "for that call's result instead of starting their own")
    assert len(run.results) == 16 and all(r is run.results[0] for r in run.results), \
        "all 16 callers should get the very object the one call returned"
    assert f.cache_info()[:2] == (15, 1), f"one miss, and the 15 callers that waited count as hits: {f.cache_info()}"


def test_waiters_share_a_failure():
    """if the one call raises, the callers waiting for it get that exception, and nothing is stored"""
    runs = []

    def failing(key):
        runs.append(key)
        time.sleep(0.05)
        raise LookupError("no rate today")

    f = ttl_cache(60, 10)(failing)
    with race_amplifier():
        run = hammer(lambda: f("k"), threads=16, calls=1, timeout=3)
    assert len(runs) == 1, (f"the function ran {len(runs)} times: callers that were waiting for a call that fails "
                            "should get its exception, not each start a call of their own")
    assert len(run.errors) == 16 and all(isinstance(e, LookupError) for e in run.errors), \
        f"all 16 callers should get the LookupError, got {run.errors[:3]} and results {run.results[:3]}"
    assert f.cache_info().currsize == 0, "a failed call stores nothing"
    with pytest.raises(LookupError):
        f("k")
    assert len(runs) == 2, "a later call should try again"


def test_different_keys_run_at_the_same_time():
    """calls with different keys do not wait for each other"""
    meet = threading.Barrier(2, timeout=2)

    def together(key):
        meet.wait()  # returns only when both calls are inside the function at once
        return key

    f = ttl_cache(60, 10)(together)
    run = hammer(f, threads=2, calls=1, args_for=lambda t, i: (t,))
    assert not run.errors, ("two calls with different keys could not run at the same time: don't hold the lock while "
                            f"the function runs (errors: {run.errors})")
    assert sorted(run.results) == [0, 1]


def test_hammered_consistency():
    """8 threads hammering 30 keys through a cache of 10: right results, exact counters, no corruption"""
    clock = FakeClock()
    runs = []
    lock = threading.Lock()

    def square(x):
        with lock:
            runs.append(x)
        return x * x

    f = ttl_cache(5, 10, clock=clock)(square)
    with race_amplifier():
        run = hammer(f, threads=8, calls=50, args_for=lambda t, i: ((t * 7 + i * 3) % 30,), timeout=3)
    assert not run.errors, f"under 8 threads the cache raised {run.errors[:3]!r}: guard its structures with a lock"
    assert sorted(run.results) == sorted(((t * 7 + i * 3) % 30) ** 2 for t in range(8) for i in range(50)), \
        "some calls returned a wrong result under threads"
    got = f.cache_info()
    assert got.hits + got.misses == 400, (f"400 calls should make hits + misses == 400, got {got}: counters updated "
                                          "without the lock lose updates")
    assert got.misses == len(runs), f"misses ({got.misses}) should equal the function's runs ({len(runs)})"
    assert got.currsize <= 10, f"maxsize is 10, currsize is {got.currsize}"
