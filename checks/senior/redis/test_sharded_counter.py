import threading

import pytest
import redis
from hypothesis import HealthCheck, given, settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from pyexercise.checklib import redis_url
from sharded_counter import ShardedCounter


def raw_shards(client, name, shards):
    """What Redis itself holds in the counter's shard keys."""
    return [int(v) if v is not None else 0 for v in client.mget([f"{name}:{i}" for i in range(shards)])]


def test_counts_and_totals(redis_client):
    """incr() adds 1 (or amount); total() is an int equal to everything added"""
    c = ShardedCounter(redis_client, "views", shards=4)
    got = c.total()
    assert type(got) is int and got == 0, f"a new counter's total should be the int 0, got {got!r}"
    for _ in range(10):
        c.incr()
    c.incr(5)
    got = c.total()
    assert type(got) is int, f"total() should return an int, got {type(got).__name__} {got!r}"
    assert got == 15, f"after 10 x incr() and incr(5) the total should be 15, got {got!r}"
    c.incr(-3)
    assert c.total() == 12, "a negative amount counts down: 15 - 3 is 12"


def test_state_lives_in_redis(redis_client):
    """the shards are the Redis keys name:0 .. name:N-1, and the total is read from them"""
    c = ShardedCounter(redis_client, "hits", shards=3)
    for _ in range(30):
        c.incr(2)
    keys = set(redis_client.keys("*"))
    assert keys <= {"hits:0", "hits:1", "hits:2"}, (
        f"the counter 'hits' with 3 shards should only use the keys hits:0, hits:1, hits:2; Redis has {sorted(keys)}")
    assert sum(raw_shards(redis_client, "hits", 3)) == 60, "the shard keys in Redis should add up to 60"
    redis_client.incrby("hits:1", 7)  # someone else (another process) adds to a shard
    assert c.total() == 67, "total() must read the shards from Redis, not remember a count in Python"
    other = ShardedCounter(redis_client, "hits", shards=3)
    assert other.total() == 67, "a second ShardedCounter with the same name sees the same total"


def test_writes_spread_over_shards(redis_client):
    """increments land on all the shards, not one hot key"""
    c = ShardedCounter(redis_client, "spread", shards=4)
    for _ in range(200):
        c.incr()
    values = raw_shards(redis_client, "spread", 4)
    assert sum(values) == 200, f"the 4 shard keys should add up to 200, they hold {values}"
    assert all(v > 0 for v in values), (
        f"after 200 increments every one of the 4 shards should have some; Redis holds {values}: "
        "pick the shard at random (or round-robin) on each incr")
    assert max(values) <= 120, f"the increments should spread out, not pile onto one shard: {values}"


def test_eight_shards_by_default(redis_client):
    """without a shard count there are 8 shards"""
    c = ShardedCounter(redis_client, "default")
    got = c.shard_values()
    assert got == [0] * 8, f"the default is 8 shards, so shard_values() should be eight 0s, got {got!r}"
    for _ in range(160):
        c.incr()
    keys = sorted(redis_client.keys("default:*"))
    assert keys == [f"default:{i}" for i in range(8)], f"160 increments should touch default:0 .. default:7, got {keys}"


def test_shard_values(redis_client):
    """shard_values() lists each shard's value as an int, 0 for one never written"""
    c = ShardedCounter(redis_client, "sv", shards=5)
    got = c.shard_values()
    assert got == [0, 0, 0, 0, 0] and type(got) is list, f"a new 5-shard counter: [0, 0, 0, 0, 0], got {got!r}"
    redis_client.set("sv:0", 4)
    redis_client.set("sv:3", 9)
    got = c.shard_values()
    assert got == [4, 0, 0, 9, 0], f"with sv:0 = 4 and sv:3 = 9 shard_values() should be [4, 0, 0, 9, 0], got {got!r}"
    assert all(type(v) is int for v in got), "each shard value should be an int (Redis replies are strings)"
    assert c.total() == 13


def test_bytes_replies_and_url(redis_client):
    """works with a client that returns bytes, and with a redis:// URL"""
    raw = redis.Redis.from_url(redis_url())  # no decode_responses: replies are bytes
    try:
        c = ShardedCounter(raw, "b", shards=2)
        c.incr(3)
        c.incr(4)
        got = c.total()
        assert got == 7 and type(got) is int, f"with a bytes client total() should be the int 7, got {got!r}"
        assert sorted(c.shard_values()) in ([0, 7], [3, 4]), f"shard_values() should be ints, got {c.shard_values()!r}"
    finally:
        raw.close()
    by_url = ShardedCounter(redis_url(), "b", shards=2)
    assert by_url.total() == 7, "ShardedCounter(url, ...) should connect to that Redis and see the same counter"


def test_reset(redis_client):
    """reset() brings the total to 0 and deletes only this counter's keys"""
    page = ShardedCounter(redis_client, "page", shards=3)
    pages = ShardedCounter(redis_client, "pages", shards=3)
    redis_client.set("page", "unrelated")
    for _ in range(9):
        page.incr()
        pages.incr()
    page.reset()
    assert page.total() == 0, "after reset() the total is 0"
    assert not any(redis_client.exists(f"page:{i}") for i in range(3)), "reset() should delete the shard keys"
    assert pages.total() == 9, "resetting 'page' must not touch the counter 'pages' (don't delete by pattern)"
    assert redis_client.get("page") == "unrelated", "resetting must not delete other keys"
    page.incr(2)
    assert page.total() == 2, "a reset counter counts again from 0"


def test_counters_are_independent(redis_client):
    """counters with different names don't share counts"""
    a = ShardedCounter(redis_client, "a", shards=2)
    b = ShardedCounter(redis_client, "b", shards=8)
    a.incr(10)
    b.incr(1)
    b.incr(1)
    assert (a.total(), b.total()) == (10, 2), f"a should be 10 and b 2, got {a.total()} and {b.total()}"


def test_no_lost_updates_under_threads(redis_client):
    """16 threads incrementing at once: the total is exact"""
    c = ShardedCounter(redis_client, "race", shards=2)
    errors = []
    start = threading.Barrier(16)

    def worker():
        try:
            start.wait()
            for _ in range(150):
                c.incr()
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    if errors:
        raise errors[0]
    got = c.total()
    assert got == 16 * 150, (f"16 threads x 150 incr() should total {16 * 150}, got {got}: updates were lost. "
                             "Reading a shard, adding, and writing back races; INCRBY adds inside Redis")


@pytest.mark.parametrize("shards, exc", [(0, ValueError), (-3, ValueError), (2.5, TypeError), ("4", TypeError)])
def test_invalid_shard_counts(redis_client, shards, exc):
    """shards below 1 is a ValueError; a non-int is a TypeError"""
    with pytest.raises(exc):
        ShardedCounter(redis_client, "x", shards=shards)


def test_invalid_name_and_amount(redis_client):
    """an empty name is a ValueError; a non-int amount is a TypeError"""
    with pytest.raises(ValueError):
        ShardedCounter(redis_client, "", shards=2)
    c = ShardedCounter(redis_client, "amt", shards=2)
    for bad in (1.5, "3"):
        with pytest.raises(TypeError):
            c.incr(bad)
    assert c.total() == 0, "a rejected incr must not change the counter"


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(amounts=st.lists(st.integers(-10**6, 10**6), max_size=15), shards=st.integers(1, 6))
def test_total_is_sum_of_amounts(redis_client, amounts, shards):
    """for any increments, total() is their sum and the shards add up to it"""
    redis_client.flushdb()
    c = ShardedCounter(redis_client, "prop", shards=shards)
    for a in amounts:
        c.incr(a)
    assert c.total() == sum(amounts), f"after incr() of {amounts} the total should be {sum(amounts)}"
    values = c.shard_values()
    assert len(values) == shards and sum(values) == sum(amounts), (
        f"shard_values() should have {shards} entries adding up to {sum(amounts)}, got {values}")


class CountersModel(RuleBasedStateMachine):
    """Two counters and fresh handles on them against plain Python ints."""

    @initialize()
    def connect(self):
        self.client = redis.Redis.from_url(redis_url(), decode_responses=True)
        self.client.flushdb()
        self.shards = {"red": 3, "blue": 1}
        self.counters = {n: ShardedCounter(self.client, n, shards=s) for n, s in self.shards.items()}
        self.model = {"red": 0, "blue": 0}

    def teardown(self):
        if hasattr(self, "client"):
            self.client.flushdb()
            self.client.close()

    @rule(name=st.sampled_from(["red", "blue"]), amount=st.integers(-50, 50))
    def incr(self, name, amount):
        self.counters[name].incr(amount)
        self.model[name] += amount

    @rule(name=st.sampled_from(["red", "blue"]))
    def reset(self, name):
        self.counters[name].reset()
        self.model[name] = 0

    @rule(name=st.sampled_from(["red", "blue"]))
    def new_handle(self, name):
        self.counters[name] = ShardedCounter(self.client, name, shards=self.shards[name])

    @invariant()
    def totals_match(self):
        if not hasattr(self, "model"):
            return
        for name, want in self.model.items():
            got = self.counters[name].total()
            assert got == want, f"counter {name!r} should total {want}, got {got}"
            assert sum(self.counters[name].shard_values()) == want


TestCountersModel = CountersModel.TestCase
TestCountersModel.settings = settings(max_examples=30, stateful_step_count=20)
