import asyncio
import json
import math
import tracemalloc

import aiohttp
import pytest
from aiohttp import web
from hypothesis import given, settings, strategies as st

from api_rate_limiter import RateLimiter, rate_limit_middleware
from pyexercise.checklib import http_server, time_budget


class Clock:
    def __init__(self, t=0.0):
        self.t = t

    def __call__(self):
        return self.t


class TokenBucket:
    """The model: a bucket per key, full at first, refilled at rate per second up to burst."""

    def __init__(self, rate, burst):
        self.rate, self.burst, self.buckets = rate, burst, {}

    def hit(self, key, now):
        tokens, then = self.buckets.get(key, (self.burst, now))
        tokens = min(self.burst, tokens + (now - then) * self.rate)
        if tokens >= 1:
            self.buckets[key] = (tokens - 1, now)
            return 0.0
        self.buckets[key] = (tokens, now)
        return (1 - tokens) / self.rate


# -- the limiter ----------------------------------------------------------------------------------

def test_docstring_example():
    clock = Clock()
    limiter = RateLimiter(rate=2, burst=3, clock=clock)
    got = [limiter.hit("10.0.0.1") for _ in range(4)]
    assert got == [0.0, 0.0, 0.0, 0.5], (
        f"rate=2, burst=3: three requests at once pass (0.0), the fourth must wait 0.5 s for a token; got {got}")
    assert limiter.hit("10.0.0.2") == 0.0, "each key has a bucket of its own"
    clock.t = 0.5
    assert limiter.hit("10.0.0.1") == 0.0, "after 0.5 s at 2 per second one token is back"
    assert limiter.hit("10.0.0.1") == 0.5, "... and only one"


@pytest.mark.parametrize("rate, burst", [(0, 1), (-1, 1), ("2", 1), (True, 1), (float("nan"), 1), (float("inf"), 1),
                                         (1, 0), (1, -2), (1, 1.5), (1, "3"), (1, True)])
def test_bad_arguments(rate, burst):
    with pytest.raises(ValueError):
        RateLimiter(rate, burst)
        pytest.fail(f"RateLimiter(rate={rate!r}, burst={burst!r}) should raise ValueError", pytrace=False)


def test_refused_requests_cost_nothing_and_idle_refills_only_to_burst():
    clock = Clock()
    limiter = RateLimiter(rate=1, burst=2, clock=clock)
    assert [limiter.hit("k") for _ in range(2)] == [0.0, 0.0]
    waits = {limiter.hit("k") for _ in range(100)}
    assert waits == {1.0}, (f"100 refused requests at the same moment should each be told 1.0 s, got {sorted(waits)}: "
                            "a refused request takes no token and must not push the next one further away")
    clock.t = 1.0
    assert limiter.hit("k") == 0.0, "one second later (rate 1) a token is back, however often it was refused"
    clock.t = 1000.0
    got = [limiter.hit("k") for _ in range(3)]
    assert got == [0.0, 0.0, 1.0], f"after a long idle time the bucket holds burst (2) tokens, not more: got {got}"


steps = st.lists(st.tuples(st.integers(0, 16), st.sampled_from("abc")), max_size=40)


@settings(max_examples=200)
@given(rate=st.sampled_from([0.5, 1, 2, 4]), burst=st.integers(1, 5), steps=steps)
def test_matches_a_token_bucket(rate, burst, steps):
    """any sequence of requests (time moving on in eighths of a second) against the model"""
    clock = Clock()
    limiter, model = RateLimiter(rate, burst, clock=clock), TokenBucket(rate, burst)
    for i, (eighths, key) in enumerate(steps):
        clock.t += eighths / 8
        want, got = model.hit(key, clock.t), limiter.hit(key)
        assert math.isclose(got, want, abs_tol=1e-9), (
            f"rate={rate}, burst={burst}: request {i + 1} (key {key!r} at t={clock.t:g} s) should get {want!r}, "
            f"got {got!r}. Requests so far (t, key): "
            + ", ".join(f"({sum(e for e, _ in steps[:j + 1]) / 8:g}, {k!r})" for j, (_, k) in enumerate(steps[:i + 1])))


# -- the middleware ---------------------------------------------------------------------------------

async def ok(request):
    return web.Response(text="ok")


def serve(limiter, **kwargs):
    app = web.Application(middlewares=[rate_limit_middleware(limiter, **kwargs)])
    app.router.add_get("/", ok)
    return http_server(app)


def fetch_all(url, headers_list):
    """GET url once per headers dict, all at once: [(status, headers, body), ...] in order."""
    async def one(session, headers):
        async with session.get(url, headers=headers) as resp:
            return resp.status, dict(resp.headers), await resp.text()

    async def go():
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:
            return await asyncio.gather(*(one(session, h) for h in headers_list))
    return asyncio.run(go())


def test_429_with_retry_after_rounded_up():
    clock = Clock()
    with serve(RateLimiter(rate=0.3, burst=1, clock=clock)) as server:
        (s1, _, b1), (s2, h2, b2) = fetch_all(server.url + "/", [{}, {}])
        assert (s1, b1) == (200, "ok"), f"the first request should reach the handler: got {s1} {b1!r}"
        assert s2 == 429, f"the second (rate 0.3 per second, burst 1) should be refused with 429, got {s2}"
        assert h2.get("Content-Type", "").startswith("application/json"), "the 429's body should be JSON"
        body = json.loads(b2)
        assert body.get("error") == "rate limited", f"the 429 body should say {{\"error\": \"rate limited\"}}: {b2!r}"
        assert math.isclose(body.get("retry_after", -1), 1 / 0.3, abs_tol=0.01), (
            f"retry_after in the body should be the seconds to wait (3.333), got {body.get('retry_after')!r}")
        assert h2.get("Retry-After") == "4", (
            f"Retry-After is whole seconds rounded up: 3.33 s -> '4' (a client waiting 3 s would be refused again), "
            f"got {h2.get('Retry-After')!r}")
        clock.t = 3.4
        assert fetch_all(server.url + "/", [{}])[0][0] == 200, "after the wait the client gets through again"


def test_retry_after_is_at_least_one_second():
    with serve(RateLimiter(rate=50, burst=1, clock=Clock())) as server:
        (_, _, _), (status, headers, _) = fetch_all(server.url + "/", [{}, {}])
        assert status == 429 and headers.get("Retry-After") == "1", (
            f"a 0.02 s wait is Retry-After: 1 (whole seconds, at least 1), got {status} {headers.get('Retry-After')!r}")


def test_exact_under_a_burst_of_concurrent_requests():
    """200 requests at once from 5 clients behind the trusted proxy, burst 10, no time passing"""
    clients = [f"203.0.113.{i}" for i in range(1, 6)]
    with serve(RateLimiter(rate=1, burst=10, clock=Clock()), trusted_proxies=["127.0.0.1"]) as server:
        headers = [{"X-Forwarded-For": clients[i % 5]} for i in range(200)]
        got = fetch_all(server.url + "/", headers)
    passed = {c: 0 for c in clients}
    for h, (status, _, _) in zip(headers, got):
        assert status in (200, 429), f"every answer should be 200 or 429, got {status}"
        passed[h["X-Forwarded-For"]] += status == 200
    assert passed == {c: 10 for c in clients}, (
        f"with burst 10 exactly 10 requests of each client should pass, got {passed}")


def test_whose_address_counts():
    with serve(RateLimiter(rate=1, burst=1, clock=Clock()), trusted_proxies=["127.0.0.1", "10.0.0.9"]) as server:
        def status(xff):
            return fetch_all(server.url + "/", [{"X-Forwarded-For": xff} if xff is not None else {}])[0][0]

        assert status("198.51.100.7") == 200
        assert status("6.6.6.6, 198.51.100.7") == 429, (
            "X-Forwarded-For '6.6.6.6, 198.51.100.7' comes from client 198.51.100.7 (the right-most address not a "
            "trusted proxy); the 6.6.6.6 before it is whatever the client chose to send, so it must not buy a new "
            "bucket")
        assert status("198.51.100.8, 10.0.0.9") == 200, (
            "in '198.51.100.8, 10.0.0.9' the last hop is a trusted proxy too: the client is 198.51.100.8")
        assert status("198.51.100.8") == 429, "... and that client's bucket is now empty"
        assert status("not an address") == 200, "a malformed X-Forwarded-For counts as the peer (127.0.0.1), fresh"
        assert status(None) == 429, "without the header the peer itself is the client: its bucket was used just now"


def test_an_untrusted_peers_forwarded_for_is_ignored():
    with serve(RateLimiter(rate=1, burst=2, clock=Clock())) as server:
        got = [s for s, _, _ in fetch_all(server.url + "/", [{"X-Forwarded-For": f"192.0.2.{i}"} for i in range(5)])]
    assert sorted(got) == [200, 200, 429, 429, 429], (
        f"with no trusted proxies X-Forwarded-For is ignored (anyone can send it): 5 requests from one peer with "
        f"burst 2 should be 2 passes and 3 refusals, got {got}")


def test_a_bad_proxy_address_is_refused_at_once():
    with pytest.raises(ValueError):
        rate_limit_middleware(RateLimiter(1, 1), trusted_proxies=["10.0.0.300"])
        pytest.fail("trusted_proxies=['10.0.0.300'] should raise ValueError when the middleware is made",
                    pytrace=False)


# -- memory (the slow ones last) -----------------------------------------------------------------

def test_one_number_per_key():
    """20,000 clients using their whole burst of 20: the limiter keeps about a number per client"""
    keys = [f"10.{i // 256 % 256}.{i % 256}.{i // 65536}" for i in range(20_000)]
    limiter = RateLimiter(rate=1, burst=20, clock=Clock())
    tracemalloc.start()
    try:
        with time_budget(10, "400,000 hits took over 10 s: hit() should take constant time"):
            for key in keys:
                for _ in range(20):
                    limiter.hit(key)
        used = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert used < 6 * 2**20, (
        f"the limiter holds {used / 2**20:.1f} MB for 20,000 keys that made 20 requests each: keep one number "
        "per key (its theoretical arrival time), not a log of every request's timestamp")


def test_idle_keys_are_forgotten():
    clock = Clock()
    limiter = RateLimiter(rate=10, burst=5, clock=clock)  # a used bucket is full again after 0.5 s
    with time_budget(10, "hits got slow with 100,000 keys around: forget old keys a few at a time, don't rescan "
                         "them all on every hit"):
        for i in range(50_000):
            limiter.hit(("old", i))
        assert len(limiter) == 50_000, f"50,000 keys were just used, len(limiter) is {len(limiter)}"
        clock.t = 10.0
        for i in range(50_000):
            limiter.hit(("new", i))
    assert len(limiter) <= 51_000, (
        f"50,000 keys idle for 10 s (their buckets full again long ago) were still kept after 50,000 later hits: "
        f"len(limiter) is {len(limiter)}. A key whose bucket is full is as good as a new one: forget it, at least "
        "one such key per hit (or all of them now and then)")
