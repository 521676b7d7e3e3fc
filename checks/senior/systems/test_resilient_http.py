import asyncio
import itertools
import time
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone

import psutil
import pytest
import requests
from aiohttp import web
from hypothesis import given, strategies as st

from pyexercise.checklib import http_server
from resilient_http import DeadlineExceeded, RetryError, RetryingClient


# ----------------------------------------------------------------------------- the service
#
# A scripted, unreliable service. Each test names a path and the answers it gives, one per
# request, the last one repeating: 500, 503, ("retry-after", 503, "2"), "drop" (the connection
# is closed with no response), ("slow", seconds, status), or 200/201/404...

SCRIPTS: dict[str, list] = {}
PEERS: list[int] = []
ARRIVED: list = []  # (path, method, headers) of every request, as it arrives


async def scripted(request):
    path = request.path
    script = SCRIPTS.get(path, [200])
    seen = sum(1 for p, _, _ in ARRIVED if p == path)
    ARRIVED.append((path, request.method, {k.lower(): v for k, v in request.headers.items()}))
    action = script[min(seen, len(script) - 1)]
    PEERS.append(request.transport.get_extra_info("peername")[1])
    await request.read()
    if action == "drop":
        request.transport.close()  # the connection dies without an answer
        return web.Response(status=500)
    if isinstance(action, tuple) and action[0] == "slow":
        await asyncio.sleep(action[1])
        action = action[2]
    headers = {}
    if isinstance(action, tuple) and action[0] == "retry-after":
        headers["Retry-After"] = action[2]
        action = action[1]
    return web.json_response({"attempt": seen + 1}, status=action, headers=headers)


@pytest.fixture(scope="module")
def server():
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", scripted)
    with http_server(app) as srv:
        yield srv


@pytest.fixture
def service(server):
    server.reset()
    SCRIPTS.clear()
    PEERS.clear()
    ARRIVED.clear()
    return server


class FakeTime:
    """sleep() that only records, and a clock that counts those sleeps as time gone by."""

    def __init__(self):
        self.slept = []

    def sleep(self, seconds):
        self.slept.append(seconds)

    def clock(self):
        return time.monotonic() + sum(self.slept)


class Rng:
    """A scripted random.random(): the values given, in a cycle, counting calls."""

    def __init__(self, *values):
        self.values = itertools.cycle(values)
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return next(self.values)


def client(service, fake=None, rng=None, **options):
    fake = fake or FakeTime()
    return RetryingClient(service.url, sleep=fake.sleep, clock=fake.clock, rng=rng or Rng(0.5), **options)


def arrived(path):
    """(method, headers) of each request to ``path`` the service has seen begin."""
    return [(m, h) for p, m, h in ARRIVED if p == path]


def attempts(service, path):
    return len(arrived(path))


def fails(call, why, kind=None):
    """Run ``call``; it should raise ``kind`` (RetryError by default). Return the exception."""
    kind = kind or RetryError
    try:
        got = call()
    except RetryError as exc:
        if not isinstance(exc, kind):
            pytest.fail(f"{why}: it should raise {kind.__name__}, it raised {type(exc).__name__}: {exc}", pytrace=False)
        return exc
    pytest.fail(f"{why}: it should raise {kind.__name__}, but it returned {got!r} after "
                f"{len(ARRIVED)} request(s)", pytrace=False)


# ----------------------------------------------------------------------------- the backoff


def test_backoff_is_full_jitter():
    """backoff(n) is rng() times base_delay * 2**(n-1), capped at max_delay"""
    c = RetryingClient("http://127.0.0.1:9", base_delay=0.1, max_delay=1.0, rng=Rng(0.5))
    try:
        got = [c.backoff(n) for n in (1, 2, 3, 4, 5, 6)]
        want = [0.05, 0.1, 0.2, 0.4, 0.5, 0.5]
        assert got == pytest.approx(want), (
            f"with rng() = 0.5, base_delay 0.1 and max_delay 1.0, backoff(1..6) should be {want} "
            f"(half of 0.1, 0.2, 0.4, 0.8, then the 1.0 cap), got {got}")
        assert all(type(g) is float for g in got), "backoff() should return floats (seconds)"
        c2 = RetryingClient("http://127.0.0.1:9", base_delay=0.1, max_delay=1.0, rng=Rng(0.0, 0.999))
        assert c2.backoff(3) == 0.0, "full jitter: with rng() = 0 the pause is 0"
        assert c2.backoff(3) == pytest.approx(0.3996), "with rng() = 0.999 the pause is just under the cap 0.4"
        c2.close()
    finally:
        c.close()


@given(retry=st.integers(1, 12), base=st.floats(0.001, 2), cap=st.floats(0.001, 30), r=st.floats(0, 0.9999))
def test_backoff_matches_the_formula(retry, base, cap, r):
    """for any retry, base and cap: one rng() call, times min(cap, base * 2**(retry-1))"""
    rng = Rng(r)
    c = RetryingClient("http://127.0.0.1:9", base_delay=base, max_delay=cap, rng=rng)
    try:
        got = c.backoff(retry)
    finally:
        c.close()
    want = r * min(cap, base * 2 ** (retry - 1))
    assert got == pytest.approx(want), f"backoff({retry}) with base {base}, cap {cap}, rng() = {r}: want {want}, got {got}"
    assert rng.calls == 1, f"backoff() should draw one random number, it called rng() {rng.calls} times"


@pytest.mark.parametrize("options", [{"max_attempts": 0}, {"base_delay": -1}, {"max_delay": -0.5},
                                     {"timeout": 0}, {"deadline": 0}, {"deadline": -3}])
def test_rejects_bad_settings(options):
    """max_attempts < 1, negative delays, and a timeout or deadline <= 0 are a ValueError"""
    with pytest.raises(ValueError):
        RetryingClient("http://127.0.0.1:9", **options)


# ----------------------------------------------------------------------------- attempts


def test_success_needs_one_attempt(service):
    """a healthy service: one request, no sleeping, the requests.Response returned"""
    fake = FakeTime()
    with client(service, fake) as c:
        r = c.get("/ok")
    assert isinstance(r, requests.Response), f"get() should return a requests.Response, got {type(r).__name__}"
    assert r.status_code == 200 and r.json() == {"attempt": 1}
    assert attempts(service, "/ok") == 1, f"a 200 needs one attempt; the server saw {attempts(service, '/ok')}"
    assert fake.slept == [], f"nothing failed, so nothing should sleep; slept {fake.slept}"


def test_retries_server_errors_with_backoff(service):
    """500 then 502 then 200: three attempts, sleeping backoff(1) then backoff(2)"""
    SCRIPTS["/flaky"] = [500, 502, 200]
    fake = FakeTime()
    with client(service, fake, rng=Rng(0.5, 0.25), base_delay=0.2, max_delay=5) as c:
        r = c.get("/flaky")
    assert r.status_code == 200, f"the third attempt succeeds, so get() should return the 200, got {r.status_code}"
    assert attempts(service, "/flaky") == 3, f"500, 502, 200 takes 3 attempts; the server saw {attempts(service, '/flaky')}"
    assert fake.slept == pytest.approx([0.1, 0.1]), (
        f"between the attempts sleep backoff(1) = 0.5 * 0.2 = 0.1, then backoff(2) = 0.25 * 0.4 = 0.1; "
        f"slept {fake.slept}")


@pytest.mark.parametrize("status", [429, 500, 502, 503, 504])
def test_retryable_statuses(service, status):
    """429, 500, 502, 503 and 504 are worth another try"""
    SCRIPTS["/s"] = [status, 200]
    with client(service) as c:
        r = c.get("/s")
    assert (r.status_code, attempts(service, "/s")) == (200, 2), (
        f"HTTP {status} then 200 should be retried once and return the 200; got {r.status_code} after "
        f"{attempts(service, '/s')} attempts")


@pytest.mark.parametrize("status", [400, 401, 404, 409, 422, 301])
def test_other_answers_are_final(service, status):
    """a 4xx (other than 429) is an answer, not a fault: returned at once, never retried"""
    SCRIPTS["/final"] = [status, 200]
    fake = FakeTime()
    with client(service, fake) as c:
        r = c.request("GET", "/final", allow_redirects=False)
    assert r.status_code == status, f"HTTP {status} should be returned as it is, got {r.status_code}"
    assert attempts(service, "/final") == 1, (
        f"HTTP {status} would be the same on every try: one attempt, not {attempts(service, '/final')}")
    assert fake.slept == [], "a final answer needs no sleep"


def test_gives_up_after_max_attempts(service):
    """a service that always fails: exactly max_attempts requests, then RetryError"""
    SCRIPTS["/down"] = [500]
    fake = FakeTime()
    with client(service, fake, max_attempts=4) as c:
        err = fails(lambda: c.get("/down"), "a service that always answers 500, with max_attempts=4")
    assert attempts(service, "/down") == 4, f"max_attempts=4 means 4 requests, the server saw {attempts(service, '/down')}"
    assert err.attempts == 4, f"RetryError.attempts should be 4, got {err.attempts!r}"
    assert err.last_response is not None and err.last_response.status_code == 500, (
        "RetryError.last_response should be the last (500) response")
    assert len(fake.slept) == 3, f"4 attempts have 3 pauses between them, got {len(fake.slept)}: {fake.slept}"
    assert not isinstance(err, DeadlineExceeded), "running out of attempts is a RetryError, not DeadlineExceeded"
    assert str(err).startswith("GET /down: HTTP 500"), (
        f"the RetryError's message should say what failed, like 'GET /down: HTTP 500 after 4 attempts'; got {str(err)!r}")


def test_last_failure_is_reported(service):
    """last_response and last_exception describe the last attempt only"""
    SCRIPTS["/mixed"] = [500, "drop"]
    with client(service, max_attempts=2) as c:
        err = fails(lambda: c.get("/mixed"), "a 500, then a dropped connection, with max_attempts=2")
    assert err.last_response is None and isinstance(err.last_exception, requests.ConnectionError), (
        f"the last attempt was dropped: last_response should be None and last_exception the ConnectionError; got "
        f"{err.last_response!r}, {err.last_exception!r}")
    assert str(err).startswith("GET /mixed: "), f"the message should start with the method and path, got {str(err)!r}"
    SCRIPTS["/mixed2"] = ["drop", 503]
    with client(service, max_attempts=2) as c:
        err = fails(lambda: c.get("/mixed2"), "a dropped connection, then a 503, with max_attempts=2")
    assert err.last_exception is None and err.last_response.status_code == 503, (
        f"the last attempt got a 503: last_exception should be None and last_response the 503; got "
        f"{err.last_response!r}, {err.last_exception!r}")


def test_one_attempt_and_zero_delays_are_allowed(service):
    """max_attempts=1 means no retry; base_delay and max_delay may be 0; base_url may end in /"""
    SCRIPTS["/once"] = [500, 200]
    fake = FakeTime()
    with RetryingClient(service.url + "/", max_attempts=1, base_delay=0, max_delay=0, sleep=fake.sleep) as c:
        err = fails(lambda: c.get("/once"), "max_attempts=1 against a 500")
        assert c.backoff(3) == 0, "with base_delay=0 every pause is 0"
    assert err.attempts == 1 and attempts(service, "/once") == 1 and fake.slept == [], "max_attempts=1: one attempt"
    assert arrived("//once") == [], "a base_url ending in / plus the path /once should request /once, not //once"


def test_default_is_four_attempts(service):
    """without max_attempts a client tries 4 times"""
    SCRIPTS["/down4"] = [503]
    with client(service) as c:
        fails(lambda: c.get("/down4"), "a service that always answers 503")
    assert attempts(service, "/down4") == 4, f"the default max_attempts is 4, the server saw {attempts(service, '/down4')}"


def test_dropped_connections_are_retried(service):
    """the connection closes with no answer, twice: a GET is tried again"""
    SCRIPTS["/drop"] = ["drop", "drop", 200]
    with client(service) as c:
        r = c.get("/drop")
    assert r.status_code == 200 and attempts(service, "/drop") == 3, (
        f"two dropped connections then a 200: 3 attempts and the 200; the server saw {attempts(service, '/drop')}")


def test_always_dropped(service):
    """a connection that always drops ends in RetryError carrying the last exception"""
    SCRIPTS["/gone"] = ["drop"]
    with client(service, max_attempts=3) as c:
        err = fails(lambda: c.get("/gone"), "a connection that always drops, with max_attempts=3")
    assert err.attempts == 3 and attempts(service, "/gone") == 3
    assert isinstance(err.last_exception, requests.ConnectionError), (
        f"RetryError.last_exception should be the requests.ConnectionError, got {err.last_exception!r}")
    assert err.last_response is None, "no response came back, so last_response should be None"


def test_slow_response_times_out_and_retries(service):
    """an answer slower than the timeout is abandoned and retried"""
    SCRIPTS["/slow"] = [("slow", 1.5, 200), 200]
    started = time.monotonic()
    with client(service, timeout=0.3) as c:
        r = c.get("/slow")
    took = time.monotonic() - started
    assert r.status_code == 200 and attempts(service, "/slow") == 2, (
        "the first answer takes 1.5 s, over the 0.3 s timeout: give up on it and try again")
    assert took < 1.2, f"with timeout=0.3 the call should not wait for the 1.5 s answer; it took {took:.2f} s"


# ----------------------------------------------------------------------------- Retry-After


def test_retry_after_seconds(service):
    """503 with Retry-After: 3 means sleep exactly 3 s, not a backoff"""
    SCRIPTS["/busy"] = [("retry-after", 503, "3"), 200]
    fake = FakeTime()
    with client(service, fake) as c:
        r = c.get("/busy")
    assert r.status_code == 200 and attempts(service, "/busy") == 2
    assert fake.slept == [3.0], f"the server said Retry-After: 3, so sleep 3 s (no jitter); slept {fake.slept}"


def test_retry_after_http_date(service):
    """Retry-After may be an HTTP date: sleep until then"""
    when = datetime.now(timezone.utc) + timedelta(seconds=5)
    SCRIPTS["/later"] = [("retry-after", 429, format_datetime(when, usegmt=True)), 200]
    fake = FakeTime()
    with client(service, fake) as c:
        r = c.get("/later")
    assert r.status_code == 200
    assert len(fake.slept) == 1 and 3.5 <= fake.slept[0] <= 5.5, (
        f"Retry-After: <a date 5 s away> should sleep about 5 s (parse it with "
        f"email.utils.parsedate_to_datetime); slept {fake.slept}")


def test_unreadable_retry_after_falls_back_to_backoff(service):
    """a Retry-After that is neither a number nor a date is ignored: the backoff applies"""
    SCRIPTS["/odd"] = [("retry-after", 503, "soon-ish"), 200]
    fake = FakeTime()
    with client(service, fake, rng=Rng(0.5), base_delay=0.2) as c:
        r = c.get("/odd")
    assert r.status_code == 200
    assert fake.slept == pytest.approx([0.1]), f"an unreadable Retry-After: sleep backoff(1) = 0.1 instead, slept {fake.slept}"


# ----------------------------------------------------------------------------- idempotency


def test_post_without_key_is_not_retried(service):
    """a POST without an Idempotency-Key is sent once: repeating it could do it twice"""
    SCRIPTS["/charge"] = [503, 201]
    fake = FakeTime()
    with client(service, fake) as c:
        caught = fails(lambda: c.post("/charge", json={"amount": 5}),
                       "a POST without an Idempotency-Key meets a 503 (then a 201 would come)")
    assert attempts(service, "/charge") == 1, (
        f"a POST is not idempotent: one attempt only, the server saw {attempts(service, '/charge')}")
    assert caught.attempts == 1 and caught.last_response.status_code == 503
    assert fake.slept == [], "a request that won't be retried needs no sleep"
    SCRIPTS["/charge2"] = ["drop", 201]
    with client(service) as c:
        fails(lambda: c.request("PATCH", "/charge2", json={"amount": 5}),
              "a PATCH without an Idempotency-Key meets a dropped connection (then a 201 would come)")
    assert attempts(service, "/charge2") == 1, "PATCH isn't idempotent either: a dropped PATCH is not resent"


def test_post_with_key_is_retried_with_the_same_key(service):
    """with idempotency_key the POST is retried, sending the same Idempotency-Key every time"""
    SCRIPTS["/pay"] = [500, "drop", 201]
    with client(service) as c:
        r = c.post("/pay", json={"amount": 5}, idempotency_key="order-42")
    seen = arrived("/pay")
    assert r.status_code == 201 and len(seen) == 3, f"500, a drop, then 201: 3 attempts, the server saw {len(seen)}"
    keys = [headers.get("idempotency-key") for _, headers in seen]
    assert keys == ["order-42"] * 3, (
        f"every attempt must carry the same Idempotency-Key, so the server can recognise a repeat; got {keys}")


def test_key_in_headers_counts_too(service):
    """an Idempotency-Key the caller put in headers= also makes a POST safe to retry"""
    SCRIPTS["/pay2"] = [502, 201]
    with client(service) as c:
        r = c.post("/pay2", json={}, headers={"idempotency-key": "k-7", "X-Trace": "t"})
    seen = arrived("/pay2")
    assert r.status_code == 201 and len(seen) == 2, "an Idempotency-Key in headers= makes the POST retryable"
    assert [h.get("x-trace") for _, h in seen] == ["t", "t"], "the caller's other headers go on every attempt"
    assert [h.get("idempotency-key") for _, h in seen] == ["k-7", "k-7"], "the caller's key goes on every attempt"


@pytest.mark.parametrize("method", ["PUT", "DELETE", "HEAD", "OPTIONS", "get"])
def test_idempotent_methods_are_retried(service, method):
    """PUT, DELETE, HEAD and OPTIONS are idempotent (and methods are case-insensitive)"""
    SCRIPTS["/thing"] = [500, 200]
    with client(service) as c:
        r = c.request(method, "/thing")
    assert r.status_code == 200 and attempts(service, "/thing") == 2, (
        f"{method} is idempotent: a 500 should be retried; the server saw {attempts(service, '/thing')}")
    assert arrived("/thing")[0][0] == method.upper()


# ----------------------------------------------------------------------------- the deadline


def test_deadline_bounds_backoff(service):
    """the pauses never carry the call past the deadline: give up instead of sleeping into it"""
    SCRIPTS["/never"] = [500]
    fake = FakeTime()
    with client(service, fake, rng=Rng(0.999), base_delay=1.0, max_delay=8.0, max_attempts=10, deadline=5.0) as c:
        caught = fails(lambda: c.get("/never"), "pauses of ~1, ~2, ~4 s against a 5 s deadline", DeadlineExceeded)
    assert attempts(service, "/never") == 3, (
        f"pauses of ~1 s and ~2 s fit in a 5 s deadline, the next (~4 s) does not: 3 attempts, then "
        f"DeadlineExceeded; the server saw {attempts(service, '/never')}")
    assert fake.slept == pytest.approx([0.999, 1.998]), f"slept {fake.slept}: the ~4 s pause should not be taken"
    assert caught.attempts == 3, (
        "DeadlineExceeded is a RetryError whose attempts says how many were made")


def test_retry_after_beyond_the_deadline(service):
    """Retry-After: 30 with a 2 s deadline: give up at once instead of sleeping 30 s"""
    SCRIPTS["/maint"] = [("retry-after", 503, "30"), 200]
    fake = FakeTime()
    with client(service, fake, deadline=2.0) as c:
        fails(lambda: c.get("/maint"), "Retry-After: 30 with a 2 s deadline", DeadlineExceeded)
    assert fake.slept == [] and attempts(service, "/maint") == 1, (
        f"the server asks for 30 s, the deadline allows 2: no sleep, no second attempt; slept {fake.slept}")


def test_deadline_cuts_a_slow_attempt(service):
    """a slow answer is cut off at the deadline, not at the (longer) per-attempt timeout"""
    SCRIPTS["/crawl"] = [("slow", 3.0, 200)]
    started = time.monotonic()
    with RetryingClient(service.url, timeout=5.0, deadline=0.8) as c:
        fails(lambda: c.get("/crawl"), "a 3 s answer with deadline=0.8 (and timeout=5)", DeadlineExceeded)
    took = time.monotonic() - started
    assert took <= 1.1, (f"with deadline=0.8 the whole call must end by about 0.8 s, it took {took:.2f} s: "
                         "give each attempt min(timeout, time left) as its timeout")
    assert took >= 0.6, f"the call gave up after {took:.2f} s, before its 0.8 s deadline"


def test_a_sleep_that_overruns(service):
    """a pause that lasted longer than asked (a busy machine) and passed the deadline: no further attempt"""
    SCRIPTS["/late"] = [500, 200]
    fake = FakeTime()

    def oversleep(seconds):
        fake.slept.append(seconds + 1.4)  # woke up 1.4 s late

    with RetryingClient(service.url, deadline=1.0, base_delay=0.2, rng=Rng(0.5), sleep=oversleep,
                        clock=fake.clock) as c:
        err = fails(lambda: c.get("/late"), "a 500, then a pause that overran a 1 s deadline", DeadlineExceeded)
    assert attempts(service, "/late") == 1 and err.attempts == 1, (
        f"after the pause the deadline had passed: no second attempt, the server saw {attempts(service, '/late')}")


def test_real_sleeps_fit_the_deadline(service):
    """with the real time.sleep: a failing service, 1 s deadline, the call ends within it"""
    SCRIPTS["/real"] = [503]
    started = time.monotonic()
    with RetryingClient(service.url, base_delay=0.2, max_delay=0.5, max_attempts=20, deadline=1.0) as c:
        fails(lambda: c.get("/real"), "a service that always answers 503, with a 1 s deadline")
    took = time.monotonic() - started
    assert took <= 1.1, f"the call took {took:.2f} s, past its 1 s deadline"
    assert attempts(service, "/real") >= 3, (
        f"in 1 s with pauses of at most 0.2, 0.4, 0.5 s there is room for 3 or more attempts, the server saw "
        f"{attempts(service, '/real')}")


# ----------------------------------------------------------------------------- connections


def open_connections(port, local_ports):
    """This process's connections to the service from the given local ports, still open."""
    return [c for c in psutil.Process().net_connections(kind="tcp") if c.raddr and c.raddr.port == port
            and c.laddr.port in local_ports and c.status == psutil.CONN_ESTABLISHED]


def test_one_session_and_close(service):
    """all requests share one kept-alive connection; close() closes it"""
    port = int(service.url.rsplit(":", 1)[1])
    c = client(service)
    for _ in range(5):
        c.get("/a")
    SCRIPTS["/b"] = [500, 200]
    c.get("/b")
    assert len(set(PEERS)) == 1, (
        f"7 requests came from {len(set(PEERS))} different connections: keep one requests.Session in the client "
        "so its connection is reused (and the failed response is closed before retrying)")
    mine = set(PEERS)
    assert open_connections(port, mine), "the client's connection should stay open between calls (keep-alive)"
    c.close()
    time.sleep(0.05)
    assert not open_connections(port, mine), "close() should close the client's connections (close the Session)"
    PEERS.clear()
    SCRIPTS["/stream"] = [503, 200]
    with client(service) as c:
        assert c.get("/stream", stream=True).content  # read to the end, and let go of the response
        c.get("/a")
        mine = set(PEERS)
        assert len(mine) == 1, (
            f"with stream=True the 503's body is never read: read it (response.content) and close the failed "
            f"response before retrying, or its connection can't be reused; the requests used {len(mine)} connections")
    time.sleep(0.05)
    assert not open_connections(port, mine), "leaving the with block should close the session"
