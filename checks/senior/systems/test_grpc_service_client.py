import json
import threading
import time
from concurrent import futures

import grpc
import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from grpc_service_client import (CircuitBreaker, CircuitOpen, DeadlineExceeded, InvalidArgument, InventoryClient,
                                 InventoryService, NotFound, OutOfStock, ServiceError, Unavailable, serve)
from pyexercise.checklib import hammer, race_amplifier

CODE = grpc.StatusCode


def encode(message):
    return json.dumps(message).encode()


def decode(data):
    return json.loads(data)


# ------------------------------------------------------------------ the learner's service


@pytest.fixture
def shop():
    """The learner's service with two items, served by their serve()."""
    service = InventoryService({"apple": {"name": "Apple", "stock": 3}, "pear": {"name": "Pear", "stock": 0}})
    server, port = serve(service)
    channel = grpc.insecure_channel(f"127.0.0.1:{port}")
    try:
        yield {"server": server, "port": port, "channel": channel}
    finally:
        channel.close()
        server.stop(0)


def raw(channel, method, request, raw_reply=False):
    call = channel.unary_unary(f"/inventory.Inventory/{method}", request_serializer=encode,
                               response_deserializer=None if raw_reply else decode)
    return call(request, timeout=5)


def details_of(channel, method, request):
    try:
        raw(channel, method, request)
    except grpc.RpcError as exc:
        return exc.details()
    return None


def code_of(channel, method, request):
    try:
        reply = raw(channel, method, request)
    except grpc.RpcError as exc:
        return exc.code()
    pytest.fail(f"{method}({request!r}) should fail with a status code, but it answered {reply!r}", pytrace=False)


def test_serve_returns_server_and_port(shop):
    """serve() starts a grpc.Server and returns it with the port it listens on"""
    assert isinstance(shop["server"], grpc.Server), f"serve() should return a grpc.Server first, got {shop['server']!r}"
    assert type(shop["port"]) is int and shop["port"] > 0, f"serve() should return the port as an int, got {shop['port']!r}"


def test_get_item_speaks_json(shop):
    """GetItem answers {"sku", "name", "stock"} as JSON bytes"""
    reply = raw(shop["channel"], "GetItem", {"sku": "apple"}, raw_reply=True)
    assert isinstance(reply, bytes), "the response serializer should produce bytes"
    try:
        message = json.loads(reply)
    except ValueError:
        pytest.fail(f"GetItem's reply should be JSON (json.dumps(...).encode()), got {reply[:80]!r}", pytrace=False)
    assert message == {"sku": "apple", "name": "Apple", "stock": 3}, (
        f"GetItem({{'sku': 'apple'}}) should answer {{'sku': 'apple', 'name': 'Apple', 'stock': 3}}, got {message!r}")


@pytest.mark.parametrize("request_, want", [
    ({"sku": "plum"}, CODE.NOT_FOUND), ({}, CODE.INVALID_ARGUMENT), ({"sku": 5}, CODE.INVALID_ARGUMENT),
    ({"sku": ""}, CODE.INVALID_ARGUMENT), (["apple"], CODE.INVALID_ARGUMENT)])
def test_get_item_status_codes(shop, request_, want):
    """an unknown SKU is NOT_FOUND; a missing, empty or non-string sku is INVALID_ARGUMENT; details say why"""
    got = code_of(shop["channel"], "GetItem", request_)
    assert got == want, f"GetItem({request_!r}) should fail with {want.name}, got {got.name}"
    details = details_of(shop["channel"], "GetItem", request_)
    assert details, f"GetItem({request_!r}) fails without details: pass a message to context.abort(code, details)"
    if want == CODE.NOT_FOUND:
        assert "plum" in details, f"the NOT_FOUND details should name the SKU 'plum', they say {details!r}"


def test_reserve_takes_stock(shop):
    """Reserve takes from the stock and answers {"sku", "stock"} with what is left"""
    got = raw(shop["channel"], "Reserve", {"sku": "apple", "quantity": 2})
    assert got == {"sku": "apple", "stock": 1}, f"reserving 2 of 3 apples should answer {{'sku': 'apple', 'stock': 1}}, got {got!r}"
    got = code_of(shop["channel"], "Reserve", {"sku": "apple", "quantity": 2})
    assert got == CODE.FAILED_PRECONDITION, f"reserving 2 when 1 is left should fail with FAILED_PRECONDITION, got {got.name}"
    details = details_of(shop["channel"], "Reserve", {"sku": "apple", "quantity": 2})
    assert details and "1" in details, f"the FAILED_PRECONDITION details should say how many are left (1): {details!r}"
    stock = raw(shop["channel"], "GetItem", {"sku": "apple"})["stock"]
    assert stock == 1, f"a refused reservation must not change the stock: 1 should be left, GetItem says {stock}"
    assert raw(shop["channel"], "Reserve", {"sku": "apple", "quantity": 1}) == {"sku": "apple", "stock": 0}
    assert code_of(shop["channel"], "Reserve", {"sku": "pear", "quantity": 1}) == CODE.FAILED_PRECONDITION


@pytest.mark.parametrize("quantity", [0, -1, "2", True, 1.5, None])
def test_reserve_rejects_bad_quantities(shop, quantity):
    """quantity must be a positive int (not a bool, a str or a float): else INVALID_ARGUMENT"""
    request = {"sku": "apple", "quantity": quantity} if quantity is not None else {"sku": "apple"}
    got = code_of(shop["channel"], "Reserve", request)
    assert got == CODE.INVALID_ARGUMENT, f"Reserve({request!r}) should fail with INVALID_ARGUMENT, got {got.name}"
    assert details_of(shop["channel"], "Reserve", request), "INVALID_ARGUMENT should come with details saying why"
    assert raw(shop["channel"], "GetItem", {"sku": "apple"})["stock"] == 3, "a rejected request must not change the stock"
    assert code_of(shop["channel"], "Reserve", {"sku": "plum", "quantity": 1}) == CODE.NOT_FOUND


def test_reserve_is_thread_safe():
    """40 concurrent reservations of 1 against a stock of 25: exactly 25 succeed, the stock ends at 0"""
    with race_amplifier():
        service = InventoryService({"gift": {"name": "Gift", "stock": 25}})
        server, port = serve(service, max_workers=8)
        channel = grpc.insecure_channel(f"127.0.0.1:{port}")
        try:
            call = channel.unary_unary("/inventory.Inventory/Reserve", request_serializer=encode,
                                       response_deserializer=decode)
            pending = [call.future({"sku": "gift", "quantity": 1}, timeout=20) for _ in range(40)]
            ok = refused = 0
            for f in pending:
                try:
                    f.result()
                    ok += 1
                except grpc.RpcError as exc:
                    if exc.code() != CODE.FAILED_PRECONDITION:
                        raise
                    refused += 1
            left = raw(channel, "GetItem", {"sku": "gift"})["stock"]
        finally:
            channel.close()
            server.stop(0)
    assert (ok, refused, left) == (25, 15, 0), (
        f"of 40 reservations of 1 against 25 in stock, 25 should succeed and 15 fail, leaving 0; got {ok} "
        f"successes, {refused} refusals, {left} left. gRPC runs handlers on a thread pool: check the stock and "
        "take from it under one lock")


# ------------------------------------------------------------------ a scripted server for the client
#
# The check's own server, counting calls. Each method follows a script, one entry per call, the
# last one repeating: "ok", a StatusCode to fail with, or ("slow", seconds).


class Scripted:
    def __init__(self):
        self.scripts = {"GetItem": ["ok"], "Reserve": ["ok"]}
        self.calls = []  # (method, peer, time_remaining)
        self.lock = threading.Lock()

    def handler(self, method):
        def handle(request, context):
            with self.lock:
                n = sum(1 for m, _, _ in self.calls if m == method)
                self.calls.append((method, context.peer(), context.time_remaining()))
                script = self.scripts[method]
                action = script[min(n, len(script) - 1)]
            if isinstance(action, tuple):
                time.sleep(action[1])
                action = "ok"
            if action != "ok":
                context.abort(action, f"scripted {action.name}")
            if method == "GetItem":
                return {"sku": request["sku"], "name": "Thing", "stock": 5}
            return {"sku": request["sku"], "stock": 5 - request["quantity"]}
        return grpc.unary_unary_rpc_method_handler(handle, request_deserializer=decode, response_serializer=encode)

    def count(self, method=None):
        with self.lock:
            return sum(1 for m, _, _ in self.calls if method is None or m == method)


@pytest.fixture(scope="module")
def backend():
    script = Scripted()
    handlers = grpc.method_handlers_generic_handler(
        "inventory.Inventory", {"GetItem": script.handler("GetItem"), "Reserve": script.handler("Reserve")})
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8), handlers=[handlers])
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    script.target = f"127.0.0.1:{port}"
    try:
        yield script
    finally:
        server.stop(0)


@pytest.fixture
def svc(backend):
    with backend.lock:
        backend.scripts = {"GetItem": ["ok"], "Reserve": ["ok"]}
        backend.calls.clear()
    return backend


class FakeClock:
    def __init__(self):
        self.now = 1000.0
        self.slept = []

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.slept.append(seconds)


def outcome(call):
    """What a call did: its result, or the exception it raised (NotImplementedError goes through)."""
    try:
        return call()
    except NotImplementedError:
        raise
    except Exception as exc:  # noqa: BLE001 - the check looks at which one
        return exc


def test_client_calls(svc):
    """get_item() returns the reply as a dict; reserve() returns the stock left as an int"""
    with InventoryClient(svc.target) as c:
        item = c.get_item("apple")
        left = c.reserve("apple", 2)
    assert item == {"sku": "apple", "name": "Thing", "stock": 5} and type(item) is dict, (
        f"get_item('apple') should return the service's reply as a dict, got {item!r}")
    assert left == 3 and type(left) is int, f"reserve('apple', 2) should return the stock left, the int 3; got {left!r}"
    assert (svc.count("GetItem"), svc.count("Reserve")) == (1, 1), "one call each should reach the service"


@pytest.mark.parametrize("code, exc", [(CODE.NOT_FOUND, NotFound), (CODE.INVALID_ARGUMENT, InvalidArgument),
                                       (CODE.FAILED_PRECONDITION, OutOfStock), (CODE.PERMISSION_DENIED, ServiceError),
                                       (CODE.INTERNAL, ServiceError)])
def test_status_codes_become_exceptions(svc, code, exc):
    """each status code raises its exception, carrying .code, and is not retried"""
    svc.scripts["Reserve"] = [code, "ok"]
    with InventoryClient(svc.target) as c:
        got = outcome(lambda: c.reserve("apple", 1))
    assert type(got) is exc, (f"a {code.name} reply should raise {exc.__name__}, got {got!r} after {svc.count()} "
                              f"call(s) to the service{' (a retry?)' if svc.count() > 1 else ''}")
    assert got.code == code, f"the {exc.__name__}'s .code should be StatusCode.{code.name}, got {got.code!r}"
    assert str(got) == f"{code.name}: scripted {code.name}", (
        f"the exception's message should be 'NAME: details', here {code.name + ': scripted ' + code.name!r}; "
        f"got {str(got)!r}")
    assert svc.count() == 1, (f"{code.name} is an answer, not a lost request: it must not be retried, but the "
                              f"service saw {svc.count()} calls")


def test_unavailable_is_retried_with_backoff(svc):
    """UNAVAILABLE twice, then an answer: three calls, pausing backoff, then twice that"""
    svc.scripts["GetItem"] = [CODE.UNAVAILABLE, CODE.UNAVAILABLE, "ok"]
    fake = FakeClock()
    with InventoryClient(svc.target, sleep=fake.sleep, backoff=0.05) as c:
        got = outcome(lambda: c.get_item("apple"))
    assert isinstance(got, dict), f"the third try succeeds, so get_item() should return its reply, got {got!r}"
    assert svc.count() == 3, f"UNAVAILABLE, UNAVAILABLE, ok: 3 calls should reach the service, it saw {svc.count()}"
    assert fake.slept == pytest.approx([0.05, 0.1]), f"the pauses should be backoff then 2 x backoff: {fake.slept}"


def test_unavailable_gives_up(svc):
    """a service that stays UNAVAILABLE: max_attempts calls, then Unavailable"""
    svc.scripts["GetItem"] = [CODE.UNAVAILABLE]
    fake = FakeClock()
    with InventoryClient(svc.target, sleep=fake.sleep) as c:
        got = outcome(lambda: c.get_item("apple"))
    assert type(got) is Unavailable, f"after the retries run out get_item() should raise Unavailable, got {got!r}"
    assert got.code == CODE.UNAVAILABLE
    assert svc.count() == 3, f"max_attempts is 3 by default: 3 calls, the service saw {svc.count()}"


def test_deadline_reaches_the_server(svc):
    """a slow answer: DeadlineExceeded after the timeout, not retried; the server knew the deadline"""
    svc.scripts["GetItem"] = [("slow", 1.0)]
    started = time.monotonic()
    with InventoryClient(svc.target, timeout=0.3) as c:
        got = outcome(lambda: c.get_item("apple"))
    took = time.monotonic() - started
    assert type(got) is DeadlineExceeded, f"no answer within timeout=0.3 should raise DeadlineExceeded, got {got!r}"
    assert got.code == CODE.DEADLINE_EXCEEDED
    assert took < 0.7, f"the call should give up after 0.3 s, it took {took:.2f} s"
    assert svc.count() == 1, f"DEADLINE_EXCEEDED is not retried: one call, the service saw {svc.count()}"
    remaining = svc.calls[0][2]
    assert remaining is not None and remaining <= 0.31, (
        f"the server saw {remaining!r} seconds left on the call: pass timeout= to the stub call, so the deadline "
        "travels with the request and the server can give up too")


def test_deadline_covers_the_retries(svc):
    """the timeout bounds the whole call: retries stop when the next pause would pass it"""
    svc.scripts["GetItem"] = [CODE.UNAVAILABLE]
    started = time.monotonic()
    with InventoryClient(svc.target, timeout=0.5, max_attempts=50, backoff=0.1) as c:
        got = outcome(lambda: c.get_item("apple"))
    took = time.monotonic() - started
    assert isinstance(got, ServiceError), f"a service that stays UNAVAILABLE should end in a ServiceError, got {got!r}"
    assert took < 0.65, f"with timeout=0.5 the call (with its retries) took {took:.2f} s"
    assert svc.count() == 3, (f"pauses of 0.1 and 0.2 s fit in 0.5 s, the next (0.4 s) does not: 3 calls, the "
                              f"service saw {svc.count()}")
    left = [r for _, _, r in svc.calls]
    assert left[-1] < left[0] - 0.2, (f"each retry should get only the time left of the one deadline; the server saw "
                                      f"{[round(x, 2) for x in left]} s left")


def test_one_channel(svc):
    """every call of a client goes over the same channel (one connection)"""
    with InventoryClient(svc.target) as c:
        for _ in range(4):
            c.get_item("apple")
        c.reserve("apple", 1)
    peers = {p for _, p, _ in svc.calls}
    assert len(peers) == 1, (f"5 calls came from {len(peers)} connections: open one grpc channel in __init__ "
                             "and reuse it")


def test_close(svc):
    """after close() (or a with block) the client's channel is closed: a call fails and reaches nothing"""
    c = InventoryClient(svc.target)
    c.get_item("apple")
    c.close()
    got = outcome(lambda: c.get_item("apple"))
    assert isinstance(got, Exception), f"a call after close() should fail, it returned {got!r}"
    assert svc.count() == 1, "after close() no call may reach the service"
    with InventoryClient(svc.target) as c:
        c.get_item("apple")
    got = outcome(lambda: c.get_item("apple"))
    assert isinstance(got, Exception) and svc.count() == 2, "leaving the with block should close the channel"


def test_rejects_bad_settings():
    """max_attempts < 1, timeout <= 0, a failure_threshold < 1 or a reset_timeout <= 0 is a ValueError"""
    for kwargs in ({"max_attempts": 0}, {"timeout": 0}, {"backoff": -1}):
        with pytest.raises(ValueError):
            InventoryClient("127.0.0.1:9", **kwargs)
    for kwargs in ({"failure_threshold": 0}, {"reset_timeout": 0}):
        with pytest.raises(ValueError):
            CircuitBreaker(**kwargs)
    InventoryClient("127.0.0.1:9", max_attempts=1, backoff=0, timeout=0.01).close()  # the smallest allowed
    CircuitBreaker(failure_threshold=1, reset_timeout=0.5)


def test_breaker_defaults():
    """by default the breaker opens after 5 failures in a row and half-opens after 10 s"""
    clock = FakeClock()
    breaker = CircuitBreaker(clock=clock)
    for n in range(4):
        breaker.before_call()
        breaker.record_failure()
    assert breaker.state == "closed" and breaker.failures == 4, "4 failures are below the default threshold of 5"
    breaker.before_call()
    breaker.record_failure()
    assert breaker.state == "open", "the 5th failure in a row opens a default breaker"
    clock.now += 9.9
    assert breaker.state == "open", "a default breaker stays open for 10 s"
    clock.now += 0.1
    assert breaker.state == "half_open", "after 10 s a default breaker is half_open"


# ------------------------------------------------------------------ the circuit breaker


def test_breaker_opens_and_blocks_calls(svc):
    """3 failures open the breaker; then no call reaches the service, and each fails fast"""
    svc.scripts["GetItem"] = [CODE.UNAVAILABLE]
    clock = FakeClock()
    breaker = CircuitBreaker(failure_threshold=3, reset_timeout=5.0, clock=clock)
    assert breaker.state == "closed", f"a new breaker is 'closed', got {breaker.state!r}"
    with InventoryClient(svc.target, max_attempts=1, breaker=breaker) as c:
        first = [outcome(lambda: c.get_item("a")) for _ in range(3)]
        assert all(type(e) is Unavailable for e in first), f"the first 3 calls fail with Unavailable, got {first}"
        assert breaker.state == "open", f"after 3 failures in a row the breaker should be 'open', it is {breaker.state!r}"
        started = time.monotonic()
        later = [outcome(lambda: c.get_item("a")) for _ in range(7)]
        took = time.monotonic() - started
    assert all(type(e) is CircuitOpen for e in later), f"while open, calls should raise CircuitOpen, got {later}"
    assert isinstance(later[0], Unavailable), "CircuitOpen is a kind of Unavailable, so callers can catch both"
    assert svc.count() == 3, (f"while the breaker is open no call may reach the service; it saw {svc.count()} calls "
                              "(3 before it opened)")
    assert took < 0.1, f"7 calls against an open breaker took {took:.2f} s: they should fail at once"


def test_breaker_half_open_trial(svc):
    """after reset_timeout one trial call goes through: failure reopens, success closes"""
    svc.scripts["GetItem"] = [CODE.UNAVAILABLE]
    clock = FakeClock()
    breaker = CircuitBreaker(failure_threshold=2, reset_timeout=5.0, clock=clock)
    with InventoryClient(svc.target, max_attempts=1, breaker=breaker) as c:
        for _ in range(2):
            outcome(lambda: c.get_item("a"))
        clock.now += 4.9
        assert type(outcome(lambda: c.get_item("a"))) is CircuitOpen, "before reset_timeout the breaker stays open"
        clock.now += 0.1
        assert breaker.state == "half_open", f"after reset_timeout the breaker should be 'half_open', not {breaker.state!r}"
        trial = outcome(lambda: c.get_item("a"))
        assert type(trial) is Unavailable and svc.count() == 3, (
            f"in half_open one trial call goes to the service (it fails here): got {trial!r}, calls seen {svc.count()}")
        assert breaker.state == "open", f"a failed trial opens the breaker again, it is {breaker.state!r}"
        assert type(outcome(lambda: c.get_item("a"))) is CircuitOpen and svc.count() == 3, (
            "after a failed trial the breaker is open for another reset_timeout: no call goes through")
        svc.scripts["GetItem"] = ["ok"]
        clock.now += 5.0
        got = outcome(lambda: c.get_item("a"))
        assert isinstance(got, dict) and svc.count() == 4, f"the next trial reaches the healthy service: got {got!r}"
        assert breaker.state == "closed", f"a successful trial closes the breaker, it is {breaker.state!r}"
        for _ in range(3):
            c.get_item("a")
    assert svc.count() == 7, "once closed again every call goes through"


def test_business_errors_do_not_trip_the_breaker(svc):
    """NOT_FOUND and friends mean the service works: they never open the breaker"""
    svc.scripts["GetItem"] = [CODE.NOT_FOUND, CODE.INVALID_ARGUMENT, CODE.FAILED_PRECONDITION]
    breaker = CircuitBreaker(failure_threshold=2, reset_timeout=5.0, clock=FakeClock())
    with InventoryClient(svc.target, breaker=breaker) as c:
        got = [type(outcome(lambda: c.get_item("a"))).__name__ for _ in range(6)]
    assert breaker.state == "closed", (f"6 calls answered NOT_FOUND / INVALID_ARGUMENT / FAILED_PRECONDITION left the "
                                       f"breaker {breaker.state!r}: those are answers from a healthy service")
    assert svc.count() == 6 and got[:2] == ["NotFound", "InvalidArgument"], f"every call should reach the service: {got}"


def test_deadline_trips_the_breaker(svc):
    """timeouts count as failures too"""
    svc.scripts["GetItem"] = [("slow", 0.3)]
    breaker = CircuitBreaker(failure_threshold=2, reset_timeout=5.0, clock=FakeClock())
    with InventoryClient(svc.target, timeout=0.1, breaker=breaker) as c:
        got = [type(outcome(lambda: c.get_item("a"))).__name__ for _ in range(3)]
    assert got == ["DeadlineExceeded", "DeadlineExceeded", "CircuitOpen"], (
        f"two timeouts should open a breaker with failure_threshold=2: got {got}")


def test_an_answer_resets_the_count(svc):
    """a NOT_FOUND in between resets the failure count too: the service answered"""
    svc.scripts["GetItem"] = [CODE.UNAVAILABLE, CODE.NOT_FOUND, CODE.UNAVAILABLE, "ok"]
    breaker = CircuitBreaker(failure_threshold=2, reset_timeout=5.0, clock=FakeClock())
    with InventoryClient(svc.target, max_attempts=1, breaker=breaker) as c:
        got = [type(outcome(lambda: c.get_item("a"))).__name__ for _ in range(4)]
    assert got == ["Unavailable", "NotFound", "Unavailable", "dict"], (
        f"UNAVAILABLE, NOT_FOUND, UNAVAILABLE never makes 2 failures in a row; got {got}")


def test_failures_must_be_consecutive(svc):
    """a success in between resets the failure count"""
    svc.scripts["GetItem"] = [CODE.UNAVAILABLE, CODE.UNAVAILABLE, "ok", CODE.UNAVAILABLE, CODE.UNAVAILABLE, "ok"]
    breaker = CircuitBreaker(failure_threshold=3, reset_timeout=5.0, clock=FakeClock())
    with InventoryClient(svc.target, max_attempts=1, breaker=breaker) as c:
        got = [type(outcome(lambda: c.get_item("a"))).__name__ for _ in range(6)]
    assert breaker.state == "closed" and "CircuitOpen" not in got, (
        f"2 failures, a success, 2 failures: never 3 in a row, so the breaker stays closed; got {got}")
    assert breaker.failures == 0, f"after the last success the failure count is 0, got {breaker.failures!r}"


def test_only_one_trial_at_a_time(svc):
    """half_open lets exactly one call through, even when five arrive together"""
    svc.scripts["GetItem"] = [CODE.UNAVAILABLE, ("slow", 0.3)]
    clock = FakeClock()
    breaker = CircuitBreaker(failure_threshold=1, reset_timeout=5.0, clock=clock)
    with InventoryClient(svc.target, max_attempts=1, breaker=breaker) as c:
        outcome(lambda: c.get_item("a"))
        clock.now += 5.0
        run = hammer(lambda: type(outcome(lambda: c.get_item("a"))).__name__, threads=5, calls=1)
    names = sorted(run.results)
    if run.errors:
        raise run.errors[0]
    assert names == ["CircuitOpen"] * 4 + ["dict"], (
        f"5 calls arriving together in half_open: one trial goes through, 4 get CircuitOpen; got {names}")
    assert svc.count() == 2, f"the service should see the first failure and one trial, it saw {svc.count()} calls"


def test_breaker_counts_under_threads():
    """failures recorded from 8 threads at once are all counted"""
    breaker = CircuitBreaker(failure_threshold=1000, reset_timeout=5.0, clock=FakeClock())
    with race_amplifier():
        run = hammer(breaker.record_failure, threads=8, calls=100)
    if run.errors:
        raise run.errors[0]
    assert breaker.failures == 800 and breaker.state == "closed", (
        f"8 threads x 100 record_failure() should count 800 (threshold 1000: still closed), got {breaker.failures}, "
        f"{breaker.state!r}: guard the count with a lock")
    for _ in range(200):
        breaker.record_failure()
    assert breaker.state == "open", "the 1000th failure opens it"


class BreakerModel(RuleBasedStateMachine):
    """The breaker against a model, with a fake clock: before_call, record_*, time passing."""

    def __init__(self):
        super().__init__()
        self.clock = FakeClock()
        self.breaker = CircuitBreaker(failure_threshold=3, reset_timeout=10.0, clock=self.clock)
        self.failures, self.opened_at, self.trial = 0, None, False
        self.in_call = False

    def model_state(self):
        if self.opened_at is None:
            return "closed"
        if self.trial or self.clock.now - self.opened_at >= 10.0:
            return "half_open"
        return "open"

    @precondition(lambda self: not self.in_call)
    @rule()
    def before_call(self):
        state = self.model_state()
        allowed = state == "closed" or (state == "half_open" and not self.trial)
        got = outcome(self.breaker.before_call)
        if allowed:
            assert got is None, f"in state {state!r} (no trial in flight) before_call() should let the call go, raised {got!r}"
            self.in_call = True
            if state == "half_open":
                self.trial = True
        else:
            assert type(got) is CircuitOpen, f"in state {state!r}{' with a trial in flight' if self.trial else ''} before_call() should raise CircuitOpen, got {got!r}"

    @precondition(lambda self: self.in_call)
    @rule()
    def success(self):
        self.breaker.record_success()
        self.failures, self.opened_at, self.trial, self.in_call = 0, None, False, False

    @precondition(lambda self: self.in_call)
    @rule()
    def failure(self):
        self.breaker.record_failure()
        self.in_call = False
        self.failures += 1
        if self.trial:
            self.trial, self.opened_at = False, self.clock.now
        elif self.opened_at is None and self.failures >= 3:
            self.opened_at = self.clock.now

    @rule(seconds=st.sampled_from([0.5, 3.0, 9.9, 10.0, 25.0]))
    def wait(self, seconds):
        self.clock.now += seconds

    @invariant()
    def same_state(self):
        got = self.breaker.state
        assert got == self.model_state(), f"the breaker's state should be {self.model_state()!r}, it says {got!r}"
        assert self.breaker.failures == self.failures, (
            f"failures should be {self.failures} (failures since the last success), it says {self.breaker.failures}")


TestBreakerModel = BreakerModel.TestCase
