import asyncio
import threading
import time
from fractions import Fraction

import aiohttp
import pytest
from aiohttp import web
from hypothesis import given, settings, strategies as st

from pyexercise.checklib import hammer, http_server, race_amplifier
from token_bucket import TokenBucket, fetch_all


class FakeClock:
    """A clock the test moves by hand; ``sleep`` records the wait and moves the clock on by it."""

    def __init__(self, now: float = 100.0) -> None:
        self.now = now
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
        if len(self.sleeps) > 1000:
            raise AssertionError(f"acquire() has slept 1000 times (the last ones {self.sleeps[-3:]}) and still waits: "
                                 "after sleeping (n - tokens) / rate seconds the refill should have added exactly "
                                 "the missing tokens (count fractions of a token too)")


def bucket(rate, capacity, clock=None):
    clock = clock or FakeClock()
    return TokenBucket(rate, capacity, clock=clock, sleep=clock.sleep), clock


def tokens_of(b) -> float:
    got = b.tokens
    assert isinstance(got, (int, float)) and not isinstance(got, bool), f"tokens should be a number, got {got!r}"
    return got


# ---------------------------------------------------------------- a fake clock: exact answers

def test_starts_full_and_allows_a_burst():
    """a new bucket is full: capacity requests pass at once, the next one does not"""
    b, _ = bucket(rate=2, capacity=3)
    got = [b.try_acquire() for _ in range(4)]
    assert got == [True, True, True, False], f"a bucket of capacity 3 should allow a burst of 3, got {got}"
    assert tokens_of(b) == 0


def test_refills_with_time_up_to_capacity():
    """tokens drip in at rate per second and stop at capacity"""
    b, clock = bucket(rate=2, capacity=3)
    for _ in range(3):
        b.try_acquire()
    clock.now += 0.5
    assert tokens_of(b) == 1, f"0.5 s at 2 tokens per second is 1 token, the bucket says {b.tokens!r}"
    clock.now += 0.25
    assert tokens_of(b) == 1.5, f"another 0.25 s adds half a token: 1.5, the bucket says {b.tokens!r}"
    clock.now += 100
    assert tokens_of(b) == 3, f"after 100 s the bucket is full again, at its capacity 3, not {b.tokens!r}"
    assert [b.try_acquire() for _ in range(4)] == [True, True, True, False], "and a burst of 3 passes again"


def test_take_several_tokens():
    """try_acquire(n) takes n tokens, or none at all"""
    b, clock = bucket(rate=4, capacity=8)
    assert b.try_acquire(5) is True and tokens_of(b) == 3
    assert b.try_acquire(4) is False, "4 tokens asked, 3 there: False"
    assert tokens_of(b) == 3, f"a refused try_acquire must take nothing; tokens went to {b.tokens!r}"
    clock.now += 0.25
    assert b.try_acquire(4) is True and tokens_of(b) == 0, "after 0.25 s at rate 4 there are 4 tokens"
    assert b.try_acquire(0.5) is False and b.try_acquire(8) is False
    clock.now += 2
    assert b.try_acquire(8) is True, "a full bucket can give its whole capacity at once"


def test_clock_stepping_back_adds_nothing():
    """a clock that goes backwards neither adds nor removes tokens"""
    b, clock = bucket(rate=1, capacity=5)
    b.try_acquire(4)
    clock.now -= 50
    assert tokens_of(b) == 1, f"time going backwards should not change the tokens (1), got {b.tokens!r}"
    clock.now += 2
    assert tokens_of(b) == 3, f"2 s later (on the new clock) there are 3, got {b.tokens!r}"


@pytest.mark.parametrize("rate, capacity", [(0, 5), (-1, 5), (1, 0), (1, -3)])
def test_bad_bucket(rate, capacity):
    """rate and capacity must be positive"""
    with pytest.raises(ValueError):
        TokenBucket(rate, capacity)


def test_bad_requests():
    """n must be positive and fit in the bucket; timeout must not be negative"""
    b, clock = bucket(rate=1, capacity=3)
    for n in (0, -1, 3.5, 4):
        for name, call in [("try_acquire", b.try_acquire), ("acquire", b.acquire)]:
            with pytest.raises(ValueError):
                call(n)
                pytest.fail(f"{name}({n}) on a bucket of capacity 3 should raise ValueError")
        with pytest.raises(ValueError):
            asyncio.run(b.acquire_async(n))
            pytest.fail(f"acquire_async({n}) on a bucket of capacity 3 should raise ValueError")
    with pytest.raises(ValueError):
        b.acquire(1, timeout=-1)
    with pytest.raises(ValueError):
        asyncio.run(b.acquire_async(1, timeout=-0.5))
    assert clock.sleeps == [] and tokens_of(b) == 3, "a refused request must neither wait nor take tokens"


def test_acquire_sleeps_exactly_as_long_as_needed():
    """acquire sleeps once, for exactly (n - tokens) / rate, then takes the tokens"""
    b, clock = bucket(rate=2, capacity=4)
    assert b.acquire(3) is True and clock.sleeps == [], "with 4 tokens there, acquire(3) takes them without sleeping"
    got = b.acquire(3)
    assert got is True, f"acquire(3) should return True once it has the tokens, got {got!r}"
    assert clock.sleeps == [1.0], (f"1 token left, 3 wanted, 2 per second: sleep once for 1.0 s; the sleeps were "
                                   f"{clock.sleeps}. Compute the wait instead of sleeping in small steps")
    assert tokens_of(b) == 0, f"after taking the 3 tokens the bucket is empty, not {b.tokens!r}"


def test_acquire_defaults_to_one_token():
    """acquire() and acquire_async() take one token by default"""
    b, clock = bucket(rate=2, capacity=3)
    assert b.acquire() is True and tokens_of(b) == 2, "acquire() should take 1 token"
    assert asyncio.run(b.acquire_async()) is True and tokens_of(b) == 1, "acquire_async() should take 1 token"
    b.try_acquire()
    assert b.acquire() is True and clock.sleeps == [0.5], "an empty bucket at rate 2: acquire() sleeps 0.5 s for 1 token"


def test_acquire_gives_up_at_once_when_timeout_is_too_short():
    """acquire returns False without sleeping if the tokens can't arrive within timeout"""
    b, clock = bucket(rate=2, capacity=4)
    b.try_acquire(4)
    got = b.acquire(2, timeout=0.5)
    assert got is False, f"2 tokens take 1 s to drip in; acquire(2, timeout=0.5) should return False, got {got!r}"
    assert clock.sleeps == [], f"it should know at once, without sleeping; it slept {clock.sleeps}"
    assert tokens_of(b) == 0
    assert b.acquire(2, timeout=1.0) is True and clock.sleeps == [1.0], "with timeout=1.0 it waits 1 s and succeeds"
    assert b.acquire(1, timeout=0) is False, "timeout=0 with no token there: False at once"
    clock.now += 0.5
    assert b.acquire(1, timeout=0) is True and clock.sleeps == [1.0], "timeout=0 with a token there: take it"


# ---------------------------------------------------------------- any schedule, against a model

RATES = st.sampled_from([0.5, 1, 2, 4, 8])  # with steps of 1/8 s every sum is exact in floating point
STEP = st.integers(0, 16).map(lambda k: k / 8)


@settings(max_examples=60)
@given(rate=RATES, capacity=st.integers(1, 10), data=st.data())
def test_any_schedule_matches_the_model(rate, capacity, data):
    """any sequence of waits and requests: each answer as an exact model says, never above capacity + rate*T"""
    b, clock = bucket(rate, capacity)
    model = Fraction(capacity)
    admitted: list[tuple[float, float]] = []  # (when, how many)
    for step in range(data.draw(st.integers(1, 25), label="steps")):
        dt = data.draw(STEP, label=f"wait before request {step}")
        n = data.draw(st.sampled_from([0.5, 1, 1, 2, 3]).filter(lambda n: n <= capacity), label=f"n of {step}")
        clock.now += dt
        model = min(Fraction(capacity), model + Fraction(dt) * Fraction(rate))
        want = model >= Fraction(n)
        got = b.try_acquire(n)
        assert got is want, f"with {float(model)} tokens, try_acquire({n}) should be {want}, got {got!r}"
        if want:
            model -= Fraction(n)
            admitted.append((clock.now, n))
        assert tokens_of(b) == model, f"the bucket should hold {float(model)} tokens, it says {b.tokens!r}"
    for i, (start, _) in enumerate(admitted):
        total = 0
        for end, n in admitted[i:]:
            total += n
            limit = capacity + rate * (end - start)
            assert total <= limit, (f"{total} tokens were taken between t={start} and t={end}: more than "
                                    f"capacity + rate * T = {limit}")


@settings(max_examples=50)
@given(rate=RATES, capacity=st.integers(1, 6), data=st.data())
def test_blocking_acquire_waits_just_enough(rate, capacity, data):
    """a run of blocking acquires sleeps, in total, exactly the time the missing tokens take"""
    b, clock = bucket(rate, capacity)
    model = Fraction(capacity)
    for step in range(data.draw(st.integers(1, 12), label="requests")):
        n = data.draw(st.sampled_from([0.5, 1, 2, 3]).filter(lambda n: n <= capacity), label=f"n of {step}")
        before = len(clock.sleeps)
        assert b.acquire(n) is True
        want = max(Fraction(0), (Fraction(n) - model) / Fraction(rate))
        slept = sum(clock.sleeps[before:])
        assert slept == want, f"acquire({n}) with {float(model)} tokens at rate {rate} should sleep {float(want)} s, slept {slept}"
        assert len(clock.sleeps) - before <= 1, f"acquire({n}) slept {len(clock.sleeps) - before} times: once is enough"
        model = max(Fraction(0), model - Fraction(n))


# ---------------------------------------------------------------- threads

def test_threads_never_get_more_tokens_than_there_are():
    """8 threads x 50 try_acquire on a frozen clock: exactly the 200 tokens, never one more"""
    b, _ = bucket(rate=1, capacity=200)  # the fake clock never moves: no refill
    with race_amplifier():
        run = hammer(b.try_acquire, threads=8, calls=50)
    assert not run.errors, f"try_acquire raised {run.errors[0]!r}"
    granted = run.results.count(True)
    assert granted == 200, (f"the bucket held 200 tokens and 400 requests came; {granted} were granted. Refill, "
                            "check and take under one lock, so two threads can't both take the last token")
    assert tokens_of(b) == 0


# ---------------------------------------------------------------- asyncio

def test_acquire_async_lets_the_loop_run():
    """20 coroutines share a bucket: the rate holds, and the event loop keeps running while they wait"""
    async def scenario():
        b = TokenBucket(50, 5)
        ticks = 0
        done = asyncio.Event()

        async def ticker():
            nonlocal ticks
            while not done.is_set():
                await asyncio.sleep(0.01)
                ticks += 1

        tick_task = asyncio.create_task(ticker())
        start = time.monotonic()
        got = await asyncio.gather(*(b.acquire_async() for _ in range(20)))
        took = time.monotonic() - start
        done.set()
        await tick_task
        return got, took, ticks

    got, took, ticks = asyncio.run(scenario())
    assert got == [True] * 20, f"every acquire_async() should return True, got {got}"
    least = (20 - 5) / 50
    assert took >= least * 0.95, f"20 tokens from a bucket of 5 at 50/s need at least {least:.2f} s, took {took:.2f} s"
    assert ticks >= 10, (f"a task ticking every 10 ms ticked only {ticks} times in {took:.2f} s: acquire_async "
                         "blocked the event loop. Wait with `await asyncio.sleep(...)`, never time.sleep")


def test_acquire_async_waits_exactly(monkeypatch):
    """acquire_async awaits asyncio.sleep once, for exactly as long as needed, and honours timeout"""
    b, clock = bucket(rate=2, capacity=4)
    real_sleep = asyncio.sleep
    waits = []

    async def fake_sleep(seconds, *args, **kwargs):
        waits.append(seconds)
        clock.now += seconds
        if len(waits) > 1000:
            raise AssertionError("acquire_async() awaited asyncio.sleep 1000 times and still waits")
        await real_sleep(0)

    monkeypatch.setattr(asyncio, "sleep", fake_sleep)

    async def scenario():
        await b.acquire_async(3)
        first = await b.acquire_async(3, timeout=0.5)  # 1 token there, 3 wanted: needs 1.0 s
        second = await b.acquire_async(3, timeout=1.0)
        return first, second

    first, second = asyncio.run(scenario())
    assert first is False, f"3 tokens needing 1.0 s with timeout=0.5: acquire_async should return False, got {first!r}"
    assert second is True, f"with timeout=1.0 it can wait exactly long enough: True, got {second!r}"
    assert waits == [1.0], (f"acquire_async should await asyncio.sleep(1.0) once (and not at all when it gives up); "
                            f"it waited {waits}")
    assert clock.sleeps == [], "acquire_async must not call the blocking sleep"
    assert tokens_of(b) == 0


def test_acquire_async_timeout():
    """acquire_async returns False at once if the tokens can't come in time"""
    async def scenario():
        b = TokenBucket(10, 5)
        await b.acquire_async(5)
        start = time.monotonic()
        got = await b.acquire_async(5, timeout=0.1)  # 5 tokens at 10/s: 0.5 s
        return got, time.monotonic() - start

    got, took = asyncio.run(scenario())
    assert got is False, f"acquire_async(5, timeout=0.1) should return False when the tokens need 0.5 s, got {got!r}"
    assert took < 0.09, f"it should give up at once (the wait would be 0.5 s, the timeout 0.1 s), not after {took:.2f} s"


def test_fetch_all_keeps_to_the_rate():
    """fetch_all at a local server: concurrent requests, never more than the bucket allows"""
    async def slow(request):
        await asyncio.sleep(0.1)
        return web.Response(status=200 if request.match_info["n"] != "13" else 404, text="ok")

    app = web.Application()
    app.router.add_get("/item/{n}", slow)
    rate, capacity = 40, 4
    with http_server(app) as server:
        urls = [f"{server.url}/item/{n}" for n in range(16)]

        async def scenario():
            async with aiohttp.ClientSession() as session:
                return await fetch_all(session, urls, limiter)

        start = time.monotonic()
        limiter = TokenBucket(rate, capacity)
        got = asyncio.run(scenario())
        took = time.monotonic() - start
        log = server.requests()
    want = [404 if n == 13 else 200 for n in range(16)]
    assert got == want, f"fetch_all should return the statuses in URL order: {want}, got {got}"
    assert len(log) == 16, f"the server should see 16 requests, it saw {len(log)}"
    assert server.max_in_flight >= capacity, (
        f"the first {capacity} requests (a full bucket) should be in flight together; the server saw at most "
        f"{server.max_in_flight}: start them all at once (asyncio.gather)")
    assert took < 16 * 0.1, f"16 requests of 0.1 s took {took:.2f} s: they should overlap"
    # a request reaches the server a little after its token was taken, never before: so by any moment t
    # the server can have seen at most capacity + rate * (t - start) of them
    for k, arrived in enumerate(sorted(r.started for r in log), start=1):
        allowed = capacity + rate * (arrived - start)
        assert k <= allowed + 0.5, (
            f"{k} requests had reached the server {arrived - start:.3f} s after the bucket was made; a bucket of "
            f"{capacity} at {rate}/s allows {allowed:.1f} by then: take a token before each request")


def test_blocking_threads_keep_to_the_rate():
    """4 threads taking 40 tokens from a real clock: they wait, and the rate is never beaten"""
    b = TokenBucket(200, 5)
    start = time.monotonic()
    with race_amplifier():
        run = hammer(lambda: b.acquire(1, timeout=0.5), threads=4, calls=10, timeout=3)
    took = time.monotonic() - start
    assert not run.errors and run.results == [True] * 40, f"every acquire should return True: {run.errors or run.results}"
    least = (40 - 5) / 200
    assert took >= least * 0.95, (f"40 tokens from a bucket of 5 refilling at 200/s need at least {least:.3f} s; "
                                  f"the threads got them in {took:.3f} s")
