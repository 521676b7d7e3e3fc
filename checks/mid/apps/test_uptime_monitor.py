import asyncio
import collections
import inspect
import time

import pytest
from aiohttp import web
from hypothesis import settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from pyexercise.checklib import free_port, http_server
from uptime_monitor import Check, Monitor, Transition, check_all, monitor


class Site:
    """Endpoints: /status/CODE answers CODE; /moved redirects to /ok; /loop redirects to itself;
    /delay?d=S waits S seconds first; /slow never answers in time; /script/NAME?s=UDS... answers its
    n-th request by the n-th letter (U: 200, D: 503, X: 404, S: slow, R: a redirect to /ok), and
    /round?d=S1,S2,... waits S_n seconds on its n-th request."""

    def __init__(self) -> None:
        self.hits: collections.Counter = collections.Counter()

    def app(self) -> web.Application:
        async def slow(request):
            end = time.monotonic() + 3
            while time.monotonic() < end and request.transport is not None and not request.transport.is_closing():
                await asyncio.sleep(0.02)
            return web.Response(text="too late")

        async def handler(request: web.Request) -> web.StreamResponse:
            path, q = request.path, request.query
            self.hits[request.path_qs] += 1
            n = self.hits[request.path_qs]
            if path == "/ok":
                return web.Response(text="ok")
            if path.startswith("/status/"):
                return web.Response(status=int(path.rsplit("/", 1)[1]), text="status")
            if path == "/moved":
                raise web.HTTPMovedPermanently("/ok")
            if path == "/loop":
                raise web.HTTPFound("/loop")
            if path == "/slow":
                return await slow(request)
            if path == "/delay":
                await asyncio.sleep(float(q["d"]))
                return web.Response(text="ok")
            if path == "/round":
                delays = q["d"].split(",")
                await asyncio.sleep(float(delays[min(n, len(delays)) - 1]))
                return web.Response(text="ok")
            if path.startswith("/script/"):
                letter = q["s"][min(n, len(q["s"])) - 1]
                if letter == "S":
                    return await slow(request)
                if letter == "R":
                    raise web.HTTPFound("/ok")
                return web.Response(status={"U": 200, "D": 503, "X": 404}[letter], text=letter)
            raise web.HTTPNotFound()

        app = web.Application()
        app.router.add_route("GET", "/{tail:.*}", handler)
        return app


def settled(server):
    """The server's log once every request has ended (a handler may still notice a client gone)."""
    deadline = time.monotonic() + 2
    while server.in_flight and time.monotonic() < deadline:
        time.sleep(0.01)
    return sorted(server.log, key=lambda r: r.started)


@pytest.fixture(scope="module")
def served():
    site = Site()
    with http_server(site.app()) as server:
        yield site, server


@pytest.fixture
def site(served):
    site, server = served
    settled(server)  # a slow handler of an earlier test may still be running
    site.hits.clear()
    server.reset()
    return server


def run_checks(urls, **kwargs):
    coroutine = check_all(urls, **kwargs)
    assert inspect.iscoroutine(coroutine), "check_all should be an async function (async def)"
    got = asyncio.run(coroutine)
    assert type(got) is list and all(type(c) is Check for c in got), (
        f"check_all should return a list of Check, got {got!r}")
    assert [c.url for c in got] == list(urls), "one Check per URL, in the order of the URLs"
    return got


def test_status_codes(site):
    """UP means a final status from 200 to 399 after redirects; anything else is DOWN with a reason"""
    dead = f"http://127.0.0.1:{free_port()}/"
    paths = ["/status/200", "/status/204", "/status/299", "/status/399", "/status/400", "/status/404",
             "/status/500", "/status/503", "/moved", "/loop"]
    got = run_checks([site.url + p for p in paths] + [dead], timeout=2)
    want = [(True, 200, None), (True, 204, None), (True, 299, None), (True, 399, None), (False, 400, "HTTP 400"),
            (False, 404, "HTTP 404"), (False, 500, "HTTP 500"), (False, 503, "HTTP 503"), (True, 200, None),
            (False, None, "too many redirects"), (False, None, "connection failed")]
    for check, (up, status, error) in zip(got, want):
        assert (check.up, check.status, check.error) == (up, status, error), (
            f"{check.url}: want up={up}, status={status}, error={error!r}; got up={check.up}, "
            f"status={check.status}, error={check.error!r}")
        assert type(check.up) is bool and type(check.latency) is float and check.latency >= 0, (
            f"up is a bool and latency a float of seconds, got {check!r}")


def test_no_urls_and_bad_concurrency():
    """no URLs give []; a concurrency below 1 is a ValueError"""
    assert run_checks([]) == [], "check_all([]) should be []"
    for bad in (0, -1):
        with pytest.raises(ValueError):
            asyncio.run(check_all(["http://127.0.0.1:9/"], concurrency=bad))


def test_timeout_is_down(site):
    """no answer within `timeout` seconds is DOWN with error 'timeout', after about `timeout` seconds"""
    started = time.monotonic()
    slow, ok = run_checks([site.url + "/slow", site.url + "/ok"], timeout=0.2)
    took = time.monotonic() - started
    assert (slow.up, slow.status, slow.error) == (False, None, "timeout"), (
        f"/slow does not answer within 0.2 s: want up=False, status=None, error='timeout', got {slow!r}")
    assert 0.18 <= slow.latency < 1.5, f"the timed-out check should take about 0.2 s, latency says {slow.latency:.2f}"
    assert ok.up, f"/ok answers at once, got {ok!r}"
    assert took < 1.5, f"with timeout=0.2 check_all took {took:.1f} s: give each request aiohttp.ClientTimeout(total=timeout)"


def test_concurrency_limit(site):
    """at most `concurrency` requests are in flight at once, and that many are"""
    urls = [site.url + f"/delay?d=0.2&i={i}" for i in range(8)]
    started = time.monotonic()
    got = run_checks(urls, concurrency=4, timeout=5)
    took = time.monotonic() - started
    assert all(c.up for c in got), f"all should be up, got {[c for c in got if not c.up]!r}"
    assert all(0.19 <= c.latency < 2 for c in got), (
        f"each check took at least 0.2 s: latency should say so, got {[round(c.latency, 3) for c in got]}")
    settled(site)
    assert site.max_in_flight <= 4, (f"concurrency=4, but the server saw {site.max_in_flight} requests at once: limit "
                                     "them with an asyncio.Semaphore(concurrency)")
    assert site.max_in_flight == 4, (f"concurrency=4, but at most {site.max_in_flight} requests were in flight at "
                                     "once: start them all with asyncio.gather and let the semaphore hold them back")
    assert took < 1.2, f"8 checks of 0.2 s, 4 at a time, should take about 0.4 s (one at a time 1.6 s), not {took:.1f} s"


def test_a_free_slot_is_used_at_once(site):
    """a slot freed by a fast check is used at once: one slow check does not hold up the others"""
    urls = [site.url + "/delay?d=0.4"] + [site.url + f"/delay?d=0.02&i={i}" for i in range(6)]
    run_checks(urls, concurrency=2, timeout=5)
    log = settled(site)
    slow = next(r for r in log if r.query == "d=0.4")
    during = [r for r in log if r is not slow and slow.started <= r.started < slow.ended]
    assert len(during) >= 4, (f"while the 0.4 s check ran, only {len(during)} of the 6 quick ones started: with "
                              "concurrency=2 the other slot should take them one after another. Batches "
                              "(gather 2, then the next 2) wait for the slowest of each batch; a semaphore doesn't")


def test_timeout_counts_from_the_request_not_the_queue(site):
    """the timeout is each request's own: waiting for a free slot does not count"""
    urls = [site.url + f"/delay?d=0.3&i={i}" for i in range(4)]
    got = run_checks(urls, concurrency=2, timeout=0.5)
    down = [c for c in got if not c.up]
    assert not down, (f"each check takes 0.3 s, under its timeout of 0.5 s, but {len(down)} were DOWN "
                      f"({down[0].error!r}): the later ones waited for a slot and that wait was counted. Take the "
                      "semaphore first, then start the request with its timeout")
    assert all(c.latency < 0.5 for c in got), (
        f"latency is the request's own time, not the wait for a slot: got {[round(c.latency, 2) for c in got]}")


def checks(url, results):
    return [Check(url, r == "U", 200 if r == "U" else 503, 0.01, None if r == "U" else "HTTP 503") for r in results]


def feed(mon, url, results):
    return [mon.record(c) for c in checks(url, results)]


def test_monitor_threshold():
    """Monitor reports a change only after `threshold` results in a row agree"""
    mon = Monitor(threshold=3)
    url = "https://example.com/"
    assert mon.state(url) is None, "a site with no results yet has state None"
    got = feed(mon, url, "UUU")
    assert got == [None, None, Transition(url, None, "UP")], (
        f"three UP results make the site UP (from None): got {got!r}")
    assert mon.state(url) == "UP"
    got = feed(mon, url, "DDUDDD")
    assert got == [None, None, None, None, None, Transition(url, "UP", "DOWN")], (
        f"D D U D D D with threshold 3: the U breaks the first streak, the last three make it DOWN; got {got!r}")
    assert mon.state(url) == "DOWN"
    assert feed(mon, url, "DDD") == [None, None, None], "more DOWN results change nothing"


def test_monitor_flapping_and_sites():
    """a flapping site never changes; each URL has its own state"""
    mon = Monitor(threshold=2)
    a, b = "https://a.example/", "https://b.example/"
    assert feed(mon, a, "UDUDUDUD") == [None] * 8, "U D U D ... never has two in a row: no transition"
    assert mon.state(a) is None
    got = [mon.record(check) for pair in zip(checks(a, "UUD"), checks(b, "DDD")) for check in pair]
    assert got == [None, None, Transition(a, None, "UP"), Transition(b, None, "DOWN"), None, None], (
        f"a and b interleaved are counted separately, got {got!r}")
    assert (mon.state(a), mon.state(b)) == ("UP", "DOWN")


def test_monitor_threshold_one_and_errors():
    """threshold 1 reports every change at once; a threshold below 1 is a ValueError"""
    mon = Monitor(threshold=1)
    url = "https://example.com/"
    assert feed(mon, url, "UDDU") == [Transition(url, None, "UP"), Transition(url, "UP", "DOWN"), None,
                                      Transition(url, "DOWN", "UP")]
    assert Monitor().threshold == 3, "the default threshold is 3"
    for bad in (0, -2):
        with pytest.raises(ValueError):
            Monitor(threshold=bad)


class MonitorModel(RuleBasedStateMachine):
    """Monitor against a model: a site becomes X when its last `threshold` results are all X."""

    @initialize(threshold=st.integers(1, 4))
    def start(self, threshold):
        self.threshold = threshold
        self.mon = Monitor(threshold)
        self.results = {}
        self.states = {}

    @rule(site=st.sampled_from("ab"), up=st.booleans())
    def record(self, site, up):
        url = f"https://{site}.example/"
        got = self.mon.record(Check(url, up, 200 if up else 503, 0.0, None if up else "HTTP 503"))
        seen = self.results.setdefault(url, [])
        seen.append("UP" if up else "DOWN")
        last = seen[-self.threshold:]
        want = None
        if len(last) == self.threshold and len(set(last)) == 1 and last[0] != self.states.get(url):
            want = Transition(url, self.states.get(url), last[0])
            self.states[url] = last[0]
        assert got == want, (f"threshold {self.threshold}, results for {url} so far {seen}: record() should "
                             f"return {want!r}, got {got!r}")

    @invariant()
    def states_agree(self):
        if hasattr(self, "mon"):
            for site in "ab":
                url = f"https://{site}.example/"
                assert self.mon.state(url) == self.states.get(url), (
                    f"state({url!r}) should be {self.states.get(url)!r} after {self.results.get(url, [])}")


TestMonitorModel = MonitorModel.TestCase
TestMonitorModel.__doc__ = "random result streams agree with a simple model of the threshold rule"
TestMonitorModel.settings = settings(max_examples=30, stateful_step_count=20)


def test_monitor_rounds(site):
    """monitor checks the URLs round after round and returns exactly the transitions, timeouts counting as DOWN"""
    a = site.url + "/script/a?s=UUDDDUU"
    b = site.url + "/script/b?s=DXDSRUU"
    c = site.url + "/script/c?s=UUUSSUU"
    seen = []
    coroutine = monitor([a, b, c], rounds=7, interval=0, threshold=2, concurrency=3, timeout=0.3,
                        on_change=lambda t: seen.append((t, time.monotonic())))
    assert inspect.iscoroutine(coroutine), "monitor should be an async function (async def)"
    got = asyncio.run(coroutine)
    want = [Transition(a, None, "UP"), Transition(b, None, "DOWN"), Transition(c, None, "UP"),
            Transition(a, "UP", "DOWN"), Transition(c, "UP", "DOWN"), Transition(b, "DOWN", "UP"),
            Transition(a, "DOWN", "UP"), Transition(c, "DOWN", "UP")]
    assert got == want, (f"7 rounds, threshold 2, with a: UUDDDUU, b: D 404 D slow redirect U U, c: UUU slow slow UU, "
                         f"should give\n{want!r}\ngot\n{got!r}")
    assert [t for t, _when in seen] == want, f"on_change should be called once per transition, in order: {seen!r}"
    rounds = [r.started for r in settled(site) if r.path == "/script/a"]
    assert len(rounds) == 7, f"7 rounds should request /script/a 7 times, the server saw {len(rounds)}"
    for (transition, when), n in zip(seen, [2, 2, 2, 4, 5, 6, 7, 7]):
        assert rounds[n - 1] < when and (n == 7 or when < rounds[n]), (
            f"on_change({transition!r}) should be called during round {n}, as soon as the change is known, "
            "before the next round starts")


def test_monitor_schedule(site):
    """rounds start `interval` seconds apart, start to start; a round slower than that is followed at once"""
    url = site.url + "/round?d=0.4,0.15,0.01"
    coroutine = monitor([url], rounds=3, interval=0.3, threshold=1, timeout=5)
    asyncio.run(coroutine)
    log = settled(site)
    assert len(log) == 3, f"3 rounds of 1 URL make 3 requests, the server saw {len(log)}"
    r1, r2, r3 = (r.started for r in log)
    assert r2 - r1 < 0.55, (f"round 1 took 0.4 s, longer than the 0.3 s interval, so round 2 should start at once, "
                            f"but it started {r2 - r1:.2f} s after round 1: don't sleep a whole interval after a round")
    assert 0.25 <= r3 - r2 < 0.4, (
        f"round 2 took 0.15 s, so round 3 should start 0.3 s after round 2 started, but it started {r3 - r2:.2f} s "
        "after: wait for what is left of the interval (start + interval - now), not the whole interval, "
        "and don't make up for lost time by starting early")
